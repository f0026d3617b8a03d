"""Dialogue cards: dialogues coming up, those past their time not recorded yet (the
appraiser's), a coaching feedback form to fill, and my open dialogue actions."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Count, Q, Window
from django.urls import reverse
from django.utils import timezone

from kinerja.core.my_tasks import TaskItem
from kinerja.monitoring.models import (
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.monitoring.my_tasks.common import SHOWN, num, shorten
from kinerja.scoring.formatting import format_date_id


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{format_date_id(local.date())} pukul {local:%H.%M}"


def dialogue_cards(employee_id: int, day: date) -> list[TaskItem]:
    start_of_day = timezone.make_aware(datetime.combine(day, time.min))
    mine = Q(employee_id=employee_id) | Q(appraiser_id=employee_id)
    scheduled = Q(state=DialogueState.SCHEDULED) & (
        Q(scheduled_at__gte=start_of_day) | Q(appraiser_id=employee_id)
    )
    coaching = Q(
        employee_id=employee_id,
        kind=DialogueKind.COACHING,
        state=DialogueState.DONE,
        coaching_feedback__isnull=True,
    )
    dialogues = list(
        PerformanceDialogue.objects.filter(mine & (scheduled | coaching))
        .annotate(total=Window(Count("id")))
        .select_related("employee", "appraiser")
        .order_by("scheduled_at", "pk")[:SHOWN]
    )
    cards: list[TaskItem] = []
    more = getattr(dialogues[0], "total", 0) - len(dialogues) if dialogues else 0
    for dialogue in dialogues:
        url = reverse("monitoring:dialogue_detail", kwargs={"dialogue_id": dialogue.pk})
        kind = dialogue.get_kind_display()
        when = timezone.localtime(dialogue.scheduled_at)
        leads = dialogue.appraiser_id == employee_id
        other = dialogue.employee.full_name if leads else dialogue.appraiser.full_name
        if dialogue.state == DialogueState.DONE:
            cards.append(
                TaskItem(
                    "Isi umpan balik bimbingan",
                    f"{kind} dengan {other} pada {format_date_id(when.date())}: sembilan "
                    "pernyataan singkat tentang bimbingan yang Anda terima.",
                    reverse("monitoring:coaching_feedback", kwargs={"dialogue_id": dialogue.pk}),
                    "Isi umpan balik",
                )
            )
        elif when < start_of_day:  # only the appraiser's: past and not recorded
            cards.append(
                TaskItem(
                    f"Catat hasil {kind.lower()} dengan {other}",
                    f"Dijadwalkan {_when(dialogue.scheduled_at)}; catat hasil dan tindak "
                    "lanjutnya, atau batalkan.",
                    reverse("monitoring:dialogue_record", kwargs={"dialogue_id": dialogue.pk}),
                    "Catat hasil",
                    urgent=True,
                    due=when.date(),
                    due_label="Jadwal",
                )
            )
        else:
            place = f" di {dialogue.place}" if dialogue.place else ""
            cards.append(
                TaskItem(
                    f"{kind} dengan {other}",
                    f"Pukul {when:%H.%M}{place}."
                    + (f" Agenda: {shorten(dialogue.agenda)}" if dialogue.agenda.strip() else ""),
                    url,
                    "Buka dialog",
                    due=when.date(),
                    due_label="Jadwal",
                )
            )
    if more > 0:
        cards.append(
            TaskItem(
                "Dialog kinerja lainnya",
                f"{num(more)} dialog lain terjadwal atau menunggu dicatat.",
                reverse("monitoring:dialogue_index"),
                "Lihat semua dialog",
            )
        )
    return cards


def action_cards(employee_id: int, day: date) -> list[TaskItem]:
    actions = list(
        DialogueAction.objects.filter(owner_id=employee_id, done_at__isnull=True)
        .exclude(dialogue__state=DialogueState.CANCELLED)
        .annotate(total=Window(Count("id")))
        .order_by("due_date", "pk")[:SHOWN]
    )
    more = getattr(actions[0], "total", 0) - len(actions) if actions else 0
    summary = [
        TaskItem(
            "Tindak lanjut lainnya",
            f"{num(more)} tindak lanjut dialog lain belum selesai.",
            reverse("monitoring:dialogue_index"),
            "Lihat semua dialog",
        )
    ]
    return [
        TaskItem(
            "Tindak lanjut dialog kinerja",
            shorten(action.text, 120),
            reverse("monitoring:dialogue_detail", kwargs={"dialogue_id": action.dialogue_id}),
            "Buka dialog",
            urgent=action.due_date < day,
            due=action.due_date,
        )
        for action in actions
    ] + (summary if more > 0 else [])
