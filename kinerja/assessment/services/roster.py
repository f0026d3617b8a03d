"""Who rates whom: lists proposed from the chain of command, peers nominated by the employee,
approved or changed by the appraiser; joiners and leavers handled by `cycle_roster_sync`."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, is_hr_admin, refuse
from kinerja.assessment.models import (
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewCycle,
    ReviewerList,
)
from kinerja.assessment.proposal import PostInfo, propose_raters
from kinerja.assessment.services.common import (
    LEFT_REASON,
    notify_entries,
    request_title,
    require_not_closed,
    sheets_delete,
)
from kinerja.audit.services import audit_record
from kinerja.core.jobs import Progress, job_create, job_start, progress_ignore
from kinerja.core.models import Job
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import (
    Entry,
)
from kinerja.organization.models import Position
from kinerja.people.chain import Holder, Holding, PositionNode, chain_of_command
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee, EmployeeStatus

SYNC_KIND = "assessment.roster_sync"
NOT_SYNCER = (
    "Hanya Admin BKPSDM (semua putaran) dan Admin OPD (putaran perangkat daerahnya) yang dapat "
    "menyinkronkan daftar penilai 360."
)


@dataclass(frozen=True)
class RosterReport:
    lists_created: int = 0
    reviews_created: int = 0
    reviews_withdrawn: int = 0
    lists_left: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "lists_created": self.lists_created,
            "reviews_created": self.reviews_created,
            "reviews_withdrawn": self.reviews_withdrawn,
            "lists_left": self.lists_left,
        }


def sync_refusal(actor: Actor, cycle: ReviewCycle) -> str | None:
    """Why the actor may not sync the round's lists; None when they may (the system may)."""
    if actor is None or is_hr_admin(actor):
        return None
    if cycle.agency_id is not None and can_manage_agency(actor, cycle.agency_id):
        return None
    return NOT_SYNCER


# --- the roster -------------------------------------------------------------------------------


@dataclass
class _Org:
    """Positions and holdings of the round's scope on one day, loaded in a few queries."""

    nodes: dict[int, dict[int, PositionNode]]  # agency id -> position id -> node
    posts: dict[int, PostInfo]
    agency_of: dict[int, int]
    holdings: dict[int, list[Holding]]  # agency id -> holdings of its posts
    primary: dict[int, Holding]  # employee id -> primary holding
    names: dict[int, str]
    users: dict[int, int | None]


def _load(cycle: ReviewCycle, day: date) -> _Org:
    positions = Position.objects.all()
    if cycle.agency_id is not None:
        positions = positions.filter(agency_id=cycle.agency_id)
    nodes: dict[int, dict[int, PositionNode]] = defaultdict(dict)
    posts: dict[int, PostInfo] = {}
    agency_of: dict[int, int] = {}
    for pk, sup, kind, head, unit_id, level, agency_id in positions.values_list(
        "id", "supervisor_id", "kind", "is_head_of_agency", "unit_id", "level", "agency_id"
    ):
        nodes[agency_id][pk] = PositionNode(pk, sup, kind, head)
        posts[pk] = PostInfo(unit_id, kind, level)
        agency_of[pk] = agency_id
    assignments = Assignment.objects.filter(covering(day))
    if cycle.agency_id is not None:
        assignments = assignments.filter(position__agency_id=cycle.agency_id)
    rows = [
        Holding(*row)
        for row in assignments.values_list(
            "employee_id", "position_id", "start_date", "end_date", "is_acting"
        )
    ]
    holdings: dict[int, list[Holding]] = defaultdict(list)
    primary: dict[int, Holding] = {}
    for h in sorted(rows, key=lambda h: (h.is_acting, h.start, h.employee_id, h.position_id)):
        holdings[agency_of[h.position_id]].append(h)
        primary.setdefault(h.employee_id, h)
    people = Employee.objects.filter(pk__in=assignments.values("employee_id")).values_list(
        "pk", "name", "status", "user_id"
    )
    names: dict[int, str] = {}
    users: dict[int, int | None] = {}
    for pk, name, status, user_id in people:
        if status == EmployeeStatus.ACTIVE:
            names[pk] = name
            users[pk] = user_id
    active_primary = {pk: h for pk, h in primary.items() if pk in names}
    return _Org(nodes, posts, agency_of, holdings, active_primary, names, users)


def cycle_roster_sync(
    *,
    actor: Actor,
    cycle: ReviewCycle,
    day: date | None = None,
    progress: Progress = progress_ignore,
) -> RosterReport:
    """Bring the round's lists up to date on `day` (default today), idempotently:

    - every employee holding a post in scope without a list gets one, proposed from the chain
      of command (`proposal.propose_raters`): self, supervisor (none when the Wali Kota rates),
      3-5 peers of the same unit and level, all direct subordinates;
    - in Pengisian, reviews for people who joined (a new ratee's raters) have source JOINED;
    - a rater who no longer holds a post in scope and has not sent answers is withdrawn
      (sent answers stay: the group never shrinks after answers were given);
    - an employee who left gets `left_on`; their list stays (answers already given stay).

    Refused: not BKPSDM / Admin OPD of the agency; round Selesai. Audit `review_cycle.synced`
    with the counts."""
    refuse(sync_refusal(actor, cycle))
    day = day or today()
    with transaction.atomic():
        cycle = ReviewCycle.objects.select_for_update().get(pk=cycle.pk)
        require_not_closed(cycle)
        progress(5, "Membaca jabatan dan pemegangnya…")
        org = _load(cycle, day)
        in_scope = set(org.primary)
        lists = dict(
            ReviewerList.objects.filter(cycle_id=cycle.pk).values_list("employee_id", "pk")
        )
        active = list(
            BehaviorReview.objects.filter(
                reviewer_list__cycle_id=cycle.pk, withdrawn_on__isnull=True
            ).values_list("pk", "rater_id", "relation", "submitted_on")
        )
        load: Counter[int] = Counter(
            rater for _, rater, relation, _ in active if relation == RelationChoice.PEER
        )
        # New lists, per agency, in the order of names (the load spreads the same way each run).
        source = (
            BehaviorReview.Source.JOINED
            if cycle.state == CycleState.OPEN
            else BehaviorReview.Source.PROPOSED
        )
        new_lists: list[ReviewerList] = []
        proposed: list[list[tuple[int, str]]] = []
        missing = sorted(
            (pk for pk in in_scope if pk not in lists), key=lambda pk: (org.names[pk], pk)
        )
        for number, employee_id in enumerate(missing, start=1):
            held = org.primary[employee_id]
            agency_id = org.agency_of[held.position_id]
            chain = chain_of_command(
                employee_id=employee_id,
                day=day,
                positions=org.nodes[agency_id],
                holdings=org.holdings[agency_id],
            )
            raters = [
                r
                for r in propose_raters(chain, posts=org.posts, names=org.names, load=load)
                if r.rater_id in in_scope
            ]
            for r in raters:
                if r.relation == RelationChoice.PEER:
                    load[r.rater_id] += 1
            appraiser = chain.appraiser
            new_lists.append(
                ReviewerList(
                    cycle_id=cycle.pk,
                    employee_id=employee_id,
                    agency_id=agency_id,
                    unit_id=org.posts[held.position_id].unit_id,
                    appraiser_id=appraiser.employee_id if isinstance(appraiser, Holder) else None,
                )
            )
            proposed.append([(r.rater_id, r.relation) for r in raters])
            if number % 500 == 0:
                progress.count(number, len(missing), "daftar penilai disusun", start=10, end=80)
        created = ReviewerList.objects.bulk_create(new_lists, batch_size=1000)
        reviews = [
            BehaviorReview(reviewer_list_id=made.pk, rater_id=rater, relation=relation,
                           source=source)
            for made, raters in zip(created, proposed, strict=True)
            for rater, relation in raters
        ]  # fmt: skip
        BehaviorReview.objects.bulk_create(reviews, batch_size=2000)
        progress(85, "Memeriksa pegawai yang keluar…")
        # Leavers: a rated employee who left keeps the list with `left_on`; one who came back
        # loses it. A rater who left and had not sent is withdrawn with their draft.
        left = (
            ReviewerList.objects.filter(cycle_id=cycle.pk, left_on__isnull=True)
            .exclude(employee_id__in=in_scope)
            .update(left_on=day)
        )
        ReviewerList.objects.filter(
            cycle_id=cycle.pk, left_on__isnull=False, employee_id__in=in_scope
        ).update(left_on=None)
        gone = [pk for pk, rater, _, sent in active if rater not in in_scope and sent is None]
        sheets_delete(gone)
        BehaviorReview.objects.filter(pk__in=gone).update(
            withdrawn_on=day, withdrawn_reason=LEFT_REASON
        )
        _sync_notify(cycle, created, reviews, org)
        report = RosterReport(
            lists_created=len(created),
            reviews_created=len(reviews),
            reviews_withdrawn=len(gone),
            lists_left=left,
        )
        audit_record(
            actor=actor,
            action="review_cycle.synced",
            obj=cycle,
            after={"day": day, **report.as_dict()},
        )
    progress(99, "Daftar penilai diperbarui.")
    return report


def _sync_notify(
    cycle: ReviewCycle,
    created: list[ReviewerList],
    reviews: list[BehaviorReview],
    org: _Org,
) -> None:
    entries: list[Entry] = []
    if cycle.state == CycleState.DRAFT:
        for made in created:
            user_id = org.users.get(made.employee_id)
            if user_id is not None:
                entries.append(
                    Entry(
                        recipient_id=user_id,
                        kind=NotificationKind.REVIEW_LIST_PREPARED,
                        title="Nominasikan rekan penilai",
                        text=f"Daftar penilai Anda untuk {cycle.name} sudah disusun.",
                        url=reverse("assessment:list_detail", args=[cycle.pk, made.employee_id]),
                        key=f"assessment:prepared:{cycle.pk}",
                    )
                )
    elif cycle.state == CycleState.OPEN:
        per_rater = Counter(review.rater_id for review in reviews)
        for rater, count in sorted(per_rater.items()):
            user_id = org.users.get(rater)
            if user_id is not None:
                entries.append(
                    Entry(
                        recipient_id=user_id,
                        kind=NotificationKind.REVIEW_REQUESTED,
                        title=request_title(count, cycle),
                        url=reverse("assessment:index"),
                    )
                )
    notify_entries(entries)


def cycle_roster_sync_start(*, actor: Actor, cycle: ReviewCycle) -> Job:
    """Authorise and enqueue `cycle_roster_sync` as a job (a city round has thousands of
    lists); returns the Job the page follows."""
    refuse(sync_refusal(actor, cycle))
    require_not_closed(cycle)
    job = job_create(
        owner=actor,
        kind=SYNC_KIND,
        title=f"Sinkron daftar penilai {cycle.name}",
        result={"cycle_id": cycle.pk},
    )
    from kinerja.assessment.tasks import cycle_roster_sync_task

    return job_start(
        job=job,
        task=cycle_roster_sync_task,
        actor_id=actor.pk if actor else None,
        cycle_id=cycle.pk,
    )


# --- one list ---------------------------------------------------------------------------------
