"""Who rates whom: lists proposed from the chain of command, peers nominated by the employee,
approved or changed by the appraiser; joiners and leavers handled by `cycle_roster_sync`."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, is_hr_admin, refuse, require
from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewCycle,
    ReviewerList,
)
from kinerja.assessment.permissions import can_change_list, is_list_owner
from kinerja.assessment.proposal import PostInfo, propose_raters
from kinerja.assessment.rules import MAX_PEERS
from kinerja.assessment.services.peers import rater_errors
from kinerja.audit.services import audit_record
from kinerja.core.jobs import Progress, job_create, job_start, progress_ignore
from kinerja.core.models import Job
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import (
    Entry,
    email_queue_on_commit,
    notifications_write,
    notify,
)
from kinerja.organization.models import Position
from kinerja.people.chain import Holder, Holding, PositionNode, chain_of_command
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee, EmployeeStatus
from kinerja.scoring.formatting import format_date_id

SYNC_KIND = "assessment.roster_sync"
NOT_SYNCER = (
    "Hanya Admin BKPSDM (semua putaran) dan Admin OPD (putaran perangkat daerahnya) yang dapat "
    "menyinkronkan daftar penilai 360."
)
NOT_CHANGER = (
    "Hanya pejabat penilai pegawai ini, Admin OPD perangkat daerahnya dan Admin BKPSDM yang dapat "
    "mengubah daftar penilai 360."
)
LEFT_REASON = "Tidak lagi memegang jabatan di lingkup putaran."
REASON_MAX = 300


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


# --- shared helpers ---------------------------------------------------------------------------


def _notify(entries: list[Entry]) -> None:
    _, emails = notifications_write(entries)
    if emails:
        email_queue_on_commit()


def _delete_sheets(review_ids: Iterable[int]) -> int:
    keys = [sheet_key(pk) for pk in review_ids]
    if not keys:
        return 0
    deleted, _ = AnswerSheet.objects.filter(key__in=keys).delete()
    return deleted


def _request_title(count: int, cycle: ReviewCycle) -> str:
    return f"Isi umpan balik 360 untuk {count} pegawai sampai {format_date_id(cycle.due_date)}"


def sync_refusal(actor: Actor, cycle: ReviewCycle) -> str | None:
    """Why the actor may not sync the round's lists; None when they may (the system may)."""
    if actor is None or is_hr_admin(actor):
        return None
    if cycle.agency_id is not None and can_manage_agency(actor, cycle.agency_id):
        return None
    return NOT_SYNCER


def _closed_refusal(cycle: ReviewCycle, field: str = "state") -> None:
    if cycle.state == CycleState.CLOSED:
        raise ValidationError(
            {field: ["Putaran umpan balik 360 ini sudah selesai; daftar penilai tidak dapat "
                     "diubah lagi."]}
        )  # fmt: skip


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
        _closed_refusal(cycle)
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
        _delete_sheets(gone)
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
                        title=_request_title(count, cycle),
                        url=reverse("assessment:index"),
                    )
                )
    _notify(entries)


def cycle_roster_sync_start(*, actor: Actor, cycle: ReviewCycle) -> Job:
    """Authorise and enqueue `cycle_roster_sync` as a job (a city round has thousands of
    lists); returns the Job the page follows."""
    refuse(sync_refusal(actor, cycle))
    _closed_refusal(cycle)
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


def _peers(reviewer_list: ReviewerList) -> dict[int, BehaviorReview]:
    return {
        r.rater_id: r
        for r in BehaviorReview.objects.filter(
            reviewer_list_id=reviewer_list.pk,
            relation=RelationChoice.PEER,
            withdrawn_on__isnull=True,
        )
    }


def _others(reviewer_list: ReviewerList) -> dict[int, BehaviorReview]:
    """Active reviews of other relations, by rater."""
    return {
        r.rater_id: r
        for r in BehaviorReview.objects.filter(
            reviewer_list_id=reviewer_list.pk, withdrawn_on__isnull=True
        )
        .exclude(relation=RelationChoice.PEER)
        .select_related("rater")
    }


def _validate_peers(reviewer_list: ReviewerList, peer_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(int(pk) for pk in peer_ids))
    errors = rater_errors(
        reviewer_list=reviewer_list, rater_ids=ids, relation=RelationChoice.PEER, day=today()
    )
    others = _others(reviewer_list)
    clash = [
        f"{others[pk].rater.name} sudah ada di daftar sebagai "
        f"{others[pk].get_relation_display()}; satu orang menilai dengan satu hubungan saja."
        for pk in ids
        if pk in others and pk != reviewer_list.employee_id
    ]
    if clash:
        errors.setdefault("peers", []).extend(clash)
    if errors:
        raise ValidationError(errors)
    return ids


def _withdraw_rows(reviews: Iterable[BehaviorReview], reason: str, day: date) -> None:
    reviews = list(reviews)
    _delete_sheets(r.pk for r in reviews)
    BehaviorReview.objects.filter(pk__in=[r.pk for r in reviews]).update(
        withdrawn_on=day, withdrawn_reason=reason[:REASON_MAX], submitted_on=None
    )


def _replace_peers(
    reviewer_list: ReviewerList, cycle: ReviewCycle, ids: list[int], source: str, reason: str
) -> list[BehaviorReview]:
    """Make the active peers exactly `ids`; returns the reviews added."""
    current = _peers(reviewer_list)
    gone = [review for pk, review in current.items() if pk not in ids]
    if cycle.state == CycleState.DRAFT:
        BehaviorReview.objects.filter(pk__in=[r.pk for r in gone]).delete()
    else:
        _withdraw_rows(gone, reason or "Diganti pejabat penilai.", today())
    fresh = [pk for pk in ids if pk not in current]
    existing = {
        r.rater_id: r
        for r in BehaviorReview.objects.filter(
            reviewer_list_id=reviewer_list.pk, rater_id__in=fresh
        )
    }
    added: list[BehaviorReview] = []
    for pk in fresh:
        review = existing.get(pk)
        if review is not None:  # withdrawn earlier: back on the list
            review.withdrawn_on = None
            review.withdrawn_reason = ""
            review.relation = RelationChoice.PEER
            review.source = source
            review.save(update_fields=["withdrawn_on", "withdrawn_reason", "relation", "source",
                                       "updated_at"])  # fmt: skip
        else:
            review = BehaviorReview.objects.create(
                reviewer_list=reviewer_list, rater_id=pk, relation=RelationChoice.PEER,
                source=source,
            )  # fmt: skip
        added.append(review)
    return added


def _notify_added(cycle: ReviewCycle, reviews: Iterable[BehaviorReview]) -> None:
    if cycle.state != CycleState.OPEN:
        return
    users = dict(
        Employee.objects.filter(pk__in=[r.rater_id for r in reviews]).values_list("pk", "user_id")
    )
    notify(
        recipient_ids=users.values(),
        kind=NotificationKind.REVIEW_REQUESTED,
        title=_request_title(1, cycle),
        url=reverse("assessment:index"),
    )


def _lock_list(reviewer_list: ReviewerList) -> ReviewerList:
    return (
        ReviewerList.objects.select_for_update(of=("self",))
        .select_related("cycle", "agency")
        .get(pk=reviewer_list.pk)
    )


def reviewer_nominate(
    *, actor: Actor, reviewer_list: ReviewerList, peer_ids: Sequence[int]
) -> ReviewerList:
    """The employee names the peers they would like (at most `rules.MAX_PEERS`), replacing the
    proposed peers; the list becomes NOMINATED. Refused: not the employee; round not in
    Penyusunan; list already approved; a peer who is the employee, their supervisor, not an
    active employee of the same agency. Audit `reviewer_list.nominated`. Notifies the
    appraiser."""
    require(
        actor is not None and is_list_owner(actor, reviewer_list),
        "Hanya pegawai yang dinilai yang dapat menominasikan rekan penilainya.",
    )
    with transaction.atomic():
        reviewer_list = _lock_list(reviewer_list)
        cycle = reviewer_list.cycle
        if cycle.state != CycleState.DRAFT:
            raise ValidationError(
                {"peers": ["Nominasi rekan penilai hanya dapat diubah selama putaran dalam "
                           "Penyusunan penilai."]}
            )  # fmt: skip
        if reviewer_list.state == ReviewerList.State.APPROVED:
            raise ValidationError(
                {"peers": ["Daftar penilai Anda sudah disetujui pejabat penilai; nominasi "
                           "tidak dapat diubah lagi."]}
            )  # fmt: skip
        ids = _validate_peers(reviewer_list, peer_ids)
        before = sorted(_peers(reviewer_list))
        _replace_peers(reviewer_list, cycle, ids, BehaviorReview.Source.NOMINATED, "")
        reviewer_list.state = ReviewerList.State.NOMINATED
        reviewer_list.save(update_fields=["state", "updated_at"])
        appraiser_user = (
            Employee.objects.filter(pk=reviewer_list.appraiser_id)
            .values_list("user_id", flat=True)
            .first()
            if reviewer_list.appraiser_id
            else None
        )
        notify(
            recipient_ids=[appraiser_user],
            kind=NotificationKind.REVIEW_LIST_NOMINATED,
            title="Setujui daftar penilai 360",
            text=f"Pegawai yang Anda nilai menominasikan rekan penilai untuk {cycle.name}.",
            url=reverse("assessment:list_detail", args=[cycle.pk, reviewer_list.employee_id]),
        )
        audit_record(
            actor=actor,
            action="reviewer_list.nominated",
            obj=reviewer_list,
            before={"peers": before},
            after={"peers": sorted(ids), "state": reviewer_list.state},
        )
    return reviewer_list


def reviewer_list_approve(
    *,
    actor: Actor,
    reviewer_list: ReviewerList,
    peer_ids: Sequence[int] | None = None,
    reason: str = "",
) -> ReviewerList:
    """The appraiser (or an admin) approves the list as it stands, or with `peer_ids` replacing
    the peers (then `reason` is required when it departs from the employee's nomination).
    Refused: not allowed (`permissions.can_change_list`); round Selesai; bad peers as above.
    Audit `reviewer_list.approved` with before/after peers."""
    if actor is not None:
        require(can_change_list(actor, reviewer_list), NOT_CHANGER)
    reason = (reason or "").strip()
    with transaction.atomic():
        reviewer_list = _lock_list(reviewer_list)
        cycle = reviewer_list.cycle
        _closed_refusal(cycle, "peers")
        before = sorted(_peers(reviewer_list))
        added: list[BehaviorReview] = []
        if peer_ids is not None:
            ids = _validate_peers(reviewer_list, peer_ids)
            if set(ids) != set(before):
                if not reason:
                    raise ValidationError(
                        {"reason": ["Alasan wajib diisi bila rekan penilai diubah dari "
                                    "nominasi atau usulan."]}
                    )  # fmt: skip
                if len(reason) > REASON_MAX:
                    raise ValidationError(
                        {"reason": [f"Alasan terlalu panjang ({len(reason)} karakter); paling "
                                    f"banyak {REASON_MAX} karakter."]}
                    )  # fmt: skip
                added = _replace_peers(
                    reviewer_list, cycle, ids, BehaviorReview.Source.APPRAISER, reason
                )
        reviewer_list.state = ReviewerList.State.APPROVED
        reviewer_list.approved_by = actor
        reviewer_list.approved_at = timezone.now()
        reviewer_list.save(update_fields=["state", "approved_by", "approved_at", "updated_at"])
        _notify_added(cycle, added)
        audit_record(
            actor=actor,
            action="reviewer_list.approved",
            obj=reviewer_list,
            before={"peers": before},
            after={"peers": sorted(_peers(reviewer_list)), "reason": reason,
                   "state": reviewer_list.state},
        )  # fmt: skip
    return reviewer_list


def behavior_review_add(
    *, actor: Actor, reviewer_list: ReviewerList, rater_id: int, relation: str
) -> BehaviorReview:
    """Add one rater (e.g. a new colleague who joined mid-round). Refused as for approval; a
    rater already on the list (re-activated if withdrawn and unsent). Audit
    `behavior_review.added`. The rater is notified when the round is in Pengisian."""
    if actor is not None:
        require(can_change_list(actor, reviewer_list), NOT_CHANGER)
    with transaction.atomic():
        reviewer_list = _lock_list(reviewer_list)
        cycle = reviewer_list.cycle
        _closed_refusal(cycle, "rater")
        errors = rater_errors(
            reviewer_list=reviewer_list, rater_ids=[rater_id], relation=relation, day=today(),
            field="rater",
        )  # fmt: skip
        if relation == RelationChoice.PEER and not errors:
            count = len(_peers(reviewer_list))
            if count >= MAX_PEERS:
                errors["rater"] = [
                    f"Daftar ini sudah punya {count} rekan kerja; paling banyak "
                    f"{MAX_PEERS} rekan kerja per pegawai."
                ]
        if errors:
            raise ValidationError(errors)
        existing = (
            BehaviorReview.objects.filter(reviewer_list_id=reviewer_list.pk, rater_id=rater_id)
            .select_related("rater")
            .first()
        )
        if existing is not None and existing.withdrawn_on is None:
            raise ValidationError(
                {"rater": [f"{existing.rater.name} sudah ada di daftar sebagai "
                           f"{existing.get_relation_display()}."]}
            )  # fmt: skip
        if existing is not None:
            review = existing
            review.withdrawn_on = None
            review.withdrawn_reason = ""
            review.relation = relation
            review.source = BehaviorReview.Source.APPRAISER
            review.save(update_fields=["withdrawn_on", "withdrawn_reason", "relation", "source",
                                       "updated_at"])  # fmt: skip
        else:
            review = BehaviorReview.objects.create(
                reviewer_list=reviewer_list, rater_id=rater_id, relation=relation,
                source=BehaviorReview.Source.APPRAISER,
            )  # fmt: skip
        _notify_added(cycle, [review])
        audit_record(
            actor=actor,
            action="behavior_review.added",
            obj=review,
            after={"rater": rater_id, "relation": relation, "reviewer_list_id": reviewer_list.pk},
        )
    return review


def behavior_review_withdraw(
    *, actor: Actor, review: BehaviorReview, reason: str
) -> BehaviorReview:
    """Take a rater off a list with a reason (required). Their unsent draft is deleted (found
    through `keys.sheet_key`); sent answers are also deleted while the round is open (no result
    has been shown yet), refused once the round is Selesai. Audit `behavior_review.withdrawn`."""
    if actor is not None:
        require(can_change_list(actor, review.reviewer_list), NOT_CHANGER)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["Alasan penarikan penilai wajib diisi."]})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [f"Alasan terlalu panjang ({len(reason)} karakter); paling banyak "
                        f"{REASON_MAX} karakter."]}
        )  # fmt: skip
    with transaction.atomic():
        review = (
            BehaviorReview.objects.select_for_update(of=("self",))
            .select_related("reviewer_list__cycle", "rater")
            .get(pk=review.pk)
        )
        _closed_refusal(review.reviewer_list.cycle, "reason")
        if review.withdrawn_on is not None:
            raise ValidationError(
                {"reason": [f"{review.rater.name} sudah ditarik dari daftar pada "
                            f"{format_date_id(review.withdrawn_on)}."]}
            )  # fmt: skip
        before = {"relation": review.relation, "rater": review.rater_id}
        _withdraw_rows([review], reason, today())
        review.refresh_from_db()
        audit_record(
            actor=actor,
            action="behavior_review.withdrawn",
            obj=review,
            before=before,
            after={"reason": reason, "withdrawn_on": review.withdrawn_on},
        )
    return review
