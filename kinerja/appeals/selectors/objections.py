"""Reads of objections for the pages and the API, each fetching and authorising in one call.

- `objection_get_for_actor`: one objection, 404 unless `permissions.can_view_objection`.
- `objection_list_for_actor`: the boxes of /keberatan/: "saya" (my own objections),
  "penjelasan" (those I am the appraiser of), "putusan" (those I decide; Pimpinan for the
  Wali Kota's office), "semua" (Admin BKPSDM and Inspektorat, filtered by agency and state).
  The counts of every box come from one aggregate query; a box's rows from one more, at any
  size.
- `objection_page_for_actor`: the record as one thread with the steps and whose turn it is.
- `objection_for_evaluation`: the current (not withdrawn) objection of an evaluation.
- `attachment_get_for_actor`: one attachment of an objection the actor may see (404 otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_auditor, is_hr_admin, is_leader
from kinerja.appeals import permissions
from kinerja.appeals.models import (
    OPEN_STATES,
    Objection,
    ObjectionAttachment,
    ObjectionState,
)
from kinerja.appeals.rules import Step, decision_ready_refusal, is_open, objection_steps
from kinerja.evaluation.models import Evaluation
from kinerja.people.holdings import employee_id_for_user, today

NOT_FOUND = "Keberatan tidak ditemukan."

BOX_MINE = "saya"
BOX_EXPLAIN = "penjelasan"
BOX_DECIDE = "putusan"
BOX_ALL = "semua"
BOX_LABELS = {
    BOX_MINE: "Keberatan saya",
    BOX_EXPLAIN: "Perlu penjelasan saya",
    BOX_DECIDE: "Perlu keputusan saya",
    BOX_ALL: "Semua keberatan",
}
BOXES = tuple(BOX_LABELS)


def objection_queryset() -> QuerySet[Objection]:
    """Objections with everything a row, the record or the letter shows, in one query."""
    return Objection.objects.select_related(
        "employee",
        "agency",
        "unit",
        "appraiser",
        "decider",
        "explained_by",
        "decided_by",
        "evaluation__plan__period",
        "evaluation__plan__position__agency",
        "evaluation__window",
        "evaluation__rated_by",
    )


def objection_get_for_actor(*, actor: Actor, objection_id: int) -> Objection:
    """One objection; 404 unless the actor may see it (an outsider learns nothing)."""
    objection = objection_queryset().filter(pk=objection_id).first()
    if objection is None or not permissions.can_view_objection(actor, objection):
        raise Http404(NOT_FOUND)
    return objection


def objection_for_evaluation(*, evaluation: Evaluation) -> Objection | None:
    """The evaluation's current objection (any state but withdrawn), or None."""
    return (
        objection_queryset()
        .filter(evaluation_id=evaluation.pk)
        .exclude(state=ObjectionState.WITHDRAWN)
        .first()
    )


def attachment_get_for_actor(
    *, actor: Actor, objection_id: int, attachment_id: int
) -> ObjectionAttachment:
    """One attachment of an objection the actor may see; 404 otherwise."""
    objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
    attachment = ObjectionAttachment.objects.filter(
        pk=attachment_id, objection_id=objection.pk
    ).first()
    if attachment is None:
        raise Http404("Lampiran tidak ditemukan.")
    attachment.objection = objection
    return attachment


# --- the boxes ---------------------------------------------------------------------------------


def _box_filters(actor: Actor) -> dict[str, Q]:
    """The boxes the actor has, each as a filter on objections."""
    boxes: dict[str, Q] = {}
    if actor is None or not actor.is_active:
        return boxes
    me = employee_id_for_user(actor)
    if me is not None:
        boxes[BOX_MINE] = Q(employee_id=me)
        boxes[BOX_EXPLAIN] = Q(appraiser_id=me)
    decide = Q(decider_id=me, decider_is_mayor=False) if me is not None else None
    if is_leader(actor):
        mayor = Q(decider_is_mayor=True) & ~Q(evaluation__rated_by_id=actor.pk)
        decide = mayor if decide is None else decide | mayor
    if decide is not None:
        if me is not None:
            decide &= ~Q(appraiser_id=me)
        boxes[BOX_DECIDE] = decide
    if is_hr_admin(actor) or is_auditor(actor):
        boxes[BOX_ALL] = Q()
    return boxes


AWAITING = {
    BOX_MINE: Q(state__in=OPEN_STATES),
    BOX_EXPLAIN: Q(state=ObjectionState.FILED, explained_at__isnull=True),
    BOX_DECIDE: Q(state__in=OPEN_STATES),
    BOX_ALL: Q(state__in=OPEN_STATES),
}
"""What counts as still open in each box (the number beside the tab)."""


@dataclass(frozen=True)
class BoxTab:
    code: str
    label: str
    total: int
    open: int


def objection_boxes_for_actor(*, actor: Actor) -> list[BoxTab]:
    """The actor's boxes with their totals and open counts, in one query. A box the actor has
    no objection in is left out, except "saya" for an employee and "semua" for its readers."""
    filters = _box_filters(actor)
    if not filters:
        return []
    aggregates = {}
    for code, query in filters.items():
        aggregates[f"{code}_total"] = Count("pk", filter=query)
        aggregates[f"{code}_open"] = Count("pk", filter=query & AWAITING[code])
    counts = Objection.objects.aggregate(**aggregates)
    tabs = []
    for code in filters:
        total = counts[f"{code}_total"]
        if total or code in (BOX_MINE, BOX_ALL):
            tabs.append(BoxTab(code, BOX_LABELS[code], total, counts[f"{code}_open"]))
    return tabs


@dataclass(frozen=True)
class ObjectionFilters:
    """The filters of the "semua" box: an agency and a state (empty: any)."""

    agency_id: int | None = None
    state: str = ""


@dataclass(frozen=True)
class ObjectionRow:
    """One line of a box: who, what, the state and the step awaited with its due date."""

    objection: Objection
    next_step: Step | None

    @property
    def overdue(self) -> bool:
        return self.next_step is not None and self.next_step.overdue


def next_step(objection: Objection, *, day: date) -> Step | None:
    """The step awaited now (the optional answer is never awaited), None once closed."""
    if objection.state not in OPEN_STATES:
        return None
    for step in objection_steps(objection, day=day):
        if step.done_at is None and step.code != "answer":
            return step
    return None


def objection_row(objection: Objection, *, day: date) -> ObjectionRow:
    return ObjectionRow(
        objection=objection,
        next_step=next_step(objection, day=day),
    )


def objection_list_for_actor(
    *, actor: Actor, box: str, filters: ObjectionFilters | None = None
) -> QuerySet[Objection]:
    """The objections of one of the actor's boxes, open ones first then the newest; 404 for a
    box the actor does not have. Paginate it; turn a page into rows with `objection_row`."""
    boxes = _box_filters(actor)
    if box not in boxes:
        raise Http404("Kotak keberatan tidak ditemukan.")
    objections = objection_queryset().filter(boxes[box])
    if box == BOX_ALL and filters is not None:
        if filters.agency_id is not None:
            objections = objections.filter(agency_id=filters.agency_id)
        if filters.state:
            objections = objections.filter(state=filters.state)
    closed = Case(When(state__in=OPEN_STATES, then=Value(0)), default=Value(1))
    return objections.annotate(closed=closed).order_by("closed", "-filed_at", "-pk")


def objection_queue_for_actor(*, actor: Actor) -> QuerySet[Objection]:
    """The open objections waiting for the actor: to explain (as the appraiser) and to decide
    (as the decider), oldest first."""
    boxes = _box_filters(actor)
    query = Q(pk__in=[])
    if BOX_EXPLAIN in boxes:
        query |= boxes[BOX_EXPLAIN] & Q(state=ObjectionState.FILED, explained_at__isnull=True)
    if BOX_DECIDE in boxes:
        query |= boxes[BOX_DECIDE] & Q(state__in=OPEN_STATES)
    return objection_queryset().filter(query).order_by("filed_at", "pk")


# --- one record --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThreadEntry:
    """One message of the record: what kind, who wrote it, when, and the text."""

    code: str  # statement, explanation, answer, decision, withdrawal
    title: str
    who: str
    at: datetime | None
    text: str
    extra: tuple[tuple[str, str], ...] = ()


@dataclass
class ObjectionPage:
    objection: Objection
    evaluation: Evaluation
    attachments: list[ObjectionAttachment]
    thread: list[ThreadEntry]
    steps: list[Step]
    may_explain: bool
    may_answer: bool
    may_decide: bool
    decide_refusal: str | None
    may_withdraw: bool
    is_employee: bool
    decided: bool
    decider_name: str

    @property
    def is_open(self) -> bool:
        """Still awaiting a step (not decided, not withdrawn)."""
        return is_open(self.objection)


def decider_name(objection: Objection) -> str:
    if objection.decider_is_mayor:
        return "Wali Kota (ditangani Pimpinan)"
    return objection.decider.full_name if objection.decider else "—"


def objection_thread(objection: Objection) -> list[ThreadEntry]:
    """The record in order: statement, explanation, answer, withdrawal or decision."""
    employee = objection.employee.full_name
    thread = [
        ThreadEntry(
            "statement",
            f"Keberatan: {objection.get_subject_display()}",
            employee,
            objection.filed_at,
            objection.statement,
            (("Hasil yang diminta", objection.requested),) if objection.requested else (),
        )
    ]
    if objection.explained_at is not None:
        who = objection.explained_by.full_name if objection.explained_by else ""
        if not who and objection.appraiser is not None:
            who = objection.appraiser.full_name
        thread.append(
            ThreadEntry(
                "explanation",
                "Penjelasan pejabat penilai",
                who,
                objection.explained_at,
                objection.explanation,
            )
        )
    if objection.answered_at is not None:
        thread.append(
            ThreadEntry(
                "answer", "Tanggapan pegawai", employee, objection.answered_at, objection.answer
            )
        )
    if objection.withdrawn_at is not None:
        thread.append(
            ThreadEntry(
                "withdrawal",
                "Keberatan dicabut",
                employee,
                objection.withdrawn_at,
                objection.withdrawn_reason,
            )
        )
    if objection.decided_at is not None:
        who = objection.decided_by.full_name if objection.decided_by else decider_name(objection)
        thread.append(
            ThreadEntry(
                "decision",
                f"Keputusan: keberatan {objection.get_state_display().lower()}",
                who,
                objection.decided_at,
                objection.decision_reason,
                (
                    (
                        "Rating hasil kerja",
                        f"{objection.get_results_before_display()} → "
                        f"{objection.get_results_after_display()}",
                    ),
                    (
                        "Rating perilaku kerja",
                        f"{objection.get_behavior_before_display()} → "
                        f"{objection.get_behavior_after_display()}",
                    ),
                    (
                        "Predikat kinerja",
                        f"{objection.get_predikat_before_display()} → "
                        f"{objection.get_predikat_after_display()}",
                    ),
                ),
            )
        )
    return thread


def objection_page_for_actor(*, actor: Actor, objection_id: int) -> ObjectionPage:
    """The record of one objection with whose turn it is (404 unless the actor may see it):
    two queries (the objection, its attachments)."""
    objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
    day = today()
    is_open = objection.state in OPEN_STATES
    is_employee = permissions.is_objection_employee(actor, objection)
    is_decider = permissions.is_objection_decider(actor, objection)
    refusal = decision_ready_refusal(objection, day=day) if is_decider else None
    return ObjectionPage(
        objection=objection,
        evaluation=objection.evaluation,
        attachments=list(objection.attachments.all()),
        thread=objection_thread(objection),
        steps=objection_steps(objection, day=day),
        may_explain=(
            objection.state == ObjectionState.FILED
            and objection.explained_at is None
            and permissions.is_objection_appraiser(actor, objection)
        ),
        may_answer=(
            objection.state == ObjectionState.EXPLAINED
            and objection.answered_at is None
            and is_employee
        ),
        may_decide=is_open and is_decider,
        decide_refusal=refusal,
        may_withdraw=is_open and is_employee,
        is_employee=is_employee,
        decided=objection.decided_at is not None,
        decider_name=decider_name(objection),
    )
