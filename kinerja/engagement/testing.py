"""Builders for tests of engagement (and the apps above it). They write rows directly (no
audit, no notification). One section per part; a part adds its builders in its own section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count
from typing import Any

from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.appeals.testing import make_objection
from kinerja.assessment.testing import make_cycle
from kinerja.engagement.models import (
    Announcement,
    AnnouncementRead,
    Audience,
    Guide,
    PerceptionAnswer,
    PerceptionResponse,
    PerceptionRound,
    Suggestion,
    SuggestionState,
    TourSeen,
)
from kinerja.engagement.perception_items import ITEM_CODES
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import make_documented_evaluation, make_locked_calibration
from kinerja.learning.testing import make_development_plan
from kinerja.organization.models import Agency, Position, Unit
from kinerja.people.testing import Personas, assign, make_employee, make_position
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period

_numbers = count(1)


# --- announcements -----------------------------------------------------------------------


def make_announcement(**fields: Any) -> Announcement:
    """A published city-wide announcement unless told (`published=False` for a draft)."""
    published = fields.pop("published", True)
    n = next(_numbers)
    values: dict[str, Any] = {
        "title": f"Pengumuman uji {n}",
        "body": "Isi **pengumuman** uji.",
        "audience": Audience.CITY,
        "published_at": timezone.now() - timedelta(minutes=5) if published else None,
    }
    values.update(fields)
    if values.get("unit") is not None and values.get("agency") is None:
        values["agency"] = values["unit"].agency
    return Announcement.objects.create(**values)


def make_member(
    *, agency: Agency, unit: Unit | None = None, supervisor: Position | None = None
) -> User:
    """An active user whose employee holds, since 2024, a pelaksana post in `agency`."""
    employee = make_employee()
    user = make_user(username=employee.nip, full_name=employee.name)
    employee.user = user
    employee.save(update_fields=["user"])
    assign(employee, make_position(agency=agency, unit=unit, supervisor=supervisor))
    return user


def make_read(announcement: Announcement, user: Any) -> AnnouncementRead:
    return AnnouncementRead.objects.create(announcement=announcement, user=user)


# --- guides and tour ---------------------------------------------------------------------


def make_guide(
    *,
    title: str = "",
    slug: str = "",
    kind: str = "GUIDE",
    role: str = "",
    summary: str = "",
    body: str = "Isi panduan.",
    pages: str = "",
    order: int = 100,
    is_published: bool = True,
) -> Guide:
    """A guide (or FAQ entry, kind="FAQ") written directly, without the page-name check."""
    number = next(_numbers)
    return Guide.objects.create(
        title=title or f"Panduan {number}", slug=slug or f"panduan-{number}", kind=kind,
        role=role, summary=summary, body=body, pages=pages, order=order,
        is_published=is_published,
    )  # fmt: skip


def make_tour_seen(*, user: Any, role: str = "PEGAWAI", outcome: str = "STARTED") -> TourSeen:
    return TourSeen.objects.create(user=user, role=role, outcome=outcome)


# --- perception survey -------------------------------------------------------------------


def make_perception_round(
    *,
    period: PerformancePeriod | None = None,
    title: str = "",
    state: str = "OPEN",
    opens_on: date | None = None,
    closes_on: date | None = None,
) -> PerceptionRound:
    """A round of `period` (default: a new trial period of this year), open from 30 days ago
    to 30 days ahead unless told."""
    day = timezone.localdate()
    if period is None:
        period = make_period(is_trial=True, name=f"Uji Coba Survei {next(_numbers)}")
    return PerceptionRound.objects.create(
        period=period,
        title=title or f"Survei persepsi {period.name}",
        opens_on=opens_on or day - timedelta(days=30),
        closes_on=closes_on or day + timedelta(days=30),
        state=state,
    )


def make_perception_responses(
    perception_round: PerceptionRound,
    *,
    count: int,
    agency: Any = None,
    value: int | dict[str, int] = 4,
    is_appraiser: bool = False,
    remark: str = "",
) -> list[Any]:
    """`count` anonymous responses in `agency`, every item answered `value` (or per item)."""
    responses = PerceptionResponse.objects.bulk_create(
        PerceptionResponse(
            round=perception_round, agency=agency, is_appraiser=is_appraiser, remark=remark
        )
        for _ in range(count)
    )
    PerceptionAnswer.objects.bulk_create(
        PerceptionAnswer(
            response=response,
            item=code,
            value=value if isinstance(value, int) else value.get(code, 3),
        )
        for response in responses
        for code in ITEM_CODES
    )
    return responses


# --- suggestion box ----------------------------------------------------------------------


def make_suggestion(**fields: Any) -> Suggestion:
    """A waiting suggestion unless told; `state=ANSWERED` gets an answer and its time."""
    n = next(_numbers)
    values: dict[str, Any] = {
        "title": f"Saran uji {n}",
        "body": "Mohon tombol simpan dibuat lebih jelas.",
        "state": SuggestionState.SUBMITTED,
    }
    values.update(fields)
    if values["state"] != SuggestionState.SUBMITTED:
        values.setdefault("answer", "Terima kasih, sudah kami perbaiki.")
        values.setdefault("answered_at", timezone.now())
    return Suggestion.objects.create(**values)


# --- trial periods -----------------------------------------------------------------------


def make_trial_period(
    *,
    year: int | None = None,
    agency: Agency | None = None,
    state: str = PeriodState.EXECUTION,
    name: str = "",
) -> PerformancePeriod:
    """A trial period of `year` (default: this year), for `agency` or the whole city, in
    `state` (default: Pelaksanaan)."""
    year = year or timezone.localdate().year
    period = make_period(
        year=year,
        is_trial=True,
        state=state,
        name=name or f"Uji coba {agency.name if agency else 'kota'} {year} #{next(_numbers)}",
    )
    if agency is not None:
        PerformancePeriod.objects.filter(pk=period.pk).update(trial_agency=agency)
        period.trial_agency = agency
    return period


@dataclass
class TrialResults:
    """What `make_trial_results` built in the (city-wide) trial period of this year."""

    period: PerformancePeriod
    evaluation: Evaluation


def make_trial_results(personas: Personas) -> TrialResults:
    """A trial period of this year with the employee persona's approved plan, realisations
    with link evidence, feedback, a rated periodic evaluation with an organisation rating
    (`make_documented_evaluation`), an objection on it, a locked calibration session, a 360
    round, a development plan and a perception round: one of every kind clearing deletes."""
    evaluation = make_documented_evaluation(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor, trial=True
    )
    period = evaluation.plan.period
    make_objection(evaluation=evaluation)
    scope = Scope(period, evaluation.window)
    make_locked_calibration(agency=personas.agency, scope=scope)
    make_cycle(period=period, agency=personas.agency)
    make_development_plan(employee=personas.staff.employee, period=period)
    PerceptionRound.objects.create(
        period=period,
        title=f"Survei persepsi {period.name}",
        opens_on=period.start_date,
        closes_on=period.end_date,
    )
    return TrialResults(period=period, evaluation=evaluation)
