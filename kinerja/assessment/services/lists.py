"""Changing one employee's list of raters: the employee nominates peers, the appraiser (or an
admin) approves or changes the list, adds or withdraws one rater."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.assessment.models import (
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewCycle,
    ReviewerList,
)
from kinerja.assessment.permissions import can_change_list, is_list_owner
from kinerja.assessment.rules import MAX_PEERS
from kinerja.assessment.services.common import (
    REASON_MAX,
    request_title,
    require_not_closed,
    sheets_delete,
)
from kinerja.assessment.services.peers import rater_errors
from kinerja.audit.services import audit_record
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import (
    notify,
)
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.scoring.formatting import format_date_id

NOT_CHANGER = (
    "Hanya pejabat penilai pegawai ini, Admin OPD perangkat daerahnya dan Admin BKPSDM yang dapat "
    "mengubah daftar penilai 360."
)


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
    sheets_delete(r.pk for r in reviews)
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
        title=request_title(1, cycle),
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
        require_not_closed(cycle, "peers")
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
        require_not_closed(cycle, "rater")
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
        require_not_closed(review.reviewer_list.cycle, "reason")
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
