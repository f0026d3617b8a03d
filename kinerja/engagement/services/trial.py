"""Writes about trial periods (uji coba): clear the results of one, or switch it to real.

Clearing deletes every record produced in the period, in an order that respects the PROTECT
foreign keys (objections and calibration moves before evaluations, evaluations before the
plans whose results they rate, realisations before the indicators they measure), in one
transaction. The period itself, its evaluation windows and the agencies' organisation goals
stay; the period goes back to Perencanaan so the trial can be run again. Stored files
(evidence, objection attachments) are deleted through the storage alias "evidence" after the
transaction commits.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Model, QuerySet

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection, ObjectionAttachment
from kinerja.assessment.models import ReviewCycle
from kinerja.audit.services import audit_record
from kinerja.discussions.models import DocumentVersion, Thread
from kinerja.engagement.models import PerceptionRound
from kinerja.engagement.permissions import can_manage_trials
from kinerja.evaluation.models import (
    CalibrationMove,
    CalibrationSession,
    Evaluation,
    OrganizationRating,
)
from kinerja.learning.models import DevelopmentPlan
from kinerja.monitoring.models import (
    Evidence,
    EvidenceKind,
    Feedback,
    PerformanceDialogue,
    Realization,
)
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult

MANAGE_REFUSAL = "Hanya Admin BKPSDM yang dapat mengosongkan atau meresmikan periode uji coba."
FILE_STORAGE_ALIAS = "evidence"

DISCUSSED_MODELS: tuple[type[Model], ...] = (
    PerformancePlan,
    PlannedResult,
    Indicator,
    Realization,
    Evaluation,
    Objection,
)
"""Models whose rows may carry a discussion thread or document versions (by label and id)."""


def _require(actor: Actor) -> None:
    if actor is not None and not can_manage_trials(actor):
        raise PermissionDenied(MANAGE_REFUSAL)


def _require_trial(period: PerformancePeriod, field: str = "period") -> None:
    if not period.is_trial:
        raise ValidationError(
            {
                field: [
                    f"{period.name} bukan periode uji coba; hanya hasil periode uji coba yang "
                    "dapat dikosongkan atau dijadikan resmi."
                ]
            }
        )


def trial_snapshot(period: PerformancePeriod) -> dict[str, Any]:
    return {
        "name": period.name,
        "year": period.year,
        "state": period.state,
        "is_trial": period.is_trial,
        "trial_agency_id": period.trial_agency_id,
    }


def _delete(counts: Counter[str], queryset: QuerySet[Any]) -> None:
    _, per_model = queryset.delete()
    counts.update({label: n for label, n in per_model.items() if n})


def _subject_ids(period: PerformancePeriod) -> dict[str, list[int]]:
    """The ids of the rows of the period that may carry discussions, per model label."""
    querysets: dict[type[Model], QuerySet[Any]] = {
        PerformancePlan: PerformancePlan.objects.filter(period=period),
        PlannedResult: PlannedResult.objects.filter(plan__period=period),
        Indicator: Indicator.objects.filter(result__plan__period=period),
        Realization: Realization.objects.filter(plan__period=period),
        Evaluation: Evaluation.objects.filter(plan__period=period),
        Objection: Objection.objects.filter(evaluation__plan__period=period),
    }
    return {
        model._meta.label: list(queryset.values_list("pk", flat=True))
        for model, queryset in querysets.items()
    }


def _stored_names(period: PerformancePeriod) -> list[str]:
    evidence = Evidence.objects.filter(plan__period=period, kind=EvidenceKind.FILE).exclude(
        stored_name=""
    )
    attachments = ObjectionAttachment.objects.filter(objection__evaluation__plan__period=period)
    return [
        *evidence.values_list("stored_name", flat=True),
        *attachments.values_list("stored_name", flat=True),
    ]


def _files_delete(names: list[str]) -> None:
    storage = storages[FILE_STORAGE_ALIAS]
    for name in names:
        storage.delete(name)


def trial_period_clear(*, actor: Actor, period: PerformancePeriod) -> dict[str, int]:
    """Delete every record produced in the trial `period` and put it back in Perencanaan
    [trial_period.cleared, with the count per kind]. Returns the counts (model label → rows)."""
    _require(actor)
    counts: Counter[str] = Counter()
    with transaction.atomic():
        period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
        _require_trial(period)
        before = trial_snapshot(period)
        subjects = _subject_ids(period)
        names = _stored_names(period)
        evaluations = Evaluation.objects.filter(plan__period=period)
        _delete(counts, ObjectionAttachment.objects.filter(objection__evaluation__in=evaluations))
        _delete(counts, Objection.objects.filter(evaluation__in=evaluations))
        _delete(counts, CalibrationMove.objects.filter(evaluation__in=evaluations))
        _delete(counts, CalibrationSession.objects.filter(period=period))
        _delete(counts, DevelopmentPlan.objects.filter(period=period))
        _delete(counts, evaluations)
        _delete(counts, OrganizationRating.objects.filter(period=period))
        _delete(counts, ReviewCycle.objects.filter(period=period))
        _delete(counts, Realization.objects.filter(plan__period=period))
        _delete(counts, Feedback.objects.filter(plan__period=period))
        _delete(counts, PerformanceDialogue.objects.filter(plan__period=period))
        # A result may intervene another result of the same period (PROTECT): unlink first.
        PlannedResult.objects.filter(parent__plan__period=period).update(parent=None)
        _delete(counts, PerformancePlan.objects.filter(period=period))
        for label, ids in subjects.items():
            if ids:
                _delete(counts, Thread.objects.filter(subject_type=label, subject_id__in=ids))
                _delete(
                    counts, DocumentVersion.objects.filter(subject_type=label, subject_id__in=ids)
                )
        _delete(counts, PerceptionRound.objects.filter(period=period))
        period.state = PeriodState.PLANNING
        period.save(update_fields=["state", "updated_at"])
        cleared = dict(sorted(counts.items()))
        audit_record(
            actor=actor,
            action="trial_period.cleared",
            obj=period,
            before=before,
            after=trial_snapshot(period) | {"cleared": cleared, "files": len(names)},
        )
        if names:
            transaction.on_commit(lambda: _files_delete(names))
    return cleared


def trial_period_promote(*, actor: Actor, period: PerformancePeriod) -> PerformancePeriod:
    """Switch the trial `period` to a real one in one step: it is no longer uji coba and no
    longer limited to one agency; its results count from now on in exports and the allowance
    [trial_period.promoted]. Refused when a real period of that year exists."""
    _require(actor)
    with transaction.atomic():
        period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
        _require_trial(period)
        clash = PerformancePeriod.objects.filter(year=period.year, is_trial=False).first()
        if clash is not None:
            raise ValidationError(
                {
                    "period": [
                        f"Tahun {period.year} sudah memiliki periode penilaian resmi "
                        f"({clash.name}); satu tahun hanya satu periode resmi, jadi {period.name} "
                        "tidak dapat dijadikan resmi."
                    ]
                }
            )
        before = trial_snapshot(period)
        period.is_trial = False
        period.trial_agency = None
        period.save(update_fields=["is_trial", "trial_agency", "updated_at"])
        audit_record(
            actor=actor,
            action="trial_period.promoted",
            obj=period,
            before=before,
            after=trial_snapshot(period),
        )
    return period
