"""The provider registered with "Tugas saya": the windows open today, and every card of the
user in the order the home page shows them (own realisations, feedback, dialogues, actions,
then the appraiser's)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings

from kinerja.accounts.permissions import is_leader
from kinerja.core.my_tasks import TaskItem
from kinerja.monitoring.my_tasks.dialogues import action_cards, dialogue_cards
from kinerja.monitoring.my_tasks.feedback import feedback_cards
from kinerja.monitoring.my_tasks.realizations import own_realization_cards
from kinerja.monitoring.my_tasks.team import decider_query, decision_cards, team_missing_cards
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import REALIZATION_STATES


def open_windows(day: date) -> list[EvaluationWindow]:
    """Windows open for realisations on `day`, in every period in Pelaksanaan or Evaluasi (in
    January the last windows of the year before are still open): one query."""
    earliest_due = day - timedelta(days=settings.REALIZATION_LATE_DAYS)
    return list(
        EvaluationWindow.objects.filter(
            period__state__in=REALIZATION_STATES,
            start_date__lte=day,
            realization_due_date__gte=earliest_due,
        )
        .select_related("period")
        .order_by("realization_due_date", "period_id", "number")
    )


def monitoring_cards_for(user: Any) -> list[TaskItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    employee_id = employee_id_for_user(user)
    leader = is_leader(user)
    if employee_id is None and not leader:
        return []
    day = today()
    windows = open_windows(day)
    cards: list[TaskItem] = []
    if employee_id is not None:
        cards += own_realization_cards(employee_id, windows, day)
        cards += feedback_cards(employee_id)
        cards += dialogue_cards(employee_id, day)
        cards += action_cards(employee_id, day)
    realization_decider = decider_query(employee_id, leader, prefix="plan__")
    plan_decider = decider_query(employee_id, leader)
    if realization_decider is not None and plan_decider is not None:
        cards += decision_cards(realization_decider)
        cards += team_missing_cards(plan_decider, windows, day)
    return cards
