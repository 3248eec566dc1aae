from django.http import HttpRequest

from jaring.accounts.selectors import primary_office


def office(request: HttpRequest) -> dict:
    # Lazy: pages that never show the footer (API, files) do not pay for the query.
    return {"office": primary_office}
