from django.urls import path

from jaring.web import placeholder

app_name = "content_staff"
urlpatterns = [path("", placeholder, name="list")]
