"""Reads of performance dialogues: one dialogue or action for an actor (404 when private), and
the overview of `/dialog/` (upcoming, recent, open actions, the team one may schedule with) in
a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.monitoring.dialogue_permissions import can_view_dialogue
from kinerja.monitoring.models import (
    CoachingFeedback,
    DialogueAction,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.models import Employee
from kinerja.people.permissions import team_chain_of

RECENT_LIMIT = 30
ROLE_EMPLOYEE = "pegawai"
ROLE_APPRAISER = "penilai"
ROLES = (ROLE_EMPLOYEE, ROLE_APPRAISER)


def dialogue_queryset() -> QuerySet[PerformanceDialogue]:
    """Dialogues with both parties and whether coaching feedback was filled (`has_feedback`)."""
    return PerformanceDialogue.objects.select_related("employee", "appraiser", "plan").annotate(
        has_feedback=Exists(CoachingFeedback.objects.filter(dialogue_id=OuterRef("pk")))
    )


def dialogue_get_for_actor(*, actor: Actor, dialogue_id: int) -> PerformanceDialogue:
    """The dialogue with its parties; 404 unless the actor may see it."""
    dialogue = dialogue_queryset().filter(pk=dialogue_id).first()
    if dialogue is None or not can_view_dialogue(actor, dialogue):
        raise Http404("Dialog kinerja tidak ditemukan.")
    return dialogue


def dialogue_action_get_for_actor(*, actor: Actor, action_id: int) -> DialogueAction:
    """The action with its dialogue and owner; 404 unless the actor may see the dialogue."""
    action = (
        DialogueAction.objects.select_related("dialogue", "dialogue__employee", "owner")
        .filter(pk=action_id)
        .first()
    )
    if action is None or not can_view_dialogue(actor, action.dialogue):
        raise Http404("Tindak lanjut tidak ditemukan.")
    return action


def dialogue_actions(*, dialogue: PerformanceDialogue) -> list[DialogueAction]:
    """The actions of one dialogue, open first by due date, then those done."""
    actions = list(dialogue.actions.select_related("owner"))
    return sorted(actions, key=lambda a: (a.done_at is not None, a.due_date, a.pk))


def coaching_feedback_of(*, dialogue: PerformanceDialogue) -> CoachingFeedback | None:
    return CoachingFeedback.objects.filter(dialogue_id=dialogue.pk).first()


def is_overdue(action: DialogueAction, day: date | None = None) -> bool:
    return action.done_at is None and action.due_date < (day or today())


@dataclass
class DialogueOverview:
    """What `/dialog/` shows an actor, as the employee and as the appraiser."""

    me: int | None
    upcoming: list[PerformanceDialogue] = field(default_factory=list)
    recent: list[PerformanceDialogue] = field(default_factory=list)
    open_actions: list[DialogueAction] = field(default_factory=list)
    team: list[Employee] = field(default_factory=list)
    today: date = field(default_factory=today)

    @property
    def overdue_count(self) -> int:
        return sum(1 for a in self.open_actions if a.due_date < self.today)


def _mine(me: int, role: str | None, prefix: str = "") -> Q:
    as_employee = Q(**{f"{prefix}employee_id": me})
    as_appraiser = Q(**{f"{prefix}appraiser_id": me})
    if role == ROLE_EMPLOYEE:
        return as_employee
    if role == ROLE_APPRAISER:
        return as_appraiser
    return as_employee | as_appraiser


def dialogue_list_for_actor(
    *, actor: Actor, role: str | None = None, with_team: bool = True
) -> DialogueOverview:
    """The actor's own dialogues (as the employee, as the appraiser, or both when `role` is
    None): scheduled ones soonest first, the latest done or cancelled ones, the open actions of
    both (overdue first by due date), and the team members they may schedule with. A constant
    number of queries at any size; nothing for an actor without an employee record."""
    me = employee_id_for_user(actor)
    overview = DialogueOverview(me=me)
    if me is None:
        return overview
    mine = dialogue_queryset().filter(_mine(me, role))
    overview.upcoming = list(
        mine.filter(state=DialogueState.SCHEDULED).order_by("scheduled_at", "pk")
    )
    overview.recent = list(
        mine.exclude(state=DialogueState.SCHEDULED).order_by("-scheduled_at", "-pk")[:RECENT_LIMIT]
    )
    overview.open_actions = list(
        DialogueAction.objects.select_related(
            "owner", "dialogue", "dialogue__employee", "dialogue__appraiser"
        )
        .filter(_mine(me, role, "dialogue__"), done_at__isnull=True)
        .exclude(dialogue__state=DialogueState.CANCELLED)
        .order_by("due_date", "pk")
    )
    if with_team and role != ROLE_EMPLOYEE:
        chain = team_chain_of(actor)
        ids = sorted({h.employee_id for h in chain.subordinates}) if chain else []
        overview.team = list(Employee.objects.filter(pk__in=ids).order_by("name", "pk"))
    return overview
