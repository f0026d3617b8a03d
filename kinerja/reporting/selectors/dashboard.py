"""A dashboard page's figures, read from the summary tables in a constant number of queries.

`dashboard_for_actor` authorises the scope (the city; an agency; a unit), loads the summary
rows of the period for that scope, groups them per child (agencies of the city, top units of
an agency, sub-units of a unit, rolled up over each child's subtree) and lets each panel
present its table and chart. The number of queries is the same for 10 and for 100,000
employees: the rows read are per unit and category, not per employee.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.http import Http404
from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_all_agencies, refuse
from kinerja.organization.models import Agency, Unit
from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel, RankedItem, SummaryRefresh, UnitFigure
from kinerja.reporting.panels.base import (
    Amounts,
    Child,
    Level,
    PanelData,
    PanelView,
    RankingSpec,
    Scope,
)
from kinerja.reporting.panels.employees import ALL
from kinerja.reporting.panels.registry import PANELS, RANKINGS
from kinerja.reporting.permissions import agency_dashboard_refusal, city_dashboard_refusal
from kinerja.scoring.formatting import format_decimal

DIRECT = "Langsung di bawah pimpinan unit ini"
AGENCY_DIRECT = "Pimpinan dan jabatan tanpa unit kerja"


@dataclass(frozen=True)
class RankedLine:
    position: int
    label: str
    detail: str
    value: Decimal
    value_text: str
    count: int
    count_text: str
    url: str


@dataclass(frozen=True)
class RankingView:
    spec: RankingSpec
    title: str
    lines: tuple[RankedLine, ...]


@dataclass(frozen=True)
class Dashboard:
    scope: Scope
    period: PerformancePeriod | None
    periods: tuple[PerformancePeriod, ...]
    refreshed: SummaryRefresh | None
    panels: tuple[PanelView, ...]
    rankings: tuple[RankingView, ...]
    children_heading: str
    agency: Agency | None = None
    unit: Unit | None = None

    def panel(self, panel: Panel) -> PanelView:
        return next(view for view in self.panels if view.panel == panel)


def dashboard_url(level: Level, key: int | None, period_id: int | None) -> str:
    if level == Level.CITY:
        url = reverse("reporting:city")
    elif level == Level.AGENCY:
        url = reverse("reporting:agency", args=[key])
    else:
        url = reverse("reporting:unit", args=[key])
    return f"{url}?periode={period_id}" if period_id else url


def periods_for_dashboard() -> list[PerformancePeriod]:
    """Real periods, newest first (trial periods never reach a dashboard)."""
    return list(PerformancePeriod.objects.filter(is_trial=False).order_by("-year"))


def _pick_period(
    periods: list[PerformancePeriod], period_id: int | None
) -> PerformancePeriod | None:
    if period_id is not None:
        for period in periods:
            if period.pk == period_id:
                return period
        raise Http404
    return periods[0] if periods else None


# --- the scope -------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitTree:
    """The units of one agency: parent of each, name of each."""

    parent: Mapping[int, int | None]
    name: Mapping[int, str]

    def chain(self, unit_id: int) -> list[int]:
        """The unit and its ancestors, nearest first."""
        chain = [unit_id]
        seen = {unit_id}
        while (parent := self.parent.get(chain[-1])) is not None and parent not in seen:
            chain.append(parent)
            seen.add(parent)
        return chain

    def subtree(self, unit_id: int) -> list[int]:
        """The unit and every unit below it."""
        return [u for u in self.parent if unit_id in self.chain(u)]

    def children_of(self, unit_id: int | None) -> list[int]:
        kids = [u for u, p in self.parent.items() if p == unit_id]
        return sorted(kids, key=lambda u: (self.name[u].casefold(), u))


def unit_tree(agency_id: int) -> UnitTree:
    rows = list(Unit.objects.filter(agency_id=agency_id).values_list("id", "parent_id", "name"))
    return UnitTree(
        parent={pk: parent for pk, parent, _ in rows}, name={pk: name for pk, _, name in rows}
    )


def scope_for_actor(
    *, actor: Actor, agency_id: int | None = None, unit_id: int | None = None
) -> tuple[Scope, Agency | None, Unit | None]:
    """Authorise the scope: 403 with a sentence for an agency the actor may not read, 404
    for one that does not exist."""
    if unit_id is not None:
        unit = Unit.objects.select_related("agency").filter(pk=unit_id).first()
        if unit is None:
            # existence is not private to a reader of all agencies; others get the refusal
            refuse(city_dashboard_refusal(actor))
            raise Http404
        refuse(agency_dashboard_refusal(actor, unit.agency_id))
        return (
            Scope(level=Level.UNIT, agency_id=unit.agency_id, unit_id=unit.pk, title=unit.name),
            unit.agency,
            unit,
        )
    if agency_id is not None:
        refuse(agency_dashboard_refusal(actor, agency_id))
        agency = Agency.objects.filter(pk=agency_id).first()
        if agency is None:
            raise Http404
        return Scope(level=Level.AGENCY, agency_id=agency.pk, title=agency.name), agency, None
    refuse(city_dashboard_refusal(actor))
    return Scope(level=Level.CITY, title="Kota Surakarta"), None, None


def _trail(
    scope: Scope,
    agency: Agency | None,
    unit: Unit | None,
    tree: UnitTree | None,
    period_id: int | None,
    actor: Actor,
) -> tuple[tuple[str, str], ...]:
    trail: list[tuple[str, str]] = []
    if scope.level == Level.CITY:
        return ()
    if city_dashboard_refusal(actor) is None:
        trail.append(("Dasbor kota", dashboard_url(Level.CITY, None, period_id)))
    if scope.level == Level.UNIT and agency is not None and unit is not None and tree is not None:
        trail.append((agency.name, dashboard_url(Level.AGENCY, agency.pk, period_id)))
        for ancestor in reversed(tree.chain(unit.pk)[1:]):
            trail.append((tree.name[ancestor], dashboard_url(Level.UNIT, ancestor, period_id)))
    return tuple(trail)


# --- the figures -----------------------------------------------------------------------------

_Grouped = dict[str, dict[int | None, dict[str, Amounts]]]
"""panel → child → category → amounts."""


def _add(grouped: _Grouped, panel: str, key: int | None, category: str, amounts: Amounts) -> None:
    bucket = grouped[panel][key]
    bucket[category] = bucket.get(category, Amounts()) + amounts


def _new_grouped() -> _Grouped:
    return defaultdict(lambda: defaultdict(dict))


def _top_agencies(agencies: Iterable[Agency]) -> dict[int, int]:
    """Each agency's top ancestor (a kelurahan's kecamatan; an agency without parent itself)."""
    parent = {a.pk: a.parent_id for a in agencies}
    top: dict[int, int] = {}
    for pk in parent:
        node, seen = pk, {pk}
        while (up := parent.get(node)) is not None and up not in seen:
            node = up
            seen.add(up)
        top[pk] = node
    return top


def sub_agency_key(agency_id: int) -> int:
    """The child key of a sub-agency on its parent's page (negative: unit keys are positive)."""
    return -agency_id


def _city_figures(period: PerformancePeriod, top: Mapping[int, int]) -> _Grouped:
    """Figures per top-level agency: a kelurahan counts in its kecamatan's row."""
    grouped = _new_grouped()
    rows = (
        UnitFigure.objects.filter(period=period)
        .values("panel", "agency_id", "category")
        .annotate(n=Sum("count"), a=Sum("amount"))
        .order_by()
    )
    for r in rows:
        key = top.get(r["agency_id"], r["agency_id"])
        _add(grouped, r["panel"], key, r["category"], Amounts(r["n"], r["a"]))
    return grouped


def _unit_child(
    tree: UnitTree, scope_unit: int | None, unit_id: int | None
) -> tuple[bool, int | None]:
    """(inside the scope, child key) of a figure's unit. In an agency, the child is the top
    unit above it (None: no unit). In a unit, the direct sub-unit above it (None: the unit's
    own posts)."""
    if unit_id is None:
        return scope_unit is None, None
    chain = tree.chain(unit_id)
    if scope_unit is None:
        return True, chain[-1]
    if scope_unit not in chain:
        return False, None
    index = chain.index(scope_unit)
    return True, chain[index - 1] if index > 0 else None


def _scoped_figures(
    period: PerformancePeriod,
    agency_id: int,
    tree: UnitTree,
    scope_unit: int | None,
    subs: Sequence[Agency] = (),
) -> _Grouped:
    """Figures per child of an agency or unit page; on an agency page the sub-agencies
    (kelurahan of a kecamatan) each make one child."""
    grouped = _new_grouped()
    rows = UnitFigure.objects.filter(
        period=period, agency_id__in=[agency_id, *(a.pk for a in subs)]
    ).values_list("agency_id", "panel", "unit_id", "category", "count", "amount")
    for figure_agency, panel, unit_id, category, count, amount in rows:
        if figure_agency != agency_id:
            _add(grouped, panel, sub_agency_key(figure_agency), category, Amounts(count, amount))
            continue
        inside, key = _unit_child(tree, scope_unit, unit_id)
        if not inside and not (panel == Panel.ORG_RATING and unit_id is None):
            continue
        _add(grouped, panel, key, category, Amounts(count, amount))
    return grouped


_History = dict[str, list[tuple[str, dict[str, Amounts]]]]
"""panel → [(period label, counts)] oldest first."""


def _history(
    scope: Scope,
    period: PerformancePeriod,
    periods: list[PerformancePeriod],
    tree: UnitTree | None,
    subs: Sequence[Agency] = (),
    top: Mapping[int, int] | None = None,
) -> tuple[_History, dict[str, dict[int | None, list[tuple[str, dict[str, Amounts]]]]]]:
    """The scope's totals and each child's counts in every real period up to this one, for
    the panels with a trend: one GROUP BY query over the summary rows."""
    panels = [spec.panel for spec in PANELS if spec.with_history]
    earlier = {p.pk: p for p in periods if p.year <= period.year}
    if not panels or not earlier:
        return {}, {}
    query = UnitFigure.objects.filter(period_id__in=list(earlier), panel__in=panels)
    if scope.agency_id is not None:
        query = query.filter(agency_id__in=[scope.agency_id, *(a.pk for a in subs)])
    rows = (
        query.values("period_id", "panel", "agency_id", "unit_id", "category")
        .annotate(n=Sum("count"), a=Sum("amount"))
        .order_by()
    )
    totals: dict[str, dict[int, dict[str, Amounts]]] = defaultdict(lambda: defaultdict(dict))
    children: dict[str, dict[int | None, dict[int, dict[str, Amounts]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(dict))
    )
    for r in rows:
        inside, key = _child_of(scope, tree, top or {}, r["agency_id"], r["unit_id"])
        if not inside:
            continue
        amounts = Amounts(r["n"], r["a"])
        for bucket in (
            totals[r["panel"]][r["period_id"]],
            children[r["panel"]][key][r["period_id"]],
        ):
            bucket[r["category"]] = bucket.get(r["category"], Amounts()) + amounts
    ordered = sorted(earlier.values(), key=lambda p: p.year)
    return (
        {
            panel: [(str(p.year), dict(by_period.get(p.pk, {}))) for p in ordered]
            for panel, by_period in totals.items()
        },
        {
            panel: {
                key: [(str(p.year), dict(by_period.get(p.pk, {}))) for p in ordered]
                for key, by_period in keyed.items()
            }
            for panel, keyed in children.items()
        },
    )


def _child_of(
    scope: Scope, tree: UnitTree | None, top: Mapping[int, int], agency_id: int, unit_id: int | None
) -> tuple[bool, int | None]:
    """(inside the scope, child key) of a summary row, as the page groups it."""
    if scope.level == Level.CITY:
        return True, top.get(agency_id, agency_id)
    assert tree is not None
    if agency_id != scope.agency_id:
        return True, sub_agency_key(agency_id)
    return _unit_child(tree, scope.unit_id, unit_id)


def _total(by_child: Mapping[int | None, Mapping[str, Amounts]]) -> dict[str, Amounts]:
    total: dict[str, Amounts] = {}
    for counts in by_child.values():
        for category, amounts in counts.items():
            total[category] = total.get(category, Amounts()) + amounts
    return total


def _children(
    scope: Scope,
    agencies: Sequence[Agency],
    tree: UnitTree | None,
    period_id: int | None,
    grouped: _Grouped,
    subs: Sequence[Agency] = (),
) -> list[Child]:
    if scope.level == Level.CITY:
        inside: dict[int, int] = defaultdict(int)
        for a in agencies:
            if a.parent_id is not None:
                inside[a.parent_id] += 1
        return [
            Child(
                key=a.pk,
                label=f"{a.name} (termasuk {inside[a.pk]} kelurahan)" if inside[a.pk] else a.name,
                url=dashboard_url(Level.AGENCY, a.pk, period_id),
            )
            for a in agencies
            if a.parent_id is None
        ]
    assert tree is not None
    children = [
        Child(key=u, label=tree.name[u], url=dashboard_url(Level.UNIT, u, period_id))
        for u in tree.children_of(scope.unit_id)
    ]
    # The organisation rating is the agency's as a whole (unit None), not a row of posts.
    if any(None in by_child for panel, by_child in grouped.items() if panel != Panel.ORG_RATING):
        label = DIRECT if scope.level == Level.UNIT else AGENCY_DIRECT
        children.append(Child(key=None, label=label, url=""))
    children.extend(
        Child(
            key=sub_agency_key(a.pk), label=a.name, url=dashboard_url(Level.AGENCY, a.pk, period_id)
        )
        for a in subs
    )
    return children


def _rankings(scope: Scope, period: PerformancePeriod) -> tuple[RankingView, ...]:
    query = RankedItem.objects.filter(
        period=period,
        agency_id__isnull=scope.agency_id is None,
        unit_id__isnull=scope.unit_id is None,
    )
    if scope.agency_id is not None:
        query = query.filter(agency_id=scope.agency_id)
    if scope.unit_id is not None:
        query = query.filter(unit_id=scope.unit_id)
    lines: dict[str, list[RankedLine]] = defaultdict(list)
    specs = {spec.ranking: spec for spec in RANKINGS}
    items = [item for item in query.order_by("ranking", "position") if item.ranking in specs]
    targets: dict[str, list[int]] = defaultdict(list)
    for item in items:
        if item.target_id:
            targets[item.ranking].append(item.target_id)
    urls = {ranking: specs[ranking].links(ids) for ranking, ids in targets.items()}
    for item in items:
        lines[item.ranking].append(
            RankedLine(
                position=item.position,
                label=item.label,
                detail=item.detail,
                value=item.value,
                value_text=format_decimal(item.value, 2),
                count=item.count,
                count_text=format_decimal(item.count, 0),
                url=urls.get(item.ranking, {}).get(item.target_id or 0, ""),
            )
        )
    from kinerja.reporting.models import Ranking

    return tuple(
        RankingView(
            spec=spec, title=str(Ranking(spec.ranking).label), lines=tuple(lines[spec.ranking])
        )
        for spec in RANKINGS
    )


def dashboard_for_actor(
    *,
    actor: Actor,
    period_id: int | None = None,
    agency_id: int | None = None,
    unit_id: int | None = None,
) -> Dashboard:
    """The city's, an agency's or a unit's dashboard for the period (default: the newest real
    period). 403 for an agency the actor may not read; 404 for an unknown one or period."""
    scope, agency, unit = scope_for_actor(actor=actor, agency_id=agency_id, unit_id=unit_id)
    periods = periods_for_dashboard()
    period = _pick_period(periods, period_id)
    tree = unit_tree(scope.agency_id) if scope.agency_id is not None else None
    chosen = period.pk if period else None
    scope = Scope(
        level=scope.level,
        agency_id=scope.agency_id,
        unit_id=scope.unit_id,
        title=scope.title,
        trail=_trail(scope, agency, unit, tree, chosen, actor),
    )
    heading = "Perangkat daerah" if scope.level == Level.CITY else "Unit kerja"
    if period is None:
        return Dashboard(scope, None, (), None, (), (), heading, agency, unit)
    refreshed = SummaryRefresh.objects.filter(period=period).first()
    agencies: list[Agency] = []
    subs: list[Agency] = []
    top: dict[int, int] = {}
    if scope.level == Level.CITY:
        agencies = list(Agency.objects.order_by("name"))
        top = _top_agencies(agencies)
        grouped = _city_figures(period, top)
    else:
        assert tree is not None
        assert scope.agency_id is not None
        if scope.level == Level.AGENCY and can_read_all_agencies(actor):
            # A kecamatan's page shows its kelurahan to those who may open them.
            subs = list(Agency.objects.filter(parent_id=scope.agency_id).order_by("name"))
        grouped = _scoped_figures(period, scope.agency_id, tree, scope.unit_id, subs)
    history, child_history = _history(scope, period, periods, tree, subs, top)
    children = _children(scope, agencies, tree, chosen, grouped, subs)
    people = grouped.get(Panel.EMPLOYEES, {})
    employees = {key: counts.get(ALL, Amounts()).count for key, counts in people.items()}
    views = []
    for spec in PANELS:
        if not spec.shown:
            continue
        by_child = grouped.get(spec.panel, {})
        data = PanelData(
            panel=spec.panel,
            level=scope.level,
            children=children,
            by_child=by_child,
            total=_total(by_child),
            employees=employees,
            employees_total=sum(employees.values()),
            history=tuple(history.get(spec.panel, ())),
            history_by_child=child_history.get(spec.panel, {}),
            agency_id=scope.agency_id,
            agency_name=agency.name if agency is not None else "",
        )
        views.append(spec.present(data))
    return Dashboard(
        scope=scope,
        period=period,
        periods=tuple(periods),
        refreshed=refreshed,
        panels=tuple(views),
        rankings=_rankings(scope, period),
        children_heading="Unit kerja dan kelurahan" if subs else heading,
        agency=agency,
        unit=unit,
    )


def dashboard_panel_for_actor(
    *, actor: Actor, panel: str, **scope: Any
) -> tuple[Dashboard, PanelView]:
    """One panel of a dashboard (for its spreadsheet); 404 for an unknown panel."""
    try:
        code = Panel(panel.upper())
    except ValueError as error:
        raise Http404 from error
    dashboard = dashboard_for_actor(actor=actor, **scope)
    shown = [view for view in dashboard.panels if view.panel == code]
    if not shown:
        raise Http404
    return dashboard, shown[0]
