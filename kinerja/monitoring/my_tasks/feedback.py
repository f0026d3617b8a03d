"""Feedback cards: the open requests asked of me (tasks) and my own (waiting), the first
`SHOWN` of each side and one card saying how many more."""

from __future__ import annotations

from django.db.models import BooleanField, Case, Count, F, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.monitoring.models import FeedbackRequest, FeedbackRequestState
from kinerja.monitoring.my_tasks.common import SHOWN, num, shorten
from kinerja.scoring.formatting import format_date_id


def feedback_cards(employee_id: int) -> list[TaskItem]:
    """Open requests asked of me (tasks) and mine (waiting): the first `SHOWN` of each side,
    and one card saying how many more (a window count, in the same query)."""
    to_me = Case(
        When(asked_id=employee_id, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    requests = list(
        FeedbackRequest.objects.filter(state=FeedbackRequestState.OPEN)
        .filter(Q(asked_id=employee_id) | Q(employee_id=employee_id))
        .annotate(
            to_me=to_me,
            rank=Window(RowNumber(), partition_by=[to_me], order_by=[F("created_at"), F("pk")]),
            total=Window(Count("id"), partition_by=[to_me]),
        )
        .filter(rank__lte=SHOWN)
        .select_related("employee", "asked")
        .order_by("created_at", "pk")
    )
    give = reverse("monitoring:feedback_give")
    index = reverse("monitoring:feedback_index")
    cards: list[TaskItem] = []
    for request in requests:
        asked_at = format_date_id(timezone.localdate(request.created_at))
        message = f" “{shorten(request.message)}”" if request.message.strip() else ""
        if request.asked_id == employee_id:
            cards.append(
                TaskItem(
                    f"Beri umpan balik untuk {request.employee.full_name}",
                    f"Diminta {asked_at}.{message}",
                    f"{give}?permintaan={request.pk}",
                    "Beri umpan balik",
                )
            )
        else:
            cards.append(
                TaskItem(
                    f"Umpan balik dari {request.asked.full_name}",
                    f"Anda memintanya {asked_at}; belum dijawab.",
                    index,
                    "Lihat umpan balik",
                    kind=CardKind.WAITING,
                )
            )
    for asked_of_me in (True, False):
        side = [r for r in requests if (r.asked_id == employee_id) is asked_of_me]
        more = (getattr(side[0], "total", 0) - len(side)) if side else 0
        if more > 0 and asked_of_me:
            cards.append(
                TaskItem(
                    "Permintaan umpan balik lainnya",
                    f"{num(more)} permintaan lain menunggu umpan balik Anda.",
                    index,
                    "Lihat semua",
                )
            )
        elif more > 0:
            cards.append(
                TaskItem(
                    "Permintaan umpan balik Anda lainnya",
                    f"{num(more)} permintaan lain belum dijawab.",
                    index,
                    "Lihat semua",
                    kind=CardKind.WAITING,
                )
            )
    return cards
