from django.urls import path

from jaring.web import placeholder

app_name = "outreach"
urlpatterns = [path("", placeholder, name="index")]
