"""Builders for tests of the 360° round (and of evaluation, which shows its results).

Builders write rows directly (no services, no audit events), so each test states only what it
needs. Sheets are linked to reviews through `keys.sheet_key`, exactly as the service does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewCycle,
    ReviewerList,
)
from kinerja.assessment.questionnaire import question_codes
from kinerja.organization.models import Agency
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.people.testing import Personas, assign, make_employee, make_position
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.planning.testing import make_open_period


def full_scores(score: int | None = 4) -> dict[str, int | None]:
    """A score (or None: "tidak dapat menilai") for each of the 21 behaviours."""
    return dict.fromkeys(sorted(question_codes()), score)


def make_cycle(
    *,
    period: PerformancePeriod | None = None,
    window: EvaluationWindow | None = None,
    agency: Agency | None = None,
    state: str = CycleState.OPEN,
    due_in_days: int = 14,
    k: int = 3,
    name: str = "",
) -> ReviewCycle:
    """A round (open unless told) of `window` or the year, for `agency` or the city, due
    `due_in_days` from today, in this year's period (in Pelaksanaan) unless told."""
    period = period or make_open_period(state=PeriodState.EXECUTION)
    return ReviewCycle.objects.create(
        period=period,
        window=window,
        agency=agency,
        name=name or f"Umpan balik 360 {period.year}",
        due_date=today() + timedelta(days=due_in_days),
        state=state,
        k=k,
    )


def make_reviewer_list(
    cycle: ReviewCycle,
    employee: Employee,
    *,
    agency: Agency,
    unit_id: int | None = None,
    appraiser: Employee | None = None,
    state: str = ReviewerList.State.APPROVED,
) -> ReviewerList:
    return ReviewerList.objects.create(
        cycle=cycle, employee=employee, agency=agency, unit_id=unit_id, appraiser=appraiser,
        state=state,
    )  # fmt: skip


def make_review(reviewer_list: ReviewerList, rater: Employee, relation: str) -> BehaviorReview:
    return BehaviorReview.objects.create(
        reviewer_list=reviewer_list, rater=rater, relation=relation
    )


def make_sheet(
    review: BehaviorReview,
    *,
    scores: Mapping[str, int | None] | None = None,
    comments: Mapping[str, str] | None = None,
    submitted: bool = True,
) -> AnswerSheet:
    """The rater's sheet for `review` (all behaviours 4 unless told), sent unless told."""
    sheet = AnswerSheet.objects.create(
        cycle_id=review.reviewer_list.cycle_id,
        ratee_id=review.reviewer_list.employee_id,
        relation=review.relation,
        key=sheet_key(review.pk),
        submitted=submitted,
        scores=dict(full_scores() if scores is None else scores),
        comments=dict(comments or {}),
    )
    if submitted:
        BehaviorReview.objects.filter(pk=review.pk).update(submitted_on=today())
        review.submitted_on = today()
    return sheet


@dataclass
class Team360:
    """A rated employee with raters around them (`make_team_360`). The ratee is the supervisor
    persona (Sri Handayani, Kepala Seksi): her supervisor is the Kabid (appraiser_superior
    persona, her appraiser), her subordinate the employee persona (Agus), and her peers are
    new Kepala Seksi posts under the Kabid, each held by an employee with a login."""

    cycle: ReviewCycle
    reviewer_list: ReviewerList
    ratee: Employee
    self_review: BehaviorReview
    supervisor_review: BehaviorReview
    peer_reviews: list[BehaviorReview] = field(default_factory=list)
    subordinate_reviews: list[BehaviorReview] = field(default_factory=list)
    peer_users: list[User] = field(default_factory=list)

    @property
    def all_reviews(self) -> list[BehaviorReview]:
        return [
            self.self_review, self.supervisor_review, *self.peer_reviews,
            *self.subordinate_reviews,
        ]  # fmt: skip


def make_team_360(
    personas: Personas,
    *,
    peers: int = 3,
    cycle: ReviewCycle | None = None,
    state: str = CycleState.OPEN,
) -> Team360:
    """The supervisor persona's approved list in a round of `personas.agency` (made if not
    given): self, supervisor (Kabid), `peers` peers with logins, 1 subordinate (Agus)."""
    staff = personas.staff
    cycle = cycle or make_cycle(agency=personas.agency, state=state)
    reviewer_list = make_reviewer_list(
        cycle, staff.supervisor, agency=personas.agency, unit_id=staff.unit.pk,
        appraiser=staff.kabid,
    )  # fmt: skip
    team = Team360(
        cycle=cycle,
        reviewer_list=reviewer_list,
        ratee=staff.supervisor,
        self_review=make_review(reviewer_list, staff.supervisor, RelationChoice.SELF),
        supervisor_review=make_review(reviewer_list, staff.kabid, RelationChoice.SUPERVISOR),
    )
    for n in range(peers):
        user = make_user(username=f"rekan360-{cycle.pk}-{n}")
        peer = make_employee(name=f"Rekan Seksi {n + 1}", user=user)
        post = make_position(
            agency=personas.agency, name=f"Kepala Seksi Uji {n + 1}", kind="PENGAWAS",
            supervisor=staff.kabid_post, unit=staff.unit,
        )  # fmt: skip
        assign(peer, post)
        team.peer_users.append(user)
        team.peer_reviews.append(make_review(reviewer_list, peer, RelationChoice.PEER))
    team.subordinate_reviews.append(
        make_review(reviewer_list, staff.employee, RelationChoice.SUBORDINATE)
    )
    return team


# --- c-results ---


def close_cycle(cycle: ReviewCycle) -> ReviewCycle:
    """Mark the round closed (results shown), without the service."""
    ReviewCycle.objects.filter(pk=cycle.pk).update(state=CycleState.CLOSED)
    cycle.state = CycleState.CLOSED
    return cycle


LONE_SUBORDINATE_COMMENT = "Rahasia bawahan tunggal"


def make_answered_team_360(
    personas: Personas, *, cycle: ReviewCycle | None = None, closed: bool = True
) -> Team360:
    """`make_team_360` with every sheet sent: peers 5, 4 and 3 with a comment each on
    AKUNTABEL ("Komentar rekan 5" …), the one subordinate 4 with `LONE_SUBORDINATE_COMMENT`,
    the supervisor 2 on every behaviour (straight-lined), self 3; the round closed unless
    told."""
    team = make_team_360(personas, cycle=cycle)
    for review, score in zip(team.peer_reviews, (5, 4, 3), strict=True):
        make_sheet(
            review, scores=full_scores(score), comments={"AKUNTABEL": f"Komentar rekan {score}"}
        )
    make_sheet(team.subordinate_reviews[0], comments={"AKUNTABEL": LONE_SUBORDINATE_COMMENT})
    make_sheet(team.supervisor_review, scores=full_scores(2))
    make_sheet(team.self_review, scores=full_scores(3))
    if closed:
        close_cycle(team.cycle)
    return team


# --- e-attack ---


def pattern_scores(
    pattern: tuple[int | None, int | None, int | None] = (4, 4, 4),
    **per_value: tuple[int | None, int | None, int | None],
) -> dict[str, int | None]:
    """Scores of the 21 behaviours: each core value's three behaviours get `pattern` (e.g.
    (2, 2, 3), a value score of 2,33), or the triple given for that value by its code
    (`AKUNTABEL=(None, None, None)`: "tidak dapat menilai" on that value)."""
    from kinerja.assessment.questionnaire import value_codes_of
    from kinerja.planning.selectors import core_values

    scores: dict[str, int | None] = {}
    for value in core_values():
        triple = per_value.get(value.code, pattern)
        scores.update(zip(value_codes_of(value.code), triple, strict=True))
    return scores


def add_raters(team: Team360, relation: str, count: int) -> list[tuple[BehaviorReview, User]]:
    """`count` more raters of `relation` (PEER: Kepala Seksi posts under the Kabid;
    SUBORDINATE: pelaksana posts under the ratee's post) on the team's list, each an employee
    with a login; returns their reviews and users (also appended to the team's lists)."""
    staff_post = team.ratee.assignments.filter(end_date__isnull=True).first()
    added = []
    for _ in range(count):
        n = len(team.peer_reviews) + len(team.subordinate_reviews) + 1
        user = make_user(username=f"penilai360-{team.cycle.pk}-{relation.lower()}-{n}")
        person = make_employee(name=f"Penilai {relation.title()} {n}", user=user)
        agency = team.reviewer_list.agency
        if relation == RelationChoice.PEER:
            supervisor = staff_post.position.supervisor if staff_post else None
            post = make_position(
                agency=agency, name=f"Kepala Seksi Tambahan {n}", kind="PENGAWAS",
                supervisor=supervisor, unit=team.reviewer_list.unit,
            )  # fmt: skip
        else:
            post = make_position(
                agency=agency, name=f"Pelaksana Tambahan {n}",
                supervisor=staff_post.position if staff_post else None,
                unit=team.reviewer_list.unit,
            )  # fmt: skip
        assign(person, post)
        review = make_review(team.reviewer_list, person, relation)
        if relation == RelationChoice.PEER:
            team.peer_reviews.append(review)
            team.peer_users.append(user)
        else:
            team.subordinate_reviews.append(review)
        added.append((review, user))
    return added


def make_team_360_sized(
    personas: Personas,
    *,
    peers: int,
    subordinates: int,
    cycle: ReviewCycle | None = None,
    state: str = CycleState.OPEN,
) -> Team360:
    """`make_team_360` with exactly `peers` peers and `subordinates` subordinates (the first
    subordinate is the employee persona; 0 takes Agus off the list)."""
    team = make_team_360(personas, peers=peers, cycle=cycle, state=state)
    if subordinates == 0:
        for review in team.subordinate_reviews:
            review.delete()
        team.subordinate_reviews.clear()
    elif subordinates > 1:
        add_raters(team, RelationChoice.SUBORDINATE, subordinates - 1)
    return team


def json_figures(data: object, relation: str) -> list[dict[str, object]]:
    """Every object in an API answer (at any depth) that is a figure of `relation` (has a
    "relation" key equal to it): what the anonymity tests inspect whatever the nesting."""
    found: list[dict[str, object]] = []
    if isinstance(data, dict):
        if data.get("relation") == relation:
            found.append(data)
        for item in data.values():
            found.extend(json_figures(item, relation))
    elif isinstance(data, list):
        for item in data:
            found.extend(json_figures(item, relation))
    return found


def xlsx_text(content: bytes) -> str:
    """Every cell of every sheet of an XLSX file, as one text (for "is it in there" tests)."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    return " | ".join(cells)
