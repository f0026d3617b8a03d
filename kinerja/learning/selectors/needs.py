"""The training-needs analysis of one agency (issue 16 item 6): the competencies most needed and
the people behind on JP this year. Counted in a few GROUP BY queries over the agency's staff
(employees holding a definitive post in the agency today), never a loop over employees:

- feedback: employees whose feedback since the period began carries a tag linked to the
  competency (`Competency.feedback_tag`);
- planned: employees with a planned-but-not-done item (PLANNED or REJECTED) of the competency in
  this period's plans (the item's competency, or else the competencies of its course);
- post: employees whose post kind needs the competency (`Competency.position_kinds`) without a
  confirmed item of it completed this year.

Who reads it: `permissions.can_read_needs` (BKPSDM any agency, the Admin OPD their own,
Pimpinan any)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    CharField,
    Count,
    DecimalField,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_hr_admin, is_leader, managed_agency_id
from kinerja.learning.models import (
    Competency,
    CompetencyKind,
    DevelopmentItem,
    DevelopmentPlan,
    ItemState,
    PlanState,
)
from kinerja.learning.permissions import can_read_needs
from kinerja.learning.rules import JP_TARGET
from kinerja.monitoring.models import FeedbackTag
from kinerja.organization.models import Agency, PositionKind
from kinerja.people.holdings import covering, today
from kinerja.people.models import Assignment, Employee, EmployeeStatus
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.selectors import period_current

NOT_NEEDS_READER = "Analisis kebutuhan pelatihan hanya untuk Admin BKPSDM, Admin OPD dan Pimpinan."
NOT_DONE = (ItemState.PLANNED, ItemState.REJECTED)
JP_FIELD: DecimalField[Decimal, Decimal] = DecimalField(max_digits=7, decimal_places=1)


# --- who reads -----------------------------------------------------------------------------


def needs_agency_list_for_actor(*, actor: Actor) -> QuerySet[Agency]:
    """The agencies whose analysis the actor reads: all for BKPSDM and Pimpinan, their own for
    an Admin OPD; 403 for anyone else."""
    if actor is None or not actor.is_active:
        raise PermissionDenied(NOT_NEEDS_READER)
    agencies = Agency.objects.order_by("kind", "name").only("id", "name", "kind")
    if is_hr_admin(actor) or is_leader(actor):
        return agencies
    scoped = managed_agency_id(actor)
    if scoped is None:
        raise PermissionDenied(NOT_NEEDS_READER)
    return agencies.filter(pk=scoped)


def needs_agency_get_for_actor(*, actor: Actor, agency_id: int) -> Agency:
    """The agency of an analysis page: 403 for a role that reads no analysis, 404 for an
    agency the actor may not read (another agency's Admin OPD) or one that does not exist."""
    if actor is None or not actor.is_active:
        raise PermissionDenied(NOT_NEEDS_READER)
    if not (is_hr_admin(actor) or is_leader(actor) or managed_agency_id(actor) is not None):
        raise PermissionDenied(NOT_NEEDS_READER)
    if not can_read_needs(actor, agency_id):
        raise Http404
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency


# --- the staff and their JP ----------------------------------------------------------------


def _posts_today(agency_id: int, day: date) -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        covering(day),
        is_acting=False,
        position__agency_id=agency_id,
        employee__status=EmployeeStatus.ACTIVE,
    )


def _staff_ids(agency_id: int, day: date) -> QuerySet[Any]:
    """A subquery: the ids of the agency's staff today."""
    return _posts_today(agency_id, day).values("employee_id")


def _post_of_employee(field: str, day: date, employee_ref: str = "pk") -> Subquery:
    return Subquery(
        Assignment.objects.filter(
            covering(day), employee_id=OuterRef(employee_ref), is_acting=False
        )
        .order_by("-start_date", "-pk")
        .values(f"position__{field}")[:1]
    )


def jp_of_year_subquery(year: int, employee_ref: str = "pk") -> Coalesce:
    """An employee's JP of `year`: their confirmed items completed that year (`rules`)."""
    total = (
        DevelopmentItem.objects.filter(
            plan__employee_id=OuterRef(employee_ref),
            state=ItemState.CONFIRMED,
            completed_on__year=year,
        )
        .values("plan__employee_id")
        .annotate(total=Sum("jp_earned"))
        .values("total")
    )
    return Coalesce(
        Subquery(total, output_field=JP_FIELD), Value(Decimal(0)), output_field=JP_FIELD
    )


def jp_of_year(*, employee_id: int, year: int) -> Decimal:
    """One employee's JP of `year` in one query."""
    total = DevelopmentItem.objects.filter(
        plan__employee_id=employee_id, state=ItemState.CONFIRMED, completed_on__year=year
    ).aggregate(total=Sum("jp_earned"))["total"]
    return Decimal(total or 0)


@dataclass(frozen=True)
class NeedsScope:
    agency: Agency
    day: date
    year: int
    period: PerformancePeriod | None

    @property
    def since(self) -> date:
        return self.period.start_date if self.period else date(self.year, 1, 1)


def needs_scope(*, agency: Agency, day: date | None = None) -> NeedsScope:
    day = day or today()
    return NeedsScope(agency=agency, day=day, year=day.year, period=period_current(day=day))


def jp_behind_for_agency(*, scope: NeedsScope) -> QuerySet[Employee]:
    """The agency's staff below `JP_TARGET` this year, fewest JP first, each annotated with
    `jp`, `post_name`, `post_kind` and `plan_state` (of this period's plan; None without one):
    one query a page."""
    plan_state = Subquery(
        DevelopmentPlan.objects.filter(employee_id=OuterRef("pk"), period=scope.period).values(
            "state"
        )[:1]
    )
    return (
        Employee.objects.filter(pk__in=_staff_ids(scope.agency.pk, scope.day))
        .annotate(
            jp=jp_of_year_subquery(scope.year),
            post_name=_post_of_employee("name", scope.day),
            post_kind=_post_of_employee("kind", scope.day),
            plan_state=plan_state if scope.period else Value(None, output_field=CharField()),
        )
        .filter(jp__lt=JP_TARGET)
        .order_by("jp", "name", "pk")
        .only("id", "name", "title_prefix", "title_suffix", "nip")
    )


def staff_count(*, scope: NeedsScope) -> int:
    return _posts_today(scope.agency.pk, scope.day).values("employee_id").distinct().count()


# --- the competencies most needed ----------------------------------------------------------


@dataclass(frozen=True)
class NeedRow:
    competency_id: int
    name: str
    kind: str
    kind_label: str
    feedback: int
    planned: int
    post: int

    @property
    def total(self) -> int:
        return self.feedback + self.planned + self.post


def _pairs_by_competency(
    items: QuerySet[DevelopmentItem], group: str, count: Any
) -> list[dict[str, Any]]:
    """Rows of `items` grouped by (competency, `group`) with `n` = `count`: the item's own
    competency, and for items without one the competencies of their course (two queries)."""
    own = (
        items.filter(competency__isnull=False)
        .values("competency_id", group)
        .annotate(n=count)
        .order_by()
    )
    via_course = (
        items.filter(competency__isnull=True, course__isnull=False)
        .values(group, competency_ref=F("course__competencies"))
        .annotate(n=count)
        .order_by()
    )
    rows = [{"competency_id": r["competency_id"], "key": r[group], "n": r["n"]} for r in own]
    rows += [
        {"competency_id": r["competency_ref"], "key": r[group], "n": r["n"]}
        for r in via_course
        if r["competency_ref"] is not None
    ]
    return rows


def training_needs_for_agency(*, scope: NeedsScope) -> list[NeedRow]:
    """The active dictionary entries with at least one need in the agency, most needed first."""
    staff = _staff_ids(scope.agency.pk, scope.day)
    competencies = list(
        Competency.objects.filter(is_active=True).values(
            "id", "name", "kind", "feedback_tag", "position_kinds"
        )
    )

    # feedback: employees tagged per feedback tag since the period began
    tagged = dict(
        FeedbackTag.objects.filter(
            feedback__employee_id__in=staff, feedback__created_at__date__gte=scope.since
        )
        .values("competency")
        .annotate(n=Count("feedback__employee_id", distinct=True))
        .order_by()
        .values_list("competency", "n")
    )

    # planned but not done in this period's plans: employees per competency
    planned: Counter[int] = Counter()
    if scope.period is not None:
        open_items = DevelopmentItem.objects.filter(
            plan__employee_id__in=staff, plan__period=scope.period, state__in=NOT_DONE
        )
        per_employee: dict[int, set[int]] = defaultdict(set)
        for row in _pairs_by_competency(open_items, "plan__employee_id", Count("pk")):
            per_employee[row["competency_id"]].add(row["key"])
        planned = Counter({cid: len(ids) for cid, ids in per_employee.items()})

    # post needs: staff per post kind, less those who completed (confirmed) it this year
    kinds = dict(
        _posts_today(scope.agency.pk, scope.day)
        .values("position__kind")
        .annotate(n=Count("employee_id", distinct=True))
        .order_by()
        .values_list("position__kind", "n")
    )
    confirmed = DevelopmentItem.objects.filter(
        plan__employee_id__in=staff, state=ItemState.CONFIRMED, completed_on__year=scope.year
    ).annotate(post_kind=_post_of_employee("kind", scope.day, "plan__employee_id"))
    done: dict[tuple[int, str], int] = defaultdict(int)
    for row in _pairs_by_competency(
        confirmed, "post_kind", Count("plan__employee_id", distinct=True)
    ):
        done[(row["competency_id"], row["key"])] += row["n"]

    labels = dict(CompetencyKind.choices)
    rows: list[NeedRow] = []
    for c in competencies:
        post = sum(
            max(0, kinds.get(kind, 0) - done[(c["id"], kind)]) for kind in c["position_kinds"] or []
        )
        need = NeedRow(
            competency_id=c["id"],
            name=c["name"],
            kind=c["kind"],
            kind_label=str(labels.get(c["kind"], c["kind"])),
            feedback=tagged.get(c["feedback_tag"], 0) if c["feedback_tag"] else 0,
            planned=planned.get(c["id"], 0),
            post=post,
        )
        if need.total:
            rows.append(need)
    rows.sort(key=lambda r: (-r.total, -r.feedback, r.name))
    return rows


# --- the download --------------------------------------------------------------------------

EXPORT_HEADER = (
    "Kompetensi",
    "Jenis",
    "Pegawai dengan umpan balik",
    "Pegawai dengan kegiatan belum selesai",
    "Pegawai yang jabatannya membutuhkan",
    "Jumlah",
)


def needs_export_rows(needs: list[NeedRow]) -> list[list[Any]]:
    return [[r.name, r.kind_label, r.feedback, r.planned, r.post, r.total] for r in needs]


BEHIND_HEADER = ("Nama", "NIP", "Jabatan", "JP tahun ini", "Status rencana")


def plan_state_label(state: str | None) -> str:
    return str(dict(PlanState.choices).get(state or "", "Belum ada rencana"))


def post_kind_label(kind: str | None) -> str:
    return str(dict(PositionKind.choices).get(kind or "", ""))


def behind_export_rows(employees: QuerySet[Employee]) -> list[list[Any]]:
    return [
        [e.full_name, e.nip, e.post_name or "", e.jp, plan_state_label(e.plan_state)]  # type: ignore[attr-defined]
        for e in employees
    ]
