"""Reads of the e-Kinerja/SIASN re-entry export: an agency's rated and acknowledged evaluations
of one group (a window or the year) as plain rows, and the counts the export page shows.
Columns and their meaning: docs/ekinerja-export.md. Trial periods are refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.evaluation.models import EvaluationState
from kinerja.evaluation.permissions import NOT_AGENCY_MANAGER, can_export_agency
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import PERIOD_PARAM, group_evaluations
from kinerja.organization.models import Agency
from kinerja.periods.models import WindowKind
from kinerja.scoring.ratings import Predikat, Rating

RATED_STATES = (EvaluationState.RATED, EvaluationState.ACKNOWLEDGED)

EKINERJA_HEADER = (
    "NIP",
    "Nama",
    "Jabatan",
    "Periode",
    "Jenis Penilaian",
    "Kode Rating Hasil Kerja",
    "Rating Hasil Kerja",
    "Kode Rating Perilaku Kerja",
    "Rating Perilaku Kerja",
    "Kode Predikat",
    "Predikat",
    "Status",
)


def export_agency_get_for_actor(*, actor: Actor, agency_id: int) -> Agency:
    """The agency, when the actor may export it (BKPSDM, its Admin OPD); 404 when there is no
    such agency, PermissionDenied for others."""
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404("Perangkat daerah tidak ditemukan.")
    if not can_export_agency(actor, agency_id):
        raise PermissionDenied(NOT_AGENCY_MANAGER)
    return agency


def period_code(scope: Scope) -> str:
    """The period as e-Kinerja users re-enter it: "2026-03" for a monthly window (its first
    day's month), "2026-TW2" for a quarterly window (its number), "2026" for the year."""
    window = scope.window
    if window is None:
        return f"{scope.period.year}"
    if scope.period.window_kind == WindowKind.QUARTERLY:
        return f"{scope.period.year}-TW{window.number}"
    return f"{window.start_date:%Y-%m}"


def trial_refusal(scope: Scope) -> str | None:
    if not scope.period.is_trial:
        return None
    return (
        f"{scope.period.name} adalah periode uji coba; hasilnya tidak diekspor ke e-Kinerja. "
        "Pilih periode yang bukan uji coba."
    )


@dataclass(frozen=True)
class ExportCounts:
    total: int
    exported: int

    @property
    def drafts(self) -> int:
        return self.total - self.exported


def export_counts(*, agency: Agency, scope: Scope) -> ExportCounts:
    """How many evaluations the group has and how many are rated or acknowledged. One query."""
    figures = group_evaluations(agency_id=agency.pk, scope=scope).aggregate(
        total=Count("pk"), exported=Count("pk", filter=Q(state__in=RATED_STATES))
    )
    return ExportCounts(total=figures["total"], exported=figures["exported"])


def _rating(code: str) -> tuple[str, str]:
    return (code, Rating(code).label) if code else ("", "")


def ekinerja_rows(*, agency: Agency, scope: Scope) -> list[list[str]]:
    """One row per rated or acknowledged evaluation of the agency's group, by name, in the
    columns of `EKINERJA_HEADER`. A trial period is a ValidationError on `periode`. One query."""
    refusal = trial_refusal(scope)
    if refusal:
        raise ValidationError({PERIOD_PARAM: [refusal]})
    evaluations = (
        group_evaluations(agency_id=agency.pk, scope=scope)
        .filter(state__in=RATED_STATES)
        .order_by("plan__employee__name", "plan__employee__nip", "pk")
    )
    code = period_code(scope)
    states = dict(EvaluationState.choices)
    rows = []
    for evaluation in evaluations:
        plan = evaluation.plan
        results = _rating(evaluation.results_rating)
        behavior = _rating(evaluation.behavior_rating)
        predikat = evaluation.predikat
        rows.append(
            [
                plan.employee.nip,
                plan.employee.full_name,
                plan.position.name,
                code,
                str(evaluation.get_kind_display()),
                *results,
                *behavior,
                predikat,
                Predikat(predikat).label if predikat else "",
                str(states[evaluation.state]),
            ]
        )
    return rows
