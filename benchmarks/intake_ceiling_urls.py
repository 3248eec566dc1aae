"""Bench-only URLconf: every application URL plus a bare view that inserts one row (the framework's ceiling)."""

import json

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from jaring.urls import urlpatterns as app_urlpatterns


@csrf_exempt
def bare_insert(request: HttpRequest) -> HttpResponse:
    """Parses the same JSON body as the real endpoint and inserts one row, in one transaction."""
    body = json.loads(request.body)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_row (body) VALUES (%s)", [body["description"]])
        row_id = cursor.lastrowid
    return JsonResponse({"id": row_id}, status=201)


urlpatterns = [path("bench/insert", bare_insert), *app_urlpatterns]
