from django import template
from django.http import HttpRequest

from jaring.network import labels
from jaring.network.models import LinkedRecord, Occurrence

register = template.Library()


@register.simple_tag
def page_query(request: HttpRequest, number: int) -> str:
    """The current query string with another page number (filters kept)."""
    query = request.GET.copy()
    query["page"] = str(number)
    return query.urlencode()


register.filter("kind_label", labels.kind_label)
register.filter("record_type_label", labels.record_type_label)
register.filter("category_label", labels.category_label)


@register.filter
def source_label(occurrence: Occurrence) -> str:
    return labels.source_label(occurrence.source, occurrence.record.record_type)


@register.filter
def record_url(record: LinkedRecord) -> str:
    return labels.record_url(record.record_type, record.record_id, record.label)
