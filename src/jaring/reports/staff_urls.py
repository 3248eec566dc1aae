from django.urls import path

from jaring.web import placeholder

app_name = "reports_staff"
urlpatterns = [path("", placeholder, name="list")]
