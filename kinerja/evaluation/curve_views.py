"""The distribution curve pages: /kurva/ (the agencies the actor reads, each with its
organisation predikat and whether its spread follows the guidance) and /kurva/<agency>/ (the
curve of one agency's group against the guidance, the counts, the violations in words, and
the "Finalkan distribusi" form for those who calibrate). Thin: selectors read and authorise;
the finalise form posts to the calibration lock."""

from __future__ import annotations

from fractions import Fraction
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.core.rendering import render_page_or_fragment
from kinerja.evaluation.charts import (
    CURVE_ORDER,
    curve_data,
    curve_summary,
    distribution_curve_svg,
    guidance_sentences,
)
from kinerja.evaluation.organization_forms import (
    AgencyFilterForm,
    ScopeForm,
    agency_filter_values,
    scope_pick,
)
from kinerja.evaluation.permissions import can_calibrate, can_set_organization_rating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import PERIOD_PARAM, SCOPE_PARAM
from kinerja.evaluation.selectors.distribution import GroupDistribution, group_distribution
from kinerja.evaluation.selectors.organization import (
    agency_choices_for_actor,
    agency_overviews,
    curve_agency_for_actor,
    period_choices,
)
from kinerja.periods.models import PeriodState
from kinerja.scoring.distribution import MIN_GROUP_SIZE, DistributionReport
from kinerja.scoring.formatting import format_decimal, format_percent
from kinerja.scoring.ratings import OrganizationPredikat, Predikat

PAGE_SIZE = 50
TOO_SMALL = (
    f"Kelompok terlalu kecil: kurang dari {MIN_GROUP_SIZE} pegawai, sehingga persentase "
    "pedoman tidak bermakna (satu orang sudah 20% atau lebih); hanya larangan predikat yang "
    "diperiksa."
)


@require_GET
def curve_index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    name, kind = agency_filter_values(request.GET)
    agencies = agency_choices_for_actor(actor=actor, name=name, kind=kind)
    scope, field, message = scope_pick(request.GET)
    form = AgencyFilterForm(request.GET, scope=scope, periods=period_choices())
    form.refuse(field, message)
    if scope is None:  # no period at all: the empty state says so
        agencies = agencies.none()
    page = Paginator(agencies, PAGE_SIZE).get_page(request.GET.get("halaman"))
    overviews = agency_overviews(agencies=list(page), scope=scope) if scope else []
    query = request.GET.copy()
    query.pop("halaman", None)
    context = {
        "form": form,
        "scope": scope,
        "page": page,
        "rows": overviews,
        "scope_query": _scope_query(scope),
        "query": query.urlencode(),
    }
    return render_page_or_fragment(
        request,
        page="evaluation/curve/curve_index.html",
        fragment="evaluation/curve/_curve_table_part.html",
        context=context,
    )


def _scope_query(scope: Scope | None) -> str:
    if scope is None:
        return ""
    return urlencode({PERIOD_PARAM: scope.period.pk, SCOPE_PARAM: scope.param})


def _cells(counts: dict[Predikat, int]) -> list[tuple[str, str, str]]:
    """(predikat, count, share) per predikat, worst first: "2", "40,00%"."""
    total = sum(counts.values())
    cells = []
    for predikat in CURVE_ORDER:
        count = counts.get(predikat, 0)
        share = format_percent(Fraction(count, total) if total else 0)
        cells.append((predikat.label, format_decimal(count, 0), share))
    return cells


def _state(report: DistributionReport | None, total: int) -> tuple[str, list[str]]:
    """The check of one row in words, and its violations."""
    if report is None:
        return "Tanpa pedoman (predikat organisasi belum ditetapkan)", []
    violations = [v.message for v in report.violations]
    if violations:
        return f"{len(violations)} penyimpangan", violations
    if report.too_small:
        return "Kelompok terlalu kecil", []
    return ("Sesuai pedoman" if total else "Belum ada predikat"), []


def _rows(group: GroupDistribution) -> list[dict[str, Any]]:
    """The agency first, then each unit: counts and shares per predikat, total and check."""
    agency_state, agency_violations = _state(group.report, group.total)
    rows = [
        {
            "name": f"{group.agency.name} (seluruhnya)",
            "cells": _cells(group.counts),
            "total": group.total,
            "state": agency_state,
            "violations": agency_violations,
            "too_small": group.report is not None and group.report.too_small,
            "is_agency": True,
        }
    ]
    for unit in group.units:
        state, violations = _state(unit.report, unit.total)
        rows.append(
            {
                "name": unit.unit_name,
                "cells": _cells(unit.counts),
                "total": unit.total,
                "state": state,
                "violations": violations,
                "too_small": unit.report is not None and unit.report.too_small,
                "is_agency": False,
            }
        )
    return rows


@require_GET
def curve(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = curve_agency_for_actor(actor=actor, agency_id=agency_id)
    scope, field, message = scope_pick(request.GET)
    form = ScopeForm(request.GET, scope=scope, periods=period_choices())
    form.refuse(field, message)
    context: dict[str, Any] = {"agency": agency, "scope": scope, "form": form}
    if scope is None:
        return render(request, "evaluation/curve/curve.html", context)
    group = group_distribution(agency=agency, scope=scope)
    rating = group.organization_rating
    organization = OrganizationPredikat(rating.predikat) if rating else None
    title = f"Kurva distribusi predikat {agency.name}, {scope.label}"
    here = f"{reverse('evaluation:curve', args=[agency.pk])}?{_scope_query(scope)}"
    set_url = ""
    if can_set_organization_rating(actor) and scope.period.state != PeriodState.CLOSED:
        set_url = (
            reverse("evaluation:organization_rating_set", args=[agency.pk])
            + f"?{_scope_query(scope)}&{urlencode({'kembali': here})}"
        )
    violations = group.violations
    rows = _rows(group)
    context.update(
        {
            "group": group,
            "rating": rating,
            "organization": organization,
            "chart_title": title,
            "svg": distribution_curve_svg(
                title=title, counts=group.counts, organization=organization
            ),
            "summary": curve_summary(counts=group.counts, organization=organization),
            "data": curve_data(group.counts),
            "guidance": guidance_sentences(organization),
            "predikat_labels": [p.label for p in CURVE_ORDER],
            "rows": rows,
            "violations": violations,
            "too_small_text": TOO_SMALL,
            "any_too_small": any(row["too_small"] for row in rows),
            "set_url": set_url,
            "may_finalise": (
                can_calibrate(actor)
                and not group.is_locked
                and scope.period.state != PeriodState.CLOSED
            ),
            "justification_required": bool(violations),
            "lock_url": reverse("evaluation:calibration_lock", args=[agency.pk]),
            "here": here,
            "session": group.session,
        }
    )
    return render(request, "evaluation/curve/curve.html", context)
