"""Writing announcements: a draft is created and changed by BKPSDM (anyone) or an Admin OPD
(their own agency or one of its units), then published; a reader's receipt is kept once."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinerja.accounts import permissions as account_permissions
from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.engagement.models import Announcement, AnnouncementRead, Audience, AudienceRole
from kinerja.engagement.permissions import can_announce
from kinerja.organization.models import Agency, Unit
from kinerja.people.holdings import today
from kinerja.scoring.formatting import format_date_id

TITLE_MAX = 150
NOT_ANNOUNCER = "Pengumuman hanya dibuat oleh Admin BKPSDM atau Admin OPD."
AGENCY_ADMIN_SCOPE = (
    "Admin OPD hanya dapat mengumumkan kepada perangkat daerahnya sendiri atau salah satu unit "
    "kerjanya; pengumuman untuk seluruh Pemerintah Kota atau satu peran dibuat oleh Admin BKPSDM."
)


def announcement_snapshot(announcement: Announcement) -> dict[str, Any]:
    return {
        "title": announcement.title,
        "body": announcement.body,
        "audience": announcement.audience,
        "agency_id": announcement.agency_id,
        "unit_id": announcement.unit_id,
        "role": announcement.role,
        "is_important": announcement.is_important,
        "expires_on": announcement.expires_on.isoformat() if announcement.expires_on else None,
        "published_at": (
            announcement.published_at.isoformat() if announcement.published_at else None
        ),
    }


def _fields_check(
    *,
    title: str,
    body: str,
    audience: str,
    agency: Agency | None,
    unit: Unit | None,
    role: str,
    expires_on: date | None,
) -> dict[str, Any]:
    """The cleaned fields, or ValidationError naming each bad one."""
    errors: dict[str, list[str]] = {}
    title = (title or "").strip()
    body = (body or "").strip()
    if not title:
        errors["title"] = ["Judul wajib diisi (1 sampai 150 karakter)."]
    elif len(title) > TITLE_MAX:
        errors["title"] = [
            f"Judul berisi {len(title)} karakter; paling banyak {TITLE_MAX} karakter."
        ]
    if not body:
        errors["body"] = ["Isi pengumuman wajib diisi (Markdown)."]
    if audience not in Audience.values:
        errors["audience"] = [
            f"Sasaran {audience!r} tidak dikenal; pilih CITY (seluruh Pemerintah Kota), AGENCY "
            "(satu perangkat daerah), UNIT (satu unit kerja) atau ROLE (satu peran)."
        ]
    if audience == Audience.UNIT:
        if unit is None:
            errors["unit"] = ["Pengumuman untuk satu unit kerja harus menyebut unit kerjanya."]
        else:
            agency = unit.agency
    elif audience == Audience.AGENCY and agency is None:
        errors["agency"] = [
            "Pengumuman untuk satu perangkat daerah harus menyebut perangkat daerahnya."
        ]
    if audience == Audience.ROLE and role not in AudienceRole.values:
        errors["role"] = [
            f"Peran {role!r} tidak dikenal; pilih salah satu: "
            + ", ".join(str(label) for label in AudienceRole.labels)
            + "."
        ]
    if expires_on is not None and expires_on < today():
        errors["expires_on"] = [
            f"Tanggal berlaku sampai {format_date_id(expires_on)} sudah lewat; pilih hari ini "
            "atau tanggal sesudahnya, atau kosongkan."
        ]
    if errors:
        raise ValidationError(errors)
    keep_agency = audience in (Audience.AGENCY, Audience.UNIT)
    return {
        "title": title,
        "body": body,
        "audience": audience,
        "agency": agency if keep_agency else None,
        "unit": unit if audience == Audience.UNIT else None,
        "role": role if audience == Audience.ROLE else "",
        "expires_on": expires_on,
    }


def _right_check(actor: Actor, *, audience: str, agency: Agency | None, unit: Unit | None) -> None:
    if not account_permissions.is_hr_admin(actor) and not account_permissions.is_agency_admin(
        actor
    ):
        raise PermissionDenied(NOT_ANNOUNCER)
    if audience in (Audience.CITY, Audience.ROLE):
        if not can_announce(actor, None):
            raise PermissionDenied(AGENCY_ADMIN_SCOPE)
        return
    agency_id = unit.agency_id if unit is not None else (agency.pk if agency else None)
    if agency_id is not None and not can_announce(actor, agency_id):
        raise PermissionDenied(AGENCY_ADMIN_SCOPE)


def announcement_create(
    *,
    actor: Actor,
    title: str,
    body: str,
    audience: str,
    agency: Agency | None = None,
    unit: Unit | None = None,
    role: str = "",
    is_important: bool = False,
    expires_on: date | None = None,
) -> Announcement:
    """A draft announcement [announcement.created]. Refused: 403 for anyone but BKPSDM and
    Admin OPD, and for an Admin OPD outside their agency or to the city or a role; `title`
    empty or over 150 characters, `body` empty, `audience` unknown, `agency`/`unit`/`role`
    missing for their audience, `expires_on` in the past."""
    _right_check(actor, audience=audience, agency=agency, unit=unit)
    fields = _fields_check(
        title=title, body=body, audience=audience, agency=agency, unit=unit, role=role,
        expires_on=expires_on,
    )  # fmt: skip
    _right_check(actor, audience=audience, agency=fields["agency"], unit=fields["unit"])
    with transaction.atomic():
        announcement = Announcement.objects.create(
            **fields, is_important=is_important, author=actor
        )
        audit_record(
            actor=actor,
            action="announcement.created",
            obj=announcement,
            after=announcement_snapshot(announcement),
        )
    return announcement


def announcement_update(
    *,
    actor: Actor,
    announcement: Announcement,
    title: str,
    body: str,
    audience: str,
    agency: Agency | None = None,
    unit: Unit | None = None,
    role: str = "",
    is_important: bool = False,
    expires_on: date | None = None,
) -> Announcement:
    """Change a draft or a published announcement [announcement.updated, with the changed
    fields only]. The same refusals as `announcement_create`, for the announcement as it is and
    as it becomes (an Admin OPD cannot take over another agency's announcement)."""
    _right_check(
        actor, audience=announcement.audience, agency=announcement.agency, unit=announcement.unit
    )
    _right_check(actor, audience=audience, agency=agency, unit=unit)
    fields = _fields_check(
        title=title, body=body, audience=audience, agency=agency, unit=unit, role=role,
        expires_on=expires_on,
    )  # fmt: skip
    _right_check(actor, audience=audience, agency=fields["agency"], unit=fields["unit"])
    with transaction.atomic():
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        before = announcement_snapshot(locked)
        for name, value in {**fields, "is_important": is_important}.items():
            setattr(locked, name, value)
        locked.save()
        after = announcement_snapshot(locked)
        changed = [key for key in after if after[key] != before[key]]
        if changed:
            audit_record(
                actor=actor,
                action="announcement.updated",
                obj=locked,
                before={key: before[key] for key in changed},
                after={key: after[key] for key in changed},
            )
    return locked


def announcement_publish(*, actor: Actor, announcement: Announcement) -> Announcement:
    """Publish a draft now [announcement.published]. Refused: the same rights as creating it;
    `state` when it is already published."""
    _right_check(
        actor, audience=announcement.audience, agency=announcement.agency, unit=announcement.unit
    )
    with transaction.atomic():
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if locked.published_at is not None:
            raise ValidationError(
                {
                    "state": [
                        "Pengumuman ini sudah diterbitkan pada "
                        f"{format_date_id(timezone.localtime(locked.published_at).date())}; "
                        "pengumuman diterbitkan sekali."
                    ]
                }
            )
        before = announcement_snapshot(locked)
        locked.published_at = timezone.now()
        locked.save(update_fields=["published_at", "updated_at"])
        audit_record(
            actor=actor,
            action="announcement.published",
            obj=locked,
            before={"published_at": before["published_at"]},
            after={"published_at": announcement_snapshot(locked)["published_at"]},
        )
    return locked


def announcement_mark_read(*, actor: Actor, announcement: Announcement) -> bool:
    """Keep the reader's receipt, once (not audited: the receipt is the record). The caller has
    already fetched the announcement through `announcement_get_for_actor`. Returns True when
    the receipt is new."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Tanda baca hanya dicatat untuk pengguna yang masuk.")
    if announcement.published_at is None:
        return False
    if getattr(announcement, "is_read", False):
        return False
    try:
        with transaction.atomic():
            _, created = AnnouncementRead.objects.get_or_create(
                announcement=announcement, user=actor
            )
    except IntegrityError:  # a second tab read it at the same moment
        return False
    return created
