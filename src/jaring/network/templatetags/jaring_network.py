from django import template
from django.http import HttpRequest

register = template.Library()


@register.simple_tag
def page_query(request: HttpRequest, number: int) -> str:
    """The current query string with another page number (filters kept)."""
    query = request.GET.copy()
    query["page"] = str(number)
    return query.urlencode()
