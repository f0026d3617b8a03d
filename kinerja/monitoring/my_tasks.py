"""Home cards of monitoring ("Tugas saya"), registered in MonitoringConfig.ready().

Employee:
- "Isi realisasi <window>": one card per open window (and approved plan) whose realisations
  are not all submitted yet, with the count and the window's due date (late once past it);
- each returned realisation, urgent, to correct before the window closes;
- submitted realisations waiting for the appraiser (WAITING);
- feedback requests addressed to me (task) and my own open requests (WAITING);
- dialogues coming up (due = their date), my open dialogue actions (due = their due date,
  urgent once past), a coaching feedback form to fill after a coaching dialogue.
Appraiser (and Pimpinan for the plans the Wali Kota rates):
- realisations waiting for my decision: one card with the count per employee;
- realisations of my team not submitted yet in an open window (WAITING, a count);
- the dialogues I lead coming up, and those past their time not recorded yet.

Realisations exist only for approved plans (`approved_version` set) in a period in
Pelaksanaan or Evaluasi (`REALIZATION_STATES`); a window is open from its first day until
`window_close_date`. Only indicators filled by hand count (index-sourced ones fill
themselves). A constant number of queries whatever the size of the team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import BooleanField, Case, Count, F, Min, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.permissions import is_leader
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.core.templatetags.kinerja_ui import sentence_end
from kinerja.monitoring.models import (
    DialogueAction,
    DialogueKind,
    DialogueState,
    FeedbackRequest,
    FeedbackRequestState,
    PerformanceDialogue,
    Realization,
    RealizationState,
)
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.models import Employee
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.periods.rules import REALIZATION_STATES, window_close_date
from kinerja.planning.models import IndicatorSource, PerformancePlan
from kinerja.scoring.formatting import format_date_id, format_decimal

SHOWN = 5
"""At most this many cards of one sort (feedback requests asked of me, mine, dialogues,
actions); one more card says how many others there are."""

DONE_STATES = (RealizationState.SUBMITTED, RealizationState.ACCEPTED)
NOT_OPEN_REALIZATIONS = TaskItem(
    "Realisasi dan bukti dukung",
    "Pengisian realisasi dibuka setelah SKP disetujui dan periode penilaian memasuki tahap "
    "Pelaksanaan.",
    kind=CardKind.NOT_OPEN,
)


def _n(count: int) -> str:
    return format_decimal(count, 0)


def _short(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _window_label(window: EvaluationWindow) -> str:
    return f"{window.name} {window.period.year}"


def _overlaps(plan: PerformancePlan, window: EvaluationWindow) -> bool:
    return (
        window.period_id == plan.period_id
        and window.start_date <= plan.end_date
        and window.end_date >= plan.start_date
    )


def _due_text(window: EvaluationWindow, day: date) -> str:
    due = window.realization_due_date
    if due >= day:
        return f"Batas pengisian {format_date_id(due)}."
    return (
        f"Batas pengisian {format_date_id(due)} sudah lewat; realisasi masih diterima sebagai "
        f"terlambat sampai {format_date_id(window_close_date(window))}."
    )


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


def _running_plans(query: Q, period_ids: Iterable[int]) -> QuerySet[PerformancePlan]:
    """Approved plans (a version in force) in the given periods, each with `manual`, its number
    of indicators filled by hand."""
    return (
        PerformancePlan.objects.filter(query, approved_version__isnull=False)
        .filter(period_id__in=list(period_ids))
        .annotate(
            manual=Count(
                "results__indicators",
                filter=Q(results__indicators__source=IndicatorSource.MANUAL),
            )
        )
        .order_by("period__year", "start_date", "pk")
    )


def _manual(plan: PerformancePlan) -> int:
    """The `manual` annotation of `_running_plans`."""
    return int(getattr(plan, "manual", 0))


# --- the employee's realisations -----------------------------------------------------------


def _own_realization_cards(
    employee_id: int, windows: list[EvaluationWindow], day: date
) -> list[TaskItem]:
    period_ids = {w.period_id for w in windows}
    plans = list(
        _running_plans(Q(employee_id=employee_id), period_ids).select_related("appraiser", "period")
    )
    if not plans:
        return [NOT_OPEN_REALIZATIONS]
    open_ids = [w.pk for w in windows]
    rows = list(
        Realization.objects.filter(plan__in=plans, indicator__source=IndicatorSource.MANUAL)
        .filter(Q(window_id__in=open_ids) | Q(state=RealizationState.SUBMITTED))
        .select_related("indicator", "window__period")
        .order_by("window__realization_due_date", "indicator__result__number", "indicator__number")
    )
    cards: list[TaskItem] = []
    for plan in plans:
        url = reverse("monitoring:realizations", kwargs={"plan_id": plan.pk})
        mine = [r for r in rows if r.plan_id == plan.pk]
        for window in (w for w in windows if _overlaps(plan, w)):
            written = sum(
                1
                for r in mine
                if r.window_id == window.pk and r.state in (*DONE_STATES, RealizationState.RETURNED)
            )
            missing = _manual(plan) - written
            if missing <= 0:
                continue
            late = window.realization_due_date < day
            cards.append(
                TaskItem(
                    f"Isi realisasi {_window_label(window)}",
                    f"{_n(missing)} dari {_n(_manual(plan))} indikator belum diajukan. "
                    f"{_due_text(window, day)}",
                    url,
                    "Isi realisasi",
                    urgent=late,
                    due=window.realization_due_date,
                )
            )
        for r in mine:
            if r.state != RealizationState.RETURNED or r.window_id not in open_ids:
                continue
            reason = f" Alasan: {_short(r.return_reason)}" if r.return_reason.strip() else ""
            cards.append(
                TaskItem(
                    f"Perbaiki realisasi {_window_label(r.window)}",
                    f"Realisasi “{_short(r.indicator.text, 60)}” dikembalikan pejabat "
                    f"penilai.{reason}",
                    reverse(
                        "monitoring:realization_edit",
                        kwargs={
                            "plan_id": plan.pk,
                            "window_id": r.window_id,
                            "indicator_id": r.indicator_id,
                        },
                    ),
                    "Perbaiki realisasi",
                    urgent=True,
                    due=window_close_date(r.window),
                    due_label="Batas akhir",
                )
            )
        submitted = [r for r in mine if r.state == RealizationState.SUBMITTED]
        if submitted:
            who = plan.appraiser.full_name if plan.appraiser else "Wali Kota (Pimpinan)"
            cards.append(
                TaskItem(
                    f"Realisasi SKP {plan.period.year} diajukan",
                    f"{_n(len(submitted))} realisasi menunggu keputusan {sentence_end(who)}",
                    url,
                    "Lihat realisasi",
                    kind=CardKind.WAITING,
                )
            )
        cards.append(
            TaskItem(
                f"Realisasi SKP {plan.period.year}",
                "Realisasi, bukti dukung dan capaian per indikator pada setiap evaluasi periodik.",
                url,
                "Buka realisasi",
                kind=CardKind.PLACE,
            )
        )
    return cards


# --- feedback and dialogues ----------------------------------------------------------------


def _feedback_cards(employee_id: int) -> list[TaskItem]:
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
        message = f" “{_short(request.message)}”" if request.message.strip() else ""
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
                    f"{_n(more)} permintaan lain menunggu umpan balik Anda.",
                    index,
                    "Lihat semua",
                )
            )
        elif more > 0:
            cards.append(
                TaskItem(
                    "Permintaan umpan balik Anda lainnya",
                    f"{_n(more)} permintaan lain belum dijawab.",
                    index,
                    "Lihat semua",
                    kind=CardKind.WAITING,
                )
            )
    return cards


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{format_date_id(local.date())} pukul {local:%H.%M}"


def _dialogue_cards(employee_id: int, day: date) -> list[TaskItem]:
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
                    + (f" Agenda: {_short(dialogue.agenda)}" if dialogue.agenda.strip() else ""),
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
                f"{_n(more)} dialog lain terjadwal atau menunggu dicatat.",
                reverse("monitoring:dialogue_index"),
                "Lihat semua dialog",
            )
        )
    return cards


def _action_cards(employee_id: int, day: date) -> list[TaskItem]:
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
            f"{_n(more)} tindak lanjut dialog lain belum selesai.",
            reverse("monitoring:dialogue_index"),
            "Lihat semua dialog",
        )
    ]
    return [
        TaskItem(
            "Tindak lanjut dialog kinerja",
            _short(action.text, 120),
            reverse("monitoring:dialogue_detail", kwargs={"dialogue_id": action.dialogue_id}),
            "Buka dialog",
            urgent=action.due_date < day,
            due=action.due_date,
        )
        for action in actions
    ] + (summary if more > 0 else [])


# --- the appraiser's team --------------------------------------------------------------------


def _decider_query(employee_id: int | None, leader: bool, prefix: str = "") -> Q | None:
    query = Q(**{f"{prefix}appraiser_id": employee_id}) if employee_id is not None else None
    if leader:
        mayor = Q(**{f"{prefix}appraiser_is_mayor": True})
        query = mayor if query is None else query | mayor
    return query


def _decision_cards(decider: Q) -> list[TaskItem]:
    waiting = list(
        Realization.objects.filter(decider, state=RealizationState.SUBMITTED)
        .exclude(plan__period__state=PeriodState.CLOSED)
        .values("plan__employee_id")
        .annotate(n=Count("id"), since=Min("submitted_at"))
        .order_by("since", "plan__employee_id")
    )
    if not waiting:
        return []
    names = {
        e.pk: e.full_name
        for e in Employee.objects.filter(pk__in=[row["plan__employee_id"] for row in waiting])
    }
    total = sum(row["n"] for row in waiting)
    parts = [f"{names.get(row['plan__employee_id'], '?')} ({_n(row['n'])})" for row in waiting]
    shown = ", ".join(parts[:5]) + (f", dan {_n(len(parts) - 5)} pegawai lain" if parts[5:] else "")
    since = waiting[0]["since"]
    oldest = f" Terlama diajukan {format_date_id(timezone.localdate(since))}." if since else ""
    return [
        TaskItem(
            "Putuskan realisasi tim",
            f"{_n(total)} realisasi menunggu keputusan Anda: {shown}.{oldest}",
            reverse("monitoring:realization_team"),
            "Periksa realisasi",
        )
    ]


def _team_missing_cards(decider: Q, windows: list[EvaluationWindow], day: date) -> list[TaskItem]:
    if not windows:
        return []
    plans = list(
        _running_plans(decider, {w.period_id for w in windows}).only(
            "pk", "period_id", "start_date", "end_date"
        )
    )
    if not plans:
        return []
    done = dict(
        Realization.objects.filter(
            plan__in=[p.pk for p in plans],
            window__in=windows,
            indicator__source=IndicatorSource.MANUAL,
            state__in=(*DONE_STATES, RealizationState.RETURNED),
        )
        .values("window_id")
        .annotate(n=Count("id"))
        .values_list("window_id", "n")
    )
    expected: dict[int, int] = defaultdict(int)
    for plan in plans:
        for window in windows:
            if _overlaps(plan, window):
                expected[window.pk] += _manual(plan)
    cards: list[TaskItem] = []
    for window in windows:
        missing = expected[window.pk] - done.get(window.pk, 0)
        if missing <= 0:
            continue
        late = window.realization_due_date < day
        state = "terlambat, belum diajukan" if late else "belum diajukan"
        cards.append(
            TaskItem(
                f"Realisasi tim {_window_label(window)}",
                f"{_n(missing)} dari {_n(expected[window.pk])} realisasi tim Anda {state}. "
                f"{_due_text(window, day)}",
                reverse("monitoring:realization_team"),
                "Lihat realisasi tim",
                urgent=late,
                kind=CardKind.WAITING,
            )
        )
    return cards


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
        cards += _own_realization_cards(employee_id, windows, day)
        cards += _feedback_cards(employee_id)
        cards += _dialogue_cards(employee_id, day)
        cards += _action_cards(employee_id, day)
    realization_decider = _decider_query(employee_id, leader, prefix="plan__")
    plan_decider = _decider_query(employee_id, leader)
    if realization_decider is not None and plan_decider is not None:
        cards += _decision_cards(realization_decider)
        cards += _team_missing_cards(plan_decider, windows, day)
    return cards
