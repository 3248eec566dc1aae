from django.urls import path

from jaring.web import placeholder

app_name = "casework"
urlpatterns = [path("", placeholder, name="inbox")]
