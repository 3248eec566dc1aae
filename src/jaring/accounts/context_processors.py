from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from jaring.accounts.selectors import primary_office


def office(request: HttpRequest) -> dict:
    # Lazy: pages that never show the footer (API, files) do not pay for the query; evaluated once per
    # request (a bare callable would be called again by every {{ office.* }} lookup, one query each).
    return {"office": SimpleLazyObject(primary_office)}
