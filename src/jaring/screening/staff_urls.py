from django.urls import path

from jaring.web import placeholder

app_name = "screening_staff"
urlpatterns = [path("", placeholder, name="stats")]
