"""/petugas/jaringan/: cluster list, cluster page (graph, summary, timeline), identifiers and proposals."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.permissions import can_view_network, can_work_network, capability_required
from jaring.network import selectors, services
from jaring.network.models import Identifier
from jaring.network.search import MAX_QUERY, identifier_query
from jaring.reports.models import Category, PartyKind

PAGE = 50


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value or default)))
    except ValueError:
        return default


@capability_required(can_view_network)
def index(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:MAX_QUERY]
    filters = {
        "q": q,
        "kind": request.GET.get("kind", "") if request.GET.get("kind") in PartyKind.values else "",
        "category": request.GET.get("category", "") if request.GET.get("category") in Category.values else "",
        # Looking for one number means wanting it even where it occurs once: no minimum size unless asked.
        "min_records": _int(request.GET.get("min"), 1 if q else 2, 1, 1_000_000),
    }
    clusters = selectors.clusters_for(request.user, **filters)
    filters["min_given"] = request.GET.get("min", "").strip()[:9]  # shown as typed; empty means the default
    page = Paginator(clusters, 25).get_page(request.GET.get("page"))
    query = identifier_query(q, filters["kind"]) if q else None
    context = {
        "page": page,
        "filters": filters,
        "query": query,
        "readings": query.readings() if query else [],
        "kinds": PartyKind.choices,
        "categories": Category.choices,
        "notices": selectors.notices_for(request.user).filter(read_at__isnull=True)[:10],
        "proposal_count": selectors.proposals_for(request.user).count()
        if can_work_network(request.user)
        else 0,
    }
    return render(request, "network/index.html", context)


@capability_required(can_view_network)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster, records = selectors.cluster_for(request.user, pk)
    if cluster.pk != pk:
        return redirect("network:detail", pk=cluster.pk)
    page_number = _int(request.GET.get("page"), 1, 1, 1_000_000)
    services.cluster_view_record(cluster=cluster, actor=request.user, page=page_number)
    summary = selectors.summary(records)
    timeline = Paginator(selectors.timeline(records), PAGE).get_page(page_number)
    context = {
        "cluster": cluster,
        "summary": summary,
        "graph": selectors.graph(records, summary.identifiers),
        "graph_limit": selectors.GRAPH_RECORDS,
        "timeline": timeline,
    }
    return render(request, "network/detail.html", context)


@capability_required(can_view_network)
def identifier(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.identifier_for(request.user, pk)
    page = Paginator(selectors.occurrences_for(request.user, found), PAGE).get_page(request.GET.get("page"))
    reports = sorted({o.record.label for o in page if o.record.label})
    context = {
        "identifier": found,
        "page": page,
        "confirmations": found.confirmations.select_related("report", "confirmed_by"),
        "watching": found.watches.filter(user=request.user).exists(),
        "reports": reports,
        "form": {"reason": "", "report": ""},
        "errors": {},
    }
    if request.method == "POST":
        return _confirm(request, found, context)
    services.identifier_view_record(identifier=found, actor=request.user, page=page.number)
    return render(request, "network/identifier.html", context)


def _confirm(request: HttpRequest, found: Identifier, context: dict[str, Any]) -> HttpResponse:
    if not can_work_network(request.user):
        raise PermissionDenied
    reason = request.POST.get("reason", "")
    code = request.POST.get("report", "").strip().upper()[:32]
    report = selectors.reports_visible_to(request.user).filter(tracking_code=code).first()
    try:
        services.identifier_confirm(identifier=found, reason=reason, report=report, actor=request.user)
    except ValidationError as exc:
        context["form"] = {"reason": reason, "report": code}
        context["errors"] = exc.message_dict
        return render(request, "network/identifier.html", context, status=422)
    messages.success(request, _("Identitas ditandai terverifikasi."))
    return redirect("network:identifier", pk=found.pk)


@require_POST
@capability_required(can_work_network)
def watch(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.identifier_for(request.user, pk)
    on = request.POST.get("on") == "1"
    services.watch_set(identifier=found, actor=request.user, on=on)
    messages.success(request, _("Identitas dipantau.") if on else _("Pemantauan dihentikan."))
    return redirect("network:identifier", pk=found.pk)


@capability_required(can_work_network)
def proposals(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.proposals_for(request.user), PAGE).get_page(request.GET.get("page"))
    return render(request, "network/proposals.html", {"page": page})


@require_POST
@capability_required(can_work_network)
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(selectors.proposals_for(request.user), pk=pk)
    confirm = request.POST.get("decision") == "confirm"
    services.proposal_decide(proposal=proposal, confirm=confirm, actor=request.user)
    messages.success(
        request, _("Usulan dikonfirmasi: jaringan digabung.") if confirm else _("Usulan ditolak.")
    )
    return redirect("network:proposals")


@require_POST
@capability_required(can_view_network)
def notices_read(request: HttpRequest) -> HttpResponse:
    services.notices_mark_read(actor=request.user)
    return redirect("network:index")
