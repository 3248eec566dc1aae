from django.urls import path

from jaring.insights import views

app_name = "insights_public"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("data.csv", views.data_csv, name="csv"),
    path("data.json", views.data_json, name="json"),
    path("kamus.json", views.dictionary, name="dictionary"),
]
