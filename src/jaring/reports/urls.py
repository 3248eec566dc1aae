from django.urls import path

from jaring.web import placeholder

app_name = "reports"
urlpatterns = [path("", placeholder, name="submit")]
