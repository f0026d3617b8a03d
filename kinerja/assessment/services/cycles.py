"""Rounds: create (BKPSDM, city or agency), open for answers, close (by hand or after the due
date), each audited in its transaction; raters and rated employees are notified."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    ReviewCycle,
    ReviewerList,
)
from kinerja.assessment.permissions import can_manage_cycles
from kinerja.audit.services import audit_record
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import Entry, email_queue_on_commit, notifications_write
from kinerja.organization.models import Agency
from kinerja.people.holdings import today
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.scoring.formatting import format_date_id

NOT_MANAGER = "Hanya Admin BKPSDM yang dapat membuat, membuka dan menutup putaran umpan balik 360."
NAME_MAX = 150


def _require_manager(actor: Actor) -> None:
    if actor is not None:
        require(can_manage_cycles(actor), NOT_MANAGER)


def _snapshot(cycle: ReviewCycle) -> dict[str, object]:
    return {
        "state": cycle.state,
        "due_date": cycle.due_date,
        "period_id": cycle.period_id,
        "window_id": cycle.window_id,
        "agency_id": cycle.agency_id,
        "name": cycle.name,
    }


def _notify(entries: list[Entry]) -> None:
    _, emails = notifications_write(entries)
    if emails:
        email_queue_on_commit()


def cycle_create(
    *,
    actor: Actor,
    period: PerformancePeriod,
    window: EvaluationWindow | None,
    agency: Agency | None,
    name: str,
    due_date: date,
) -> ReviewCycle:
    """A new round in Penyusunan for a window (or the year) and the city (or one agency).

    Refused: not BKPSDM; a window of another period; a due date before today or after the
    period's evaluation due date; a round overlapping another of the same window (or year)
    for the same agency or the city. Audit `review_cycle.created`."""
    _require_manager(actor)
    errors: dict[str, list[str]] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = ["Nama putaran wajib diisi, misalnya “Umpan balik 360 Semester I”."]
    elif len(name) > NAME_MAX:
        errors["name"] = [
            f"Nama putaran terlalu panjang ({len(name)} karakter); paling banyak {NAME_MAX}."
        ]
    if window is not None and window.period_id != period.pk:
        errors["window"] = [
            f"Evaluasi periodik “{window.name}” bukan bagian dari {period.name}; pilih evaluasi "
            f"periodik {period.name} atau “Tahunan”."
        ]
    now = today()
    if due_date < now:
        errors["due_date"] = [
            f"Batas pengisian {format_date_id(due_date)} sudah lewat; pilih tanggal mulai "
            f"{format_date_id(now)}."
        ]
    elif due_date > period.evaluation_due_date:
        errors["due_date"] = [
            f"Batas pengisian {format_date_id(due_date)} melewati batas evaluasi tahunan "
            f"{period.name} ({format_date_id(period.evaluation_due_date)}); pilih tanggal sampai "
            f"{format_date_id(period.evaluation_due_date)}."
        ]
    if "window" not in errors:
        same = ReviewCycle.objects.filter(period_id=period.pk, window=window)
        if agency is not None:
            same = same.filter(Q(agency__isnull=True) | Q(agency_id=agency.pk))
        clash = same.select_related("agency").first()
        if clash is not None:
            where = clash.agency.name if clash.agency else "seluruh perangkat daerah"
            errors["agency"] = [
                f"Sudah ada putaran “{clash.name}” untuk {where} pada "
                f"{window.name if window else 'penilaian tahunan'}; satu perangkat daerah hanya "
                "ikut satu putaran per evaluasi periodik atau tahun."
            ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        cycle = ReviewCycle.objects.create(
            period=period,
            window=window,
            agency=agency,
            name=name,
            due_date=due_date,
            created_by=actor,
        )
        audit_record(actor=actor, action="review_cycle.created", obj=cycle, after=_snapshot(cycle))
    return cycle


def _locked(cycle: ReviewCycle) -> ReviewCycle:
    return ReviewCycle.objects.select_for_update().get(pk=cycle.pk)


def cycle_open(*, actor: Actor, cycle: ReviewCycle) -> ReviewCycle:
    """Penyusunan → Pengisian; every active rater is notified ("Isi umpan balik 360").
    Refused: not BKPSDM; not in Penyusunan; no list yet (sync the roster first); due date
    passed. Audit `review_cycle.opened`."""
    _require_manager(actor)
    with transaction.atomic():
        cycle = _locked(cycle)
        if cycle.state != CycleState.DRAFT:
            raise ValidationError(
                {"state": [f"Putaran ini berstatus {cycle.get_state_display()}; hanya putaran "
                           "dalam Penyusunan penilai yang dapat dibuka."]}
            )  # fmt: skip
        if not ReviewerList.objects.filter(cycle_id=cycle.pk).exists():
            raise ValidationError(
                {"state": ["Putaran ini belum punya daftar penilai; jalankan sinkron daftar "
                           "penilai terlebih dahulu."]}
            )  # fmt: skip
        if cycle.due_date < today():
            raise ValidationError(
                {"due_date": [f"Batas pengisian {format_date_id(cycle.due_date)} sudah lewat; "
                              "putaran tidak dapat dibuka."]}
            )  # fmt: skip
        before = _snapshot(cycle)
        cycle.state = CycleState.OPEN
        cycle.opened_at = timezone.now()
        cycle.save(update_fields=["state", "opened_at", "updated_at"])
        raters = (
            BehaviorReview.objects.filter(
                reviewer_list__cycle_id=cycle.pk,
                withdrawn_on__isnull=True,
                rater__user__isnull=False,
            )
            .values("rater__user_id")
            .annotate(n=Count("pk"))
            .order_by("rater__user_id")
        )
        due = format_date_id(cycle.due_date)
        url = reverse("assessment:index")
        _notify(
            [
                Entry(
                    recipient_id=row["rater__user_id"],
                    kind=NotificationKind.REVIEW_REQUESTED,
                    title=f"Isi umpan balik 360 untuk {row['n']} pegawai sampai {due}",
                    url=url,
                    key=f"assessment:opened:{cycle.pk}",
                )
                for row in raters
            ]
        )
        audit_record(
            actor=actor,
            action="review_cycle.opened",
            obj=cycle,
            before=before,
            after=_snapshot(cycle),
        )
    return cycle


def cycle_close(*, actor: Actor, cycle: ReviewCycle) -> ReviewCycle:
    """Pengisian → Selesai (actor None: the system after the due date). Unsent drafts are
    deleted; every rated employee with a list is notified that results are available.
    Refused: not BKPSDM; not in Pengisian. Audit `review_cycle.closed`."""
    _require_manager(actor)
    with transaction.atomic():
        cycle = _locked(cycle)
        if cycle.state != CycleState.OPEN:
            raise ValidationError(
                {"state": [f"Putaran ini berstatus {cycle.get_state_display()}; hanya putaran "
                           "dalam Pengisian yang dapat ditutup."]}
            )  # fmt: skip
        before = _snapshot(cycle)
        drafts, _ = AnswerSheet.objects.filter(cycle_id=cycle.pk, submitted=False).delete()
        cycle.state = CycleState.CLOSED
        cycle.closed_at = timezone.now()
        cycle.save(update_fields=["state", "closed_at", "updated_at"])
        rated = ReviewerList.objects.filter(
            cycle_id=cycle.pk, employee__user__isnull=False
        ).values_list("employee_id", "employee__user_id")
        _notify(
            [
                Entry(
                    recipient_id=user_id,
                    kind=NotificationKind.REVIEW_RESULTS_READY,
                    title="Hasil umpan balik 360 tersedia",
                    text=cycle.name,
                    url=reverse("assessment:results", args=[cycle.pk, employee_id]),
                    key=f"assessment:closed:{cycle.pk}",
                )
                for employee_id, user_id in rated
            ]
        )
        audit_record(
            actor=actor,
            action="review_cycle.closed",
            obj=cycle,
            before=before,
            after={**_snapshot(cycle), "drafts_deleted": drafts},
        )
    return cycle


def cycles_close_due(*, day: date) -> int:
    """Close every round in Pengisian whose due date is before `day` (the system); returns how
    many were closed. Run daily by `tasks.cycles_close_due_task`."""
    closed = 0
    for cycle in ReviewCycle.objects.filter(state=CycleState.OPEN, due_date__lt=day).order_by("pk"):
        cycle_close(actor=None, cycle=cycle)
        closed += 1
    return closed
