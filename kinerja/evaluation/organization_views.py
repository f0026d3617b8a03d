"""Pages of the organisation predikat: every agency the actor reads with its predikat for a
group time (a window or the year), the units' recommendations, who set it and the group's
rated and pending counts; the Pimpinan sets it one agency at a time. Thin: the selectors read
and authorise, `organization_rating_set` writes and refuses."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import Actor, request_actor
from kinerja.accounts.permissions import require
from kinerja.core.rendering import render_page_or_fragment
from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.organization_forms import (
    AgencyFilterForm,
    OrganizationRatingForm,
    agency_filter_values,
    scope_pick,
)
from kinerja.evaluation.permissions import NOT_ORG_RATER, can_set_organization_rating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import scope_from_query
from kinerja.evaluation.selectors.organization import (
    agency_choices_for_actor,
    agency_overviews,
    organization_ratings_for,
    period_choices,
)
from kinerja.evaluation.services.organization import organization_rating_set as rating_set
from kinerja.organization.models import Agency
from kinerja.organization.selectors import agency_get_for_actor
from kinerja.periods.models import PeriodState

PAGE_SIZE = 20
LIST_URL_NAME = "evaluation:organization_rating_list"


def _may_set(actor: Actor, scope: Scope | None) -> bool:
    return (
        can_set_organization_rating(actor)
        and scope is not None
        and scope.period.state != PeriodState.CLOSED
    )


def _initial(rating: OrganizationRating | None) -> dict[str, Any]:
    if rating is None:
        return {}
    return {
        "predikat": rating.predikat,
        "planning_note": rating.planning_note,
        "hr_note": rating.hr_note,
        "audit_note": rating.audit_note,
    }


def _rating_form(agency_id: int, rating: OrganizationRating | None, data: Any = None) -> Any:
    """The form of one agency; its ids carry the agency so that twenty forms share a page."""
    return OrganizationRatingForm(data, initial=_initial(rating), auto_id=f"id_org{agency_id}_%s")


@require_GET
def organization_rating_list(request: HttpRequest) -> HttpResponse:
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
    may_set = _may_set(actor, scope)
    rows = [
        (overview, _rating_form(overview.agency.pk, overview.rating) if may_set else None)
        for overview in overviews
    ]
    query = request.GET.copy()
    query.pop("halaman", None)
    context = {
        "form": form,
        "scope": scope,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "may_set": may_set,
        "back": request.get_full_path(),
    }
    return render_page_or_fragment(
        request,
        page="evaluation/organization/organization_list.html",
        fragment="evaluation/organization/_organization_table_part.html",
        context=context,
    )


def _back_url(value: str, agency_id: int) -> str:
    """Where to go after saving: the list or this agency's curve (with their query), else the
    list."""
    allowed = (reverse(LIST_URL_NAME), reverse("evaluation:curve", args=[agency_id]))
    path = value.split("?", 1)[0]
    if url_has_allowed_host_and_scheme(value, allowed_hosts=None) and path in allowed:
        return value
    return reverse(LIST_URL_NAME)


@require_http_methods(["GET", "POST"])
def organization_rating_set(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency: Agency = agency_get_for_actor(actor=actor, agency_id=agency_id)
    require(can_set_organization_rating(actor), NOT_ORG_RATER)
    source = request.POST if request.method == "POST" else request.GET
    back = _back_url(source.get("kembali", ""), agency.pk)
    try:
        scope = scope_from_query(source)
        scope_error = ""
    except ValidationError as error:
        scope, scope_error = None, error.messages[0]
    rating = None
    if scope is not None:
        rating = organization_ratings_for(agency_ids=[agency.pk], scope=scope).get(agency.pk)
    data = request.POST if request.method == "POST" else None
    form = _rating_form(agency.pk, rating, data)
    if scope_error:
        form.is_valid()
        form.add_error(None, scope_error)
    elif scope is None:
        form.is_valid()
        form.add_error(None, "Belum ada periode penilaian; buat periode lebih dahulu.")
    elif request.method == "POST" and form.is_valid():
        try:
            rating_set(
                actor=actor,
                agency=agency,
                scope=scope,
                predikat=form.cleaned_data["predikat"],
                planning_note=form.cleaned_data["planning_note"],
                hr_note=form.cleaned_data["hr_note"],
                audit_note=form.cleaned_data["audit_note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, f"Predikat kinerja organisasi {agency.name} {scope.label} disimpan."
            )
            return redirect(back)
    context = {"agency": agency, "scope": scope, "form": form, "rating": rating, "back": back}
    return render(request, "evaluation/organization/organization_set.html", context)
