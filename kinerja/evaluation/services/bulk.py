"""Bulk preparation: a draft evaluation, carrying its suggestions, for every approved plan that a
group's time covers and that has no evaluation of that group yet, as one background job.

- Who: Admin BKPSDM for the whole city or one agency; an Admin OPD for their own agency only
  (`evaluations_prepare_refusal`). Nothing is prepared in a closed period.
- What: the rows `services/rows.py` builds for one plan (`evaluation_rows_build`), the same as
  `evaluation_start` writes, saved with bulk inserts (`evaluation_rows_save`) per batch of
  `BATCH_SIZE` plans: two queries of suggestions, a few inserts.
- Idempotent: plans that already have an evaluation of the group are left alone, also when
  another entrance created one meanwhile (each batch checks again inside its transaction,
  holding the period's row so two jobs of one period take turns).
- Audited once: the event "evaluations.prepared" with the counts is written in the
  transaction of the last batch (a failed job leaves the batches it committed, and running it
  again completes the rest and writes the event).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, can_manage_city, refuse
from kinerja.audit.services import audit_record
from kinerja.core.jobs import Progress, job_create, job_start, progress_ignore
from kinerja.core.models import Job
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import scope_filter
from kinerja.evaluation.selectors.distribution import organization_rating_for
from kinerja.evaluation.services.rows import (
    EvaluationRows,
    evaluation_rows_build,
    evaluation_rows_save,
)
from kinerja.evaluation.suggestions import plan_suggestions
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.ratings import OrganizationPredikat

PREPARE_KIND = "evaluations.prepare"
BATCH_SIZE = 500
NOT_PREPARER = (
    "Hanya Admin BKPSDM (untuk seluruh kota atau satu perangkat daerah) dan Admin OPD (untuk "
    "perangkat daerahnya sendiri) yang dapat menyiapkan penilaian serentak."
)


def evaluations_prepare_refusal(actor: Actor, agency_id: int | None) -> str | None:
    """Why the actor may not prepare the evaluations of the city (`agency_id` None) or of one
    agency, or None."""
    if agency_id is None:
        return None if can_manage_city(actor) else NOT_PREPARER
    return None if can_manage_agency(actor, agency_id) else NOT_PREPARER


def can_prepare_evaluations(actor: Actor, agency_id: int | None) -> bool:
    return evaluations_prepare_refusal(actor, agency_id) is None


def prepare_period_refusal(period: PerformancePeriod) -> str | None:
    if period.state == PeriodState.CLOSED:
        return f"{period.name} sudah ditutup; penilaian tidak dapat disiapkan lagi."
    return None


@dataclass
class PrepareCounts:
    """What one run did: plans found without an evaluation, evaluations created (with how many
    result and core-value rows), plans skipped because an evaluation appeared meanwhile, and
    evaluations that got a results suggestion overall."""

    plans: int = 0
    created: int = 0
    skipped: int = 0
    result_rows: int = 0
    behavior_rows: int = 0
    suggested: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def prepare_candidates(*, scope: Scope, agency_id: int | None) -> QuerySet[PerformancePlan]:
    """Approved plans whose time the group covers (the window overlaps the plan; the year: the
    period's plans), of one agency's posts or of the city, without an evaluation of the group."""
    plans = PerformancePlan.objects.filter(
        period_id=scope.period.pk, approved_version__isnull=False
    )
    if scope.window is not None:
        plans = plans.filter(
            start_date__lte=scope.window.end_date, end_date__gte=scope.window.start_date
        )
    if agency_id is not None:
        plans = plans.filter(position__agency_id=agency_id)
    existing = Evaluation.objects.filter(scope_filter(scope), plan_id=OuterRef("pk"))
    return plans.filter(~Exists(existing)).order_by("pk")


def _require_preparer(actor: Actor, scope: Scope, agency: Agency | None) -> None:
    if actor is not None:
        refuse(evaluations_prepare_refusal(actor, agency.pk if agency else None))
    refusal = prepare_period_refusal(scope.period)
    if refusal:
        raise ValidationError({"periode": [refusal]})


def evaluations_prepare_start(*, actor: Actor, scope: Scope, agency: Agency | None) -> Job:
    """Authorise and enqueue the preparation of the group's evaluations (the city's, or one
    agency's); returns the Job the page follows."""
    _require_preparer(actor, scope, agency)
    where = agency.name if agency else "seluruh perangkat daerah"
    ids = {"period_id": scope.period.pk, "window_id": scope.window_id}
    job = job_create(
        owner=actor,
        kind=PREPARE_KIND,
        title=f"Penyiapan penilaian {scope.label}, {where}",
        result={**ids, "agency_id": agency.pk if agency else None},
    )
    from kinerja.evaluation.bulk_tasks import evaluations_prepare_task

    return job_start(
        job=job,
        task=evaluations_prepare_task,
        actor_id=actor.pk if actor else None,
        agency_id=agency.pk if agency else None,
        **ids,
    )


class _OrganizationPredikats:
    """The organisation predikat of each agency for the group, asked once per agency (only
    heads of agency need it)."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.found: dict[int, OrganizationPredikat | None] = {}

    def __call__(self, agency_id: int) -> OrganizationPredikat | None:
        if agency_id not in self.found:
            rating = organization_rating_for(agency_id=agency_id, scope=self.scope)
            self.found[agency_id] = OrganizationPredikat(rating.predikat) if rating else None
        return self.found[agency_id]


def _batch_rows(
    plan_ids: list[int], scope: Scope, organization: _OrganizationPredikats
) -> list[EvaluationRows]:
    plans = (
        PerformancePlan.objects.filter(pk__in=plan_ids).select_related("position").order_by("pk")
    )
    suggestions = plan_suggestions(plan_ids=plan_ids, scope=scope)
    rows = []
    for plan in plans:
        head = plan.position.is_head_of_agency
        rows.append(
            evaluation_rows_build(
                plan=plan,
                scope=scope,
                suggestions=suggestions[plan.pk],
                organization=organization(plan.position.agency_id) if head else None,
                is_head_of_agency=head,
            )
        )
    return rows


def _audit(actor: Actor, scope: Scope, agency: Agency | None, counts: PrepareCounts) -> None:
    audit_record(
        actor=actor,
        action="evaluations.prepared",
        obj=agency or scope.period,
        after={
            "period_id": scope.period.pk,
            "window_id": scope.window_id,
            "agency_id": agency.pk if agency else None,
            "scope": scope.label,
            **counts.as_dict(),
        },
    )


def evaluations_prepare(
    *,
    actor: Actor,
    scope: Scope,
    agency: Agency | None,
    progress: Progress = progress_ignore,
    batch_size: int = BATCH_SIZE,
) -> PrepareCounts:
    """Create the missing draft evaluations of the group (see the module docstring)."""
    _require_preparer(actor, scope, agency)
    ids = list(
        prepare_candidates(scope=scope, agency_id=agency.pk if agency else None).values_list(
            "pk", flat=True
        )
    )
    counts = PrepareCounts(plans=len(ids))
    organization = _OrganizationPredikats(scope)
    batches = [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)] or [[]]
    progress.count(0, len(ids), "SKP disiapkan")
    for number, batch in enumerate(batches, start=1):
        rows = _batch_rows(batch, scope, organization) if batch else []
        with transaction.atomic():
            PerformancePeriod.objects.select_for_update().filter(pk=scope.period.pk).first()
            taken = set(
                Evaluation.objects.filter(scope_filter(scope), plan_id__in=batch).values_list(
                    "plan_id", flat=True
                )
            )
            fresh = [row for row in rows if row.evaluation.plan_id not in taken]
            evaluation_rows_save(fresh)
            counts.skipped += len(rows) - len(fresh)
            counts.created += len(fresh)
            counts.result_rows += sum(len(row.results) for row in fresh)
            counts.behavior_rows += sum(len(row.behaviors) for row in fresh)
            counts.suggested += sum(1 for row in fresh if row.evaluation.results_suggestion)
            if number == len(batches):
                _audit(actor, scope, agency, counts)
        progress.count(min(number * batch_size, len(ids)), len(ids), "SKP disiapkan")
    return counts
