from django.urls import path

from jaring.checkpoints import views

app_name = "checkpoints_public"
urlpatterns = [
    path("wawancara/<str:token>/", views.self_interview, name="self_interview"),
]
