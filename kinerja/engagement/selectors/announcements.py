"""Reading announcements: who is in an announcement's audience (one rule, asked from both
sides), what one user is shown (list, detail, home notice, API) and the read rates per agency.

The audience rule, for a published announcement (`published_at` <= now, `expires_on` today or
later or none), active users only:
- CITY: every active user;
- AGENCY: users whose employee's home agency (stored `Employee.home_agency`, see
  `people.holdings.employee_homes_refresh`) is the agency, and accounts scoped to it
  (`user.agency_id`, Admin OPD);
- UNIT: employees holding today a post in the unit or one of its sub-units (`UNIT_DEPTH`
  levels down);
- ROLE: users whose `roles.audience_roles_of` includes the role.
`visible_q(actor)` says it from the reader's side (a filter on announcements),
`audience_users(announcement)` from the announcement's side (a filter on users); the tests hold
them to the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from kinerja.accounts import permissions as account_permissions
from kinerja.accounts.actors import Actor
from kinerja.engagement.models import Announcement, AnnouncementRead, Audience, AudienceRole
from kinerja.engagement.permissions import can_manage_announcements, can_read_rates
from kinerja.engagement.roles import STORED_ROLES, audience_roles_of
from kinerja.organization.models import Agency, Position
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee

UNIT_DEPTH = 6
"""How many levels of sub-units a UNIT announcement reaches (the unit itself counts as one);
Surakarta's deepest structure is Dinas → Bidang → Seksi."""


def _in_unit_subtree(prefix: str, unit: Any) -> Q:
    """The post (reached by `prefix`) sits in `unit` or below it."""
    query = Q(**{f"{prefix}unit_id": unit})
    path = f"{prefix}unit__"
    for _ in range(UNIT_DEPTH - 1):
        query |= Q(**{f"{path}parent_id": unit})
        path += "parent__"
    return query


def live_q() -> Q:
    """Published, already shown and not expired."""
    return (
        Q(published_at__isnull=False, published_at__lte=timezone.now())
        & (Q(expires_on__isnull=True) | Q(expires_on__gte=today()))
    )  # fmt: skip


def _home_agency_of_user(user_ref: Any) -> Subquery:
    return Subquery(Employee.objects.filter(user_id=user_ref).values("home_agency_id")[:1])


def visible_q(actor: Actor) -> Q:
    """The announcements addressed to `actor` (from the reader's side). One query at most to
    find the actor's roles (none for an account without an employee)."""
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return Q(pk__in=[])
    agency = Q(agency_id=_home_agency_of_user(actor.pk))
    if actor.agency_id is not None:
        agency |= Q(agency_id=actor.agency_id)
    unit = Exists(
        Assignment.objects.filter(covering(today()), employee__user_id=actor.pk).filter(
            _in_unit_subtree("position__", OuterRef("unit_id"))
        )
    )
    roles = [str(role) for role in audience_roles_of(actor)]
    audience = (
        Q(audience=Audience.CITY)
        | (Q(audience=Audience.AGENCY) & agency)
        | (Q(audience=Audience.UNIT) & unit)
        | Q(audience=Audience.ROLE, role__in=roles)
    )
    return live_q() & audience


def audience_users(announcement: Announcement) -> QuerySet[Any]:
    """The active users an announcement is addressed to (from the announcement's side)."""
    users = get_user_model().objects.filter(is_active=True)
    day = today()
    if announcement.audience == Audience.AGENCY:
        home = Employee.objects.filter(user_id=OuterRef("pk"))
        return users.filter(
            Q(agency_id=announcement.agency_id)
            | Exists(home.filter(home_agency_id=announcement.agency_id))
        )
    if announcement.audience == Audience.UNIT:
        held = Assignment.objects.filter(covering(day), employee__user_id=OuterRef("pk"))
        return users.filter(
            Exists(held.filter(_in_unit_subtree("position__", announcement.unit_id)))
        )
    if announcement.audience == Audience.ROLE:
        stored = STORED_ROLES.get(AudienceRole(announcement.role))
        if stored is not None:
            return users.filter(role=stored)
        employee = Employee.objects.filter(user_id=OuterRef("pk"))
        if announcement.role == AudienceRole.PEGAWAI:
            return users.filter(Exists(employee))
        supervising = Position.objects.filter(supervisor_id__isnull=False).values("supervisor_id")
        return users.filter(
            Exists(
                Assignment.objects.filter(
                    covering(day), employee__user_id=OuterRef("pk"), position_id__in=supervising
                )
            )
        )
    return users


# --- one announcement, the lists ------------------------------------------------------------


def _is_read(actor: Actor) -> Exists:
    pk = actor.pk if actor is not None else 0
    return Exists(AnnouncementRead.objects.filter(announcement=OuterRef("pk"), user_id=pk))


def announcement_list_for_actor(*, actor: Actor) -> QuerySet[Announcement]:
    """Everything addressed to me, newest first, each with `is_read` (one query)."""
    return (
        Announcement.objects.filter(visible_q(actor))
        .annotate(is_read=_is_read(actor))
        .order_by("-published_at", "-pk")
    )


def announcement_unread_for_actor(*, actor: Actor, limit: int = 3) -> list[Announcement]:
    """At most `limit` unread announcements addressed to me, important first, each with
    `unread_total` (how many there are in all): one query."""
    return list(
        Announcement.objects.filter(visible_q(actor))
        .exclude(_is_read(actor))
        .annotate(unread_total=Window(Count("pk")))
        .order_by("-is_important", "-published_at", "-pk")[:limit]
    )


def announcement_unread_count(*, actor: Actor) -> int:
    return Announcement.objects.filter(visible_q(actor)).exclude(_is_read(actor)).count()


def _manage_q(actor: Actor) -> Q | None:
    """The announcements an admin manages: BKPSDM all, Admin OPD their agency's; None for
    everyone else."""
    if account_permissions.is_hr_admin(actor):
        return Q(pk__isnull=False)  # not Q(): an empty Q vanishes when OR-ed
    if account_permissions.is_agency_admin(actor):
        return Q(agency_id=actor.agency_id) if actor is not None else None
    return None


def announcement_get_for_actor(*, actor: Actor, announcement_id: int) -> Announcement:
    """An announcement addressed to me, or one I manage (a draft too); 404 otherwise."""
    query = visible_q(actor)
    manage = _manage_q(actor)
    if manage is not None:
        query |= manage
    found = (
        Announcement.objects.filter(query)
        .filter(pk=announcement_id)
        .annotate(is_read=_is_read(actor))
        .select_related("agency", "unit", "author")
        .first()
    )
    if found is None:
        raise Http404
    return found


def announcement_may_manage(actor: Actor, announcement: Announcement) -> bool:
    manage = _manage_q(actor)
    if manage is None:
        return False
    return account_permissions.is_hr_admin(actor) or announcement.agency_id == getattr(
        actor, "agency_id", None
    )


def announcement_manage_list_for_actor(*, actor: Actor) -> QuerySet[Announcement]:
    """The manage page: BKPSDM all, Admin OPD their agency's; 403 for others."""
    manage = _manage_q(actor)
    account_permissions.require(
        manage is not None and can_manage_announcements(actor),
        "Hanya Admin BKPSDM dan Admin OPD yang mengelola pengumuman.",
    )
    assert manage is not None
    return (
        Announcement.objects.filter(manage)
        .select_related("agency", "unit")
        .annotate(read_count=Count("reads"))
        .order_by(F("published_at").desc(nulls_first=True), "-pk")
    )


def audience_words(announcement: Announcement) -> str:
    """The audience in words ("Dinas Kependudukan …", "Peran: Atasan / pejabat penilai")."""
    if announcement.audience == Audience.AGENCY and announcement.agency is not None:
        return announcement.agency.name
    if announcement.audience == Audience.UNIT and announcement.unit is not None:
        agency = announcement.agency.name if announcement.agency is not None else ""
        return f"{announcement.unit.name} ({agency})" if agency else announcement.unit.name
    if announcement.audience == Audience.ROLE:
        return f"Peran {announcement.get_role_display()}"
    return str(Audience.CITY.label)


# --- read rates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    agency_id: int | None
    agency_name: str
    audience: int
    read: int

    @property
    def rate(self) -> Decimal:
        """Share read, 0..1 (0 for an empty audience)."""
        return Decimal(self.read) / Decimal(self.audience) if self.audience else Decimal(0)


@dataclass(frozen=True)
class ReadRates:
    rows: list[RateRow]
    total: RateRow


NO_AGENCY = "Tanpa perangkat daerah"


def read_rates_for_actor(*, actor: Actor, announcement: Announcement) -> ReadRates:
    """Audience size and read count per agency, lowest rate first, and the total: one GROUP BY
    query and one for the agency names. BKPSDM and Pimpinan see every agency; an Admin OPD
    their own agency's row only; 403 for others."""
    scope = account_permissions.managed_agency_id(actor)
    account_permissions.require(
        can_read_rates(actor, scope),
        "Tingkat baca pengumuman hanya dapat dilihat Admin BKPSDM, Pimpinan dan Admin OPD.",
    )
    read = Exists(
        AnnouncementRead.objects.filter(announcement=announcement, user_id=OuterRef("pk"))
    )
    users = audience_users(announcement)
    counts: list[tuple[int | None, int, int]]
    if announcement.audience in (Audience.AGENCY, Audience.UNIT):
        # everyone addressed belongs to the announcement's agency: one aggregate
        if scope is not None and scope != announcement.agency_id:
            counts = []
        else:
            figures = users.aggregate(size=Count("pk"), done=Count("pk", filter=Q(read)))
            counts = [(announcement.agency_id, figures["size"], figures["done"])]
    else:
        users = users.annotate(
            group_id=Coalesce(
                _home_agency_of_user(OuterRef("pk")), F("agency_id"), output_field=IntegerField()
            )
        )
        if scope is not None:
            users = users.filter(group_id=scope)
        counts = list(
            users.values("group_id")
            .annotate(size=Count("pk"), done=Count("pk", filter=Q(read)))
            .order_by()
            .values_list("group_id", "size", "done")
        )
    names = dict(
        Agency.objects.filter(pk__in=[g for g, _, _ in counts if g is not None]).values_list(
            "pk", "name"
        )
    )
    rows = [
        RateRow(
            group_id,
            names.get(group_id, NO_AGENCY) if group_id is not None else NO_AGENCY,
            size,
            done,
        )
        for group_id, size, done in counts
    ]
    rows.sort(key=lambda row: (row.rate, row.agency_name))
    total = RateRow(
        None, "Jumlah", sum(row.audience for row in rows), sum(row.read for row in rows)
    )
    return ReadRates(rows=rows, total=total)


def read_rate_per_announcement(announcements: list[Announcement]) -> dict[int, RateRow]:
    """The manage page's rate column: audience size per announcement (one COUNT each would grow
    with the list; the audience is asked once per audience kind and target instead) and the
    read count already annotated (`read_count`)."""
    sizes: dict[tuple[Any, ...], int] = {}
    result: dict[int, RateRow] = {}
    for item in announcements:
        key = (item.audience, item.agency_id, item.unit_id, item.role)
        if key not in sizes:
            sizes[key] = audience_users(item).count()
        result[item.pk] = RateRow(None, "", sizes[key], getattr(item, "read_count", 0))
    return result
