from django.urls import path

from jaring.content import staff_views

app_name = "content_staff"
urlpatterns = [
    path("", staff_views.article_list, name="list"),
    path("artikel/baru/", staff_views.article_new, name="article_new"),
    path("artikel/pratinjau/", staff_views.article_preview, name="article_preview"),
    path("artikel/<int:pk>/", staff_views.article_edit, name="article_edit"),
    path("artikel/<int:pk>/status/", staff_views.article_status, name="article_status"),
    path("artikel/<int:pk>/riwayat/", staff_views.article_history, name="article_history"),
    path("faq/baru/", staff_views.faq_new, name="faq_new"),
    path("faq/<int:pk>/", staff_views.faq_edit, name="faq_edit"),
]
