"""SKM index and reports for signed-in users: city, agency, service unit; population.

The span comes from `?bulan=`, `?triwulan=` or `?tahun=` (default: the current year), the
weight convention from `?bobot=` (default 1/9). A bad parameter shows the page with the
refusal (400), never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.charts import bar_chart_svg, line_chart_svg
from kinerja.core.form_fields import DecimalFieldID
from kinerja.core.params import DB_INT_MAX
from kinerja.organization.models import Agency, ServiceUnit
from kinerja.scoring.formatting import format_decimal, month_name
from kinerja.scoring.ikm import WeightConvention
from kinerja.surveys import permissions
from kinerja.surveys.models import ServicePopulation
from kinerja.surveys.report_index import survey_index_build
from kinerja.surveys.reports import (
    BREAKDOWN_TITLES,
    SurveyReport,
    convention_from_param,
    report_build,
)
from kinerja.surveys.selectors import service_unit_get_for_actor
from kinerja.surveys.services.populations import POPULATION_REFUSED, population_set
from kinerja.surveys.spans import (
    YEAR_MAX,
    YEAR_MIN,
    Span,
    last_months,
    quarter_span,
    span_from_params,
    year_span,
)

INDEX_REFUSED = "Anda tidak berwenang melihat hasil survei kepuasan masyarakat unit mana pun."
AGENCY_REFUSED = "Anda tidak berwenang melihat hasil survei perangkat daerah ini."
SHOWN_MAX = 40
YEARS_SHOWN = 6
CHART_WIDTH = 480  # the SVG scales to the page; a narrower drawing keeps its text legible


# --- span and convention ----------------------------------------------------------------------


@dataclass(frozen=True)
class Choices:
    """What the request asked for: span and convention, and the refusals of bad parameters."""

    span: Span
    convention: WeightConvention
    errors: list[str]

    def params(self, convention: WeightConvention | None = None) -> dict[str, str]:
        chosen = convention or self.convention
        extra = {} if chosen == WeightConvention.EXACT else {"bobot": chosen.value}
        return {**self.span.param, **extra}

    @property
    def query(self) -> str:
        return "?" + urlencode(self.params())


def _shown(value: str) -> str:
    return value if len(value) <= SHOWN_MAX else f"{value[:SHOWN_MAX]}…"


def request_choices(request: HttpRequest) -> Choices:
    """The span (`bulan`, `triwulan`, `tahun`, `from`/`to`) and `bobot` of a request."""
    default = year_span(timezone.localdate().year)
    errors: list[str] = []
    try:
        span = span_from_params(request.GET, default=default)
    except ValidationError as error:
        errors.extend(error.messages)
        span = default
    convention = WeightConvention.EXACT
    try:
        convention = convention_from_param(request.GET.get("bobot", ""))
    except ValidationError as error:
        errors.extend(error.messages)
    return Choices(span=span, convention=convention, errors=errors)


def _switcher(choices: Choices, url: str) -> dict[str, Any]:
    """The span forms and convention links of a report page, each keeping the other choice."""
    this_year = timezone.localdate().year
    year = choices.span.end.year
    return {
        "url": url,
        "bobot": choices.params().get("bobot", ""),
        "span": choices.span,
        "years": list(range(this_year, max(YEAR_MIN, this_year - YEARS_SHOWN), -1)),
        "year": str(year),
        "quarters": [(f"{year}-{q}", quarter_span(year, q).label) for q in range(1, 5)],
        "quarter": choices.span.param.get("triwulan", ""),
        "months": [
            (f"{m.start.year}-{m.start.month:02d}", m.label)
            for m in reversed(last_months(choices.span.end, 12))
        ],
        "month": choices.span.param.get("bulan", ""),
        "conventions": [
            (c.label, f"{url}?{urlencode(choices.params(c))}", c == choices.convention)
            for c in WeightConvention
        ],
    }


# --- the report body ------------------------------------------------------------------------


def _number(value: Decimal | None, places: int = 2) -> str:
    return "-" if value is None else format_decimal(value, places)


def _short_month(span: Span) -> str:
    """ "Jan 26", "Agu 25": a month that fits under a chart on a phone."""
    return f"{month_name(span.start.month)[:3]} {span.start.year % 100:02d}"


def report_context(report: SurveyReport) -> dict[str, Any]:
    """What `surveys/_report_body.html` shows: the report, its charts and its sentences."""
    scored = [line for line in report.elements if line.mean is not None]
    bar = bar_chart_svg(
        title="Nilai rata-rata per unsur (NRR)",
        labels=[line.code for line in scored],
        values=[line.mean for line in scored if line.mean is not None],
        series_name="NRR",
        width=CHART_WIDTH,
    )
    trend = line_chart_svg(
        title="IKM per bulan",
        labels=[_short_month(p.span) for p in report.trend],
        values=[p.ikm for p in report.trend],
        series_name="IKM",
        value_range=(25, 100),
        width=CHART_WIDTH,
    )
    return {
        "report": report,
        "weight_sentence": weight_sentence(report),
        "sample_sentence": sample_sentence(report),
        "element_chart": bar,
        "element_data": [(f"{x.code} {x.name}", _number(x.mean, 4)) for x in scored],
        "trend_chart": trend,
        "trend_data": [
            (p.span.label, f"{_number(p.ikm)} ({p.respondents} responden)") for p in report.trend
        ],
        "breakdowns": [
            (key, BREAKDOWN_TITLES[key], lines)
            for key in BREAKDOWN_TITLES
            if (lines := report.breakdowns.get(key))
        ],
    }


def weight_sentence(report: SurveyReport) -> str:
    convention = report.convention
    sentence = f"Bobot tiap unsur: {convention.label}"
    if convention == WeightConvention.EXACT:
        sentence += "; IKM = jumlah (NRR kali 1/9) kali 25, dibulatkan di akhir."
    else:
        sentence += (
            "; hanya untuk mencocokkan laporan lama, karena jumlah bobotnya tidak tepat 1 "
            "sehingga IKM sedikit lebih rendah."
        )
    if report.pooled:
        sentence += (
            " IKM gabungan dihitung dari seluruh jawaban semua unit layanan, bukan rata-rata IKM "
            "tiap unit."
        )
    return sentence


def sample_sentence(report: SurveyReport) -> str:
    """E.g. "412 dari sampel minimum 370 untuk populasi 12.000 — memadai"."""
    respondents = format_decimal(Decimal(report.respondents), 0)
    if report.population is None:
        year = report.span.end.year
        return f"{respondents} responden; populasi pengguna layanan tahun {year} belum diisi."
    population = format_decimal(Decimal(report.population), 0)
    if report.required_sample is None:
        return (
            f"{respondents} responden; populasi {population} belum lengkap (belum semua unit "
            "layanan mengisi populasinya), sehingga sampel minimum tidak dihitung."
        )
    required = format_decimal(Decimal(report.required_sample), 0)
    verdict = "memadai" if report.sample_adequate else "belum memadai"
    return f"{respondents} dari sampel minimum {required} untuk populasi {population} — {verdict}."


def _links(actor: Any, unit: ServiceUnit, choices: Choices) -> list[tuple[str, str]]:
    """The other pages of a unit's survey the actor may use."""
    slug = {"slug": unit.slug}
    query = choices.query
    links = [
        ("Saran dan pengaduan", reverse("surveys:suggestions", kwargs=slug)),
        ("Rencana tindak lanjut", reverse("surveys:followups", kwargs=slug)),
        ("Laporan PDF", reverse("surveys:report_pdf", kwargs=slug) + query),
        ("Jawaban (XLSX)", reverse("surveys:answers_xlsx", kwargs=slug) + query),
        ("Poster QR (PDF)", reverse("surveys:poster_pdf", kwargs=slug)),
    ]
    if permissions.can_import_paper(actor, unit):
        links.append(("Impor survei kertas", reverse("surveys:paper_import", kwargs=slug)))
    if permissions.can_view_standard_workspace(actor, unit):
        links.append(("Standar pelayanan", reverse("surveys:standard", kwargs=slug)))
    if permissions.can_manage_unit_survey(actor, unit):
        links.append(("Kiriman ditolak", reverse("surveys:refusals", kwargs=slug)))
        links.append(("Populasi pengguna layanan", reverse("surveys:population", kwargs=slug)))
    links.append(("Hasil untuk publik", reverse("survey_public:results", kwargs=slug)))
    return links


# --- pages ----------------------------------------------------------------------------------


@require_GET
def survey_index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    choices = request_choices(request)
    index = survey_index_build(actor=actor, span=choices.span, convention=choices.convention)
    if index.empty:
        raise PermissionDenied(INDEX_REFUSED)
    context = {
        "choices": choices,
        "index": None if choices.errors else index,
        "switcher": _switcher(choices, reverse("surveys:index")),
    }
    return render(request, "surveys/index.html", context, status=400 if choices.errors else 200)


@require_GET
def agency_report(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404("Perangkat daerah tidak ditemukan.")
    require(permissions.can_view_agency_reports(actor, agency.pk), AGENCY_REFUSED)
    choices = request_choices(request)
    url = reverse("surveys:agency_report", kwargs={"agency_id": agency.pk})
    context: dict[str, Any] = {
        "agency": agency,
        "choices": choices,
        "switcher": _switcher(choices, url),
    }
    if not choices.errors:
        report = report_build(span=choices.span, convention=choices.convention, agency=agency)
        context.update(report_context(report))
    status = 400 if choices.errors else 200
    return render(request, "surveys/agency_report.html", context, status=status)


@require_GET
def unit_report(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    choices = request_choices(request)
    url = reverse("surveys:unit_report", kwargs={"slug": unit.slug})
    context: dict[str, Any] = {
        "unit": unit,
        "choices": choices,
        "switcher": _switcher(choices, url),
        "links": _links(actor, unit, choices),
        "may_see_agency": permissions.can_view_agency_reports(actor, unit.unit.agency_id),
    }
    if not choices.errors:
        report = report_build(span=choices.span, convention=choices.convention, service_unit=unit)
        context.update(report_context(report))
    status = 400 if choices.errors else 200
    return render(request, "surveys/unit_report.html", context, status=status)


# --- population -----------------------------------------------------------------------------


class PopulationForm(forms.Form):
    year = forms.IntegerField(
        label="Tahun survei",
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        help_text="Tahun survei yang memakai populasi ini.",
    )
    population = DecimalFieldID(
        label="Jumlah pengguna layanan",
        help_text="Jumlah orang yang dilayani pada periode sebelumnya, mis. 12.000.",
    )
    note = forms.CharField(
        label="Sumber data",
        required=False,
        max_length=200,
        help_text="Mis. buku register loket 2025.",
    )

    def clean_population(self) -> int:
        value: Decimal = self.cleaned_data["population"]
        shown = _shown(str(self.data.get("population", "")).strip())
        if abs(value) > DB_INT_MAX or value != value.to_integral_value() or value < 1:
            raise ValidationError(
                f"Jumlah pengguna layanan: {shown} tidak sah; isi bilangan bulat dari 1 sampai "
                f"{format_decimal(Decimal(DB_INT_MAX), 0)}."
            )
        return int(value)

    def add_service_errors(self, error: ValidationError) -> None:
        for field, texts in error.message_dict.items():
            for text in texts:
                self.add_error(field if field in self.fields else None, text)


@require_http_methods(["GET", "POST"])
def population_edit(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    require(permissions.can_manage_unit_survey(actor, unit), POPULATION_REFUSED)
    rows = list(ServicePopulation.objects.filter(service_unit=unit).order_by("-year"))
    year = timezone.localdate().year
    current = next((row for row in rows if row.year == year), None)
    initial: dict[str, object] = {"year": year}
    if current is not None:
        initial.update(population=current.population, note=current.note)
    form = PopulationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            row = population_set(
                actor=actor,
                service_unit=unit,
                year=data["year"],
                population=data["population"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            shown = format_decimal(Decimal(row.population), 0)
            messages.success(request, f"Populasi tahun {row.year} ditetapkan: {shown} orang.")
            report = reverse("surveys:unit_report", kwargs={"slug": unit.slug})
            return redirect(f"{report}?{urlencode({'tahun': row.year})}")
    context = {"unit": unit, "form": form, "rows": rows}
    status = 400 if form.errors else 200
    return render(request, "surveys/population_form.html", context, status=status)
