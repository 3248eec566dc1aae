from django.urls import path

from jaring.web import placeholder

app_name = "screening"
urlpatterns = [path("", placeholder, name="check")]
