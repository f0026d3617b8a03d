"""Pages that show the chain (issue 10, item 6): the results-role matrix, the alignment tree of
an agency and the completion counters. The goal pages are in `goal_views.py`.

Every page takes `?periode=<id>` (default: the current period). Views parse, call one selector
from `kinerja.planning.alignment`, and render.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.core.params import id_param
from kinerja.core.rendering import render_page_or_fragment
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.alignment import (
    alignment_tree_for_actor,
    completion_for_actor,
    results_matrix_for_actor,
)


def period_id_param(request: HttpRequest) -> int | None:
    try:
        return id_param(request.GET.get("periode"), label="Periode")
    except ValidationError:
        raise Http404 from None


def period_choices(period: PerformancePeriod) -> list[dict[str, Any]]:
    return [
        {"id": p.pk, "name": p.name, "selected": p.pk == period.pk}
        for p in PerformancePeriod.objects.order_by("-year", "is_trial", "-start_date")
    ]


def period_query(period: PerformancePeriod) -> str:
    return f"?periode={period.pk}"


# --- the chain --------------------------------------------------------------------------------


@require_GET
def results_matrix(request: HttpRequest) -> HttpResponse:
    matrix = results_matrix_for_actor(
        actor=request_actor(request),
        period_id=period_id_param(request),
        page_number=request.GET.get("halaman"),
    )
    context = {
        "matrix": matrix,
        "page": matrix.page,
        "query": f"periode={matrix.period.pk}",
        "periods": period_choices(matrix.period),
        "action": reverse("planning:results_matrix"),
    }
    return render_page_or_fragment(
        request, page="planning/matrix.html", fragment="planning/_matrix_part.html", context=context
    )


@require_GET
def alignment_tree(request: HttpRequest, agency_id: int) -> HttpResponse:
    try:
        branch_id = id_param(request.GET.get("cabang"), label="Cabang")
    except ValidationError:
        raise Http404 from None
    tree = alignment_tree_for_actor(
        actor=request_actor(request),
        agency_id=agency_id,
        period_id=period_id_param(request),
        branch_id=branch_id,
    )
    action = reverse("planning:alignment_tree", kwargs={"agency_id": agency_id})
    context = {
        "tree": tree,
        "periods": period_choices(tree.period),
        "action": action,
        "tree_url": action + period_query(tree.period),
        "branch_url": action + period_query(tree.period) + "&cabang=",
        "goals_url": reverse("planning:goal_list", kwargs={"agency_id": agency_id})
        + period_query(tree.period),
    }
    return render_page_or_fragment(
        request, page="planning/tree.html", fragment="planning/_tree_part.html", context=context
    )


@require_GET
def completion(request: HttpRequest) -> HttpResponse:
    counters = completion_for_actor(
        actor=request_actor(request), period_id=period_id_param(request)
    )
    context = {
        "completion": counters,
        "periods": period_choices(counters.period),
        "action": reverse("planning:completion"),
        "query": period_query(counters.period),
    }
    return render_page_or_fragment(
        request,
        page="planning/completion.html",
        fragment="planning/_completion_part.html",
        context=context,
    )
