from django.urls import path

from jaring.web import placeholder

app_name = "outreach_staff"
urlpatterns = [path("", placeholder, name="index")]
