"""The shape every dashboard panel shares.

A panel is one module in this package with two halves:

- `compute(period) -> list[Figure]`, run by the refresh job: GROUP BY queries over the app that
  owns the data, one row per (agency, unit, category) with a count and an amount. No loop over
  records; the number of queries does not grow with the number of employees.
- `present(data: PanelData) -> PanelView`, run by the page: turns the summary rows of the scope,
  already grouped per child (agencies on the city page, units below), into a table whose every
  number is a link, a server-side SVG chart of the same numbers and a sentence saying what the
  chart shows. No query.

`PANELS` in `registry.py` lists the panels in page order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.utils.safestring import SafeString

from kinerja.reporting.models import Panel


class Level(StrEnum):
    CITY = "city"
    AGENCY = "agency"
    UNIT = "unit"


@dataclass(frozen=True)
class Figure:
    """A summary row before it is stored (`UnitFigure`)."""

    agency_id: int
    unit_id: int | None
    category: str
    count: int = 0
    amount: Decimal = Decimal(0)


@dataclass(frozen=True)
class Amounts:
    count: int = 0
    amount: Decimal = Decimal(0)

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(self.count + other.count, self.amount + other.amount)


Counts = Mapping[str, Amounts]
"""category → amounts of one child (or of the scope's total)."""


@dataclass(frozen=True)
class Child:
    """A row of the scope's tables: an agency on the city page, a unit on an agency or unit
    page; `key` None is the scope's own people outside any listed child ("langsung")."""

    key: int | None
    label: str
    url: str


@dataclass(frozen=True)
class PanelData:
    panel: Panel
    level: Level
    children: Sequence[Child]
    by_child: Mapping[int | None, Counts]
    total: Counts
    employees: Mapping[int | None, int]
    """Employees per child (the EMPLOYEES panel), for shares of people."""
    employees_total: int
    history: Sequence[tuple[str, Counts]] = ()
    """(period label, scope total) of earlier real periods, oldest first; panels with a trend."""
    history_by_child: Mapping[int | None, Sequence[tuple[str, Counts]]] = field(
        default_factory=dict
    )
    """The same per child (the key of `children`)."""
    agency_id: int | None = None
    """The agency of an agency or unit page (None on the city page)."""
    agency_name: str = ""

    def get(self, key: int | None, category: str) -> Amounts:
        return self.by_child.get(key, {}).get(category, Amounts())

    def total_of(self, category: str) -> Amounts:
        return self.total.get(category, Amounts())


@dataclass(frozen=True)
class Cell:
    text: str
    url: str = ""
    value: Decimal | int | None = None
    """The number behind `text`, for spreadsheets (None for words)."""


@dataclass(frozen=True)
class Row:
    label: str
    url: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class PanelView:
    panel: Panel
    title: str
    lede: str
    columns: tuple[str, ...]
    """Headings of the value columns (the first column is the child's name)."""
    rows: tuple[Row, ...]
    total: Row | None
    chart_svg: SafeString | str = ""
    chart_summary: str = ""
    notes: tuple[str, ...] = ()
    label_heading: str = "Nama"

    @property
    def code(self) -> str:
        return self.panel.value.lower()

    @property
    def is_empty(self) -> bool:
        return not self.rows

    @property
    def labelled_rows(self) -> list[tuple[Row, list[tuple[str, Cell]]]]:
        """Each row with its cells beside their column headings (for the phone layout)."""
        return [(row, list(zip(self.columns, row.cells, strict=False))) for row in self.rows]


@dataclass(frozen=True)
class PanelSpec:
    panel: Panel
    compute: Callable[..., list[Figure]]
    present: Callable[[PanelData], PanelView]
    with_history: bool = False
    shown: bool = True
    """False for a panel that only feeds the others (employees: the denominator of shares)."""


@dataclass(frozen=True)
class RankedRow:
    """A place in a top-and-bottom list before it is stored (`RankedItem`); `agency_id` None is
    the city's list, `unit_id` None an agency's."""

    agency_id: int | None
    unit_id: int | None
    position: int
    label: str
    detail: str = ""
    value: Decimal = Decimal(0)
    count: int = 0
    target_id: int | None = None


@dataclass(frozen=True)
class RankingSpec:
    ranking: str
    compute: Callable[..., list[RankedRow]]
    """`compute(period, panels)`: `panels` holds the figures the refresh has just computed
    (panel → figures), so a list built on a panel's counts does not count again."""
    links: Callable[[Sequence[int]], Mapping[int, str]]
    """The URL of each line's `target_id`, for all the lines of a page at once (a list never
    costs a query per line)."""
    value_heading: str = "Nilai"
    count_heading: str = "Jumlah"
    empty_text: str = "Belum ada data."
    help_text: str = ""


@dataclass(frozen=True)
class Scope:
    level: Level
    agency_id: int | None = None
    unit_id: int | None = None
    title: str = ""
    trail: tuple[tuple[str, str], ...] = field(default=())


def each(link: Callable[[int], str]) -> Callable[[Sequence[int]], dict[int, str]]:
    """`links` for a ranking whose URL needs no query (built from the id alone)."""
    return lambda ids: {target: link(target) for target in ids}


def cell_link(url: str, anchor: str) -> str:
    return f"{url}#{anchor}" if url else ""
