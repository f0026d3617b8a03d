"""Published results, documents (PDF report, XLSX answers, QR poster), moderation, follow-up.

The public pages (`public_results`, `public_list`) need no login and show only what
`kinerja.surveys.public_results` gives; every other page authorises with
`service_unit_get_for_actor` (readers: `can_view_unit_reports`) and writes only for
`can_manage_unit_survey`, through the services, which check the same right again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.pdf import PDF_CONTENT_TYPE
from kinerja.organization.models import ServiceUnit
from kinerja.scoring.ikm import WeightConvention
from kinerja.surveys.aggregation import totals_of
from kinerja.surveys.documents.answers_xlsx import answers_xlsx_file, answers_xlsx_name
from kinerja.surveys.documents.bars import bars_svg
from kinerja.surveys.documents.poster import poster_pdf_render
from kinerja.surveys.documents.report_pdf import report_pdf_render
from kinerja.surveys.models import FollowUpAction, SurveyResponse
from kinerja.surveys.permissions import can_manage_unit_survey
from kinerja.surveys.public_results import public_results_get, public_unit_rows
from kinerja.surveys.reports import element_lines, report_build, weakest_lines
from kinerja.surveys.results_forms import FollowUpForm, SuggestionHideForm
from kinerja.surveys.selectors import service_unit_get_for_actor, service_unit_public_get
from kinerja.surveys.services.followups import (
    MANAGE_REFUSAL,
    followup_create,
    followup_delete,
    followup_update,
)
from kinerja.surveys.services.moderation import (
    MODERATE_REFUSAL,
    suggestion_hide,
    suggestion_show,
)
from kinerja.surveys.spans import Span, span_from_params, year_span

PAGE_SIZE = 25
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _span(request: HttpRequest, default: Span) -> tuple[Span, list[str]]:
    """The span the request names, or `default` with the refusal to show on the page."""
    try:
        return span_from_params(request.GET, default=default), []
    except ValidationError as error:
        return default, [m for messages_ in error.message_dict.values() for m in messages_]


def _this_year() -> Span:
    return year_span(timezone.localdate().year)


def _span_refused(request: HttpRequest, unit: ServiceUnit, errors: list[str]) -> HttpResponse:
    context = {"service_unit": unit, "errors": errors}
    return render(request, "surveys/documents/span_error.html", context, status=400)


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- public pages -----------------------------------------------------------------------------


@login_not_required
@require_GET
def public_results(request: HttpRequest, slug: str) -> HttpResponse:
    unit = service_unit_public_get(slug=slug)
    results = public_results_get(service_unit=unit)
    chart = bars_svg(
        title="Nilai rata-rata per unsur pelayanan, skala 1-4",
        rows=[(element.code, element.mean) for element in results.elements],
        maximum=Decimal(4),
        label_width=50,
        width=360,
    )
    context = {"results": results, "service_unit": unit, "chart": chart}
    return render(request, "surveys/public/results.html", context)


@login_not_required
@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    return render(request, "surveys/public/list.html", {"rows": public_unit_rows()})


# --- documents --------------------------------------------------------------------------------


@require_GET
def report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    unit = service_unit_get_for_actor(actor=request_actor(request), slug=slug)
    span, errors = _span(request, _this_year())
    if errors:
        return _span_refused(request, unit, errors)
    report = report_build(span=span, service_unit=unit)
    followups = list(
        FollowUpAction.objects.filter(service_unit=unit, year=span.start.year).order_by(
            "element", "pk"
        )
    )
    data = report_pdf_render(report=report, followups=followups)
    name = f"laporan-skm-{unit.slug}-{_span_slug(span)}.pdf"
    return _download(data, PDF_CONTENT_TYPE, name)


def _span_slug(span: Span) -> str:
    return "-".join(value for value in span.param.values()).replace(" ", "")


@require_GET
def answers_xlsx(request: HttpRequest, slug: str) -> HttpResponseBase:
    unit = service_unit_get_for_actor(actor=request_actor(request), slug=slug)
    span, errors = _span(request, _this_year())
    if errors:
        return _span_refused(request, unit, errors)
    response = FileResponse(
        answers_xlsx_file(service_unit=unit, span=span),
        as_attachment=True,
        filename=answers_xlsx_name(service_unit=unit, span=span),
        content_type=XLSX_CONTENT_TYPE,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def poster_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    unit = service_unit_get_for_actor(actor=request_actor(request), slug=slug)
    form_url = request.build_absolute_uri(reverse("survey_public:form", kwargs={"slug": slug}))
    return _download(
        poster_pdf_render(service_unit=unit, form_url=form_url),
        PDF_CONTENT_TYPE,
        f"poster-skm-{unit.slug}.pdf",
    )


# --- moderation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SuggestionRow:
    pk: int
    day: date
    service: str
    text: str
    hidden: bool
    reason: str


@require_GET
def suggestion_list(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    span, errors = _span(request, _this_year())
    responses = SurveyResponse.objects.filter(
        service_unit=unit, survey_date__range=(span.start, span.end)
    ).exclude(suggestion="")
    counts = responses.order_by().aggregate(
        total=Count("pk"), hidden=Count("pk", filter=Q(suggestion_hidden=True))
    )
    listed = responses.order_by("-submitted_at", "-pk").values_list(
        "pk", "survey_date", "service__name", "suggestion", "suggestion_hidden",
        "suggestion_hidden_reason",
    )  # fmt: skip
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    context = {
        "service_unit": unit,
        "span": span,
        "errors": errors,
        "counts": counts,
        "page": page,
        "rows": [SuggestionRow(*row) for row in page],
        "query": query.urlencode(),
        "can_manage": can_manage_unit_survey(actor, unit),
        "year": span.start.year,
    }
    return render(request, "surveys/suggestions.html", context)


@require_http_methods(["GET", "POST"])
def suggestion_moderate(request: HttpRequest, slug: str, response_id: int) -> HttpResponse:
    """GET asks (a reason to hide, or whether to show again); POST hides or shows."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    response = get_object_or_404(
        SurveyResponse.objects.select_related("service").exclude(suggestion=""),
        pk=response_id,
        service_unit=unit,
    )
    require(can_manage_unit_survey(actor, unit), MODERATE_REFUSAL)
    form = SuggestionHideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if response.suggestion_hidden:
                suggestion_show(actor=actor, response=response)
                done = "Saran ditampilkan kembali kepada publik."
            else:
                suggestion_hide(actor=actor, response=response, reason=form.cleaned_data["reason"])
                done = "Saran disembunyikan dari publik; jumlah saran tetap."
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, done)
            return redirect("surveys:suggestions", slug=unit.slug)
    context = {"service_unit": unit, "response": response, "form": form}
    return render(request, "surveys/suggestion_moderate.html", context)


# --- follow-up plan ---------------------------------------------------------------------------


def _followup_context(unit: ServiceUnit, year: int) -> dict[str, object]:
    span = year_span(year)
    totals = totals_of(
        SurveyResponse.objects.filter(service_unit=unit, survey_date__range=(span.start, span.end))
    )
    return {
        "service_unit": unit,
        "year": year,
        "weakest": weakest_lines(element_lines(totals, WeightConvention.EXACT)),
        "respondents": totals.respondents,
        "followups": list(
            FollowUpAction.objects.filter(service_unit=unit, year=year).order_by("element", "pk")
        ),
    }


def _followup_fields(form: FollowUpForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {key: data[key] for key in ("element", "action", "owner", "due_date", "state")}


@require_http_methods(["GET", "POST"])
def followup_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The plan of a survey year (`?tahun=`, default this year); POST adds an action."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    span, errors = _span(request, _this_year())
    year = span.start.year
    can_manage = can_manage_unit_survey(actor, unit)
    form = None
    if can_manage:
        form = FollowUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        require(can_manage, MANAGE_REFUSAL)
        assert form is not None
        if form.is_valid():
            try:
                followup_create(actor=actor, service_unit=unit, year=year, **_followup_fields(form))
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Tindak lanjut tahun {year} ditambahkan.")
                return redirect(f"{reverse('surveys:followups', args=[unit.slug])}?tahun={year}")
    context = _followup_context(unit, year) | {
        "form": form, "can_manage": can_manage, "errors": errors,
        "page_title": f"Rencana tindak lanjut {year}",
        "previous_year": year - 1, "next_year": year + 1,
    }  # fmt: skip
    return render(request, "surveys/followups.html", context)


@require_http_methods(["GET", "POST"])
def followup_edit(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    """Change an action; POST with `?hapus=1` deletes it (after the confirmation on the page)."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    followup = get_object_or_404(FollowUpAction, pk=action_id, service_unit=unit)
    require(can_manage_unit_survey(actor, unit), MANAGE_REFUSAL)
    back = f"{reverse('surveys:followups', args=[unit.slug])}?tahun={followup.year}"
    if request.method == "POST" and request.GET.get("hapus"):
        followup_delete(actor=actor, followup=followup)
        messages.success(request, "Tindak lanjut dihapus.")
        return redirect(back)
    initial = {
        "element": followup.element, "action": followup.action, "owner": followup.owner,
        "due_date": followup.due_date, "state": followup.state,
    }  # fmt: skip
    form = FollowUpForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            followup_update(actor=actor, followup=followup, **_followup_fields(form))
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Tindak lanjut disimpan.")
            return redirect(back)
    context = {
        "service_unit": unit, "followup": followup, "form": form, "back_url": back,
        "followup_lede": f"{unit.name}, tahun survei {followup.year}",
    }  # fmt: skip
    return render(request, "surveys/followup_form.html", context)
