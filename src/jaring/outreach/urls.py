from django.urls import path, re_path

from jaring.outreach.views import public

app_name = "outreach"
CODE = r"(?P<code>[A-Za-z]{3}-[A-Za-z0-9]{4})"
urlpatterns = [
    path("", public.index, name="index"),
    path("minta/", public.session_request, name="request"),
    path("minta/terkirim/", public.session_request_done, name="request_done"),
    re_path(rf"^{CODE}/$", public.event_detail, name="event"),
    re_path(rf"^{CODE}/(?P<phase_slug>sebelum|sesudah)/$", public.take_quiz, name="quiz"),
]
