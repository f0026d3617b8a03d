"""`goal_import_validate`: check a whole goal file at once; writes nothing.

Each row goes through the same rules as the goal forms (`goals.goal_indicator_errors`, which
asks `rules.target_errors`), so a row gets the sentence the form gives for the same value.
Across rows: one statement per goal number; against the database: a goal number already used
in the agency's period. Three queries whatever the size of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kinerja.accounts.actors import Actor
from kinerja.core.form_fields import parse_decimal_id
from kinerja.core.jobs import Progress, progress_ignore
from kinerja.organization.models import Agency
from kinerja.people.imports import ImportFile, RowError, import_table_read
from kinerja.people.imports.columns import cell_text, header_columns, header_key
from kinerja.people.imports.report import rows_checked_result
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.goal_import.columns import (
    COLUMN_ORDER,
    COLUMNS,
    HEADER,
    PERSPECTIVE_BY_TEXT,
    POLARITY_BY_TEXT,
    TARGET_KIND_BY_TEXT,
)
from kinerja.planning.goals import (
    STATEMENT_MAX,
    GoalTarget,
    goal_indicator_errors,
    goal_period_refusal,
    require_goal_manager,
)
from kinerja.planning.models import OrganizationGoal, TargetKind
from kinerja.scoring.achievement import Polarity


@dataclass
class PlannedIndicator:
    row: int
    text: str
    target: GoalTarget
    polarity: str


@dataclass
class PlannedGoal:
    row: int
    number: int
    statement: str
    perspective: str
    indicators: list[PlannedIndicator] = field(default_factory=list)


@dataclass
class GoalImportReport:
    total_rows: int
    errors: list[RowError]
    goals: list[PlannedGoal]

    @property
    def is_clean(self) -> bool:
        return not self.errors

    @property
    def indicator_count(self) -> int:
        return sum(len(g.indicators) for g in self.goals)

    def as_result(self, *, file: ImportFile, agency_id: int, period_id: int) -> dict[str, Any]:
        """The JSON stored in Job.result for the job page (errors capped), the same keys as the
        employee import's, so the same error table shows it."""
        return {
            **rows_checked_result(
                file=file, total_rows=self.total_rows, errors=self.errors, order=COLUMN_ORDER
            ),
            "agency_id": agency_id,
            "period_id": period_id,
            "counts": {"goals": len(self.goals), "indicators": self.indicator_count},
        }


class _Checker:
    def __init__(self) -> None:
        self.errors: list[RowError] = []
        self.bad_rows: set[int] = set()

    def error(self, row: int, key: str, reason: str, value: Any = "") -> None:
        self.errors.append(
            RowError(row=row, column=HEADER.get(key, key), value=cell_text(value), reason=reason)
        )
        self.bad_rows.add(row)

    def columns(self, header: list[Any]) -> dict[str, int]:
        return header_columns(header, COLUMNS, self.error)


def _choice(
    checker: _Checker, row: int, key: str, text: str, table: dict[str, str], default: str
) -> str:
    if not text:
        return default
    value = table.get(header_key(text))
    if value is None:
        accepted = {
            "perspective": "Penerima Layanan, Proses Bisnis, Penguatan Internal, Anggaran",
            "target_kind": "Angka, Rentang, Deskripsi",
            "polarity": "Semakin tinggi semakin baik, Semakin rendah semakin baik",
        }[key]
        checker.error(
            row, key, f"{HEADER[key]} “{text}” tidak dikenal; isi salah satu: {accepted}.", text
        )
        return default
    return value


def _amount(checker: _Checker, row: int, key: str, text: str) -> Decimal | None:
    if not text:
        return None
    value = parse_decimal_id(text)
    if value is None:
        checker.error(
            row, key, f"{HEADER[key]} “{text}” bukan angka; tulis mis. 85 atau 12,5.", text
        )
    return value


_SERVICE_KEY_COLUMN = {
    "target": "target_value",
    "kind": "target_kind",
    "value": "target_value",
    "maximum": "target_max",
    "unit": "target_unit",
    "description": "target_description",
}


def goal_import_validate(
    *,
    actor: Actor,
    agency: Agency,
    period: PerformancePeriod,
    content: bytes,
    file_name: str,
    progress: Progress = progress_ignore,
) -> GoalImportReport:
    """Check the whole file; every problem becomes a `RowError`. Writes nothing.

    Raises PermissionDenied for anyone who may not change the agency's goals, and
    ImportFileError for a file that is not a readable table."""
    require_goal_manager(actor, agency.pk)
    table = import_table_read(content=content, file_name=file_name)
    progress(10, "Berkas terbaca; memeriksa baris…")
    checker = _Checker()
    refusal = goal_period_refusal(period)
    if refusal:
        checker.error(0, "Periode", refusal, period.name)
    if not table:
        checker.error(1, "Berkas", "Berkas tidak berisi baris judul maupun data.")
        return GoalImportReport(total_rows=0, errors=checker.errors, goals=[])
    (_, header), body = table[0], table[1:]
    columns = checker.columns(header)
    if not body:
        checker.error(1, "Berkas", "Berkas hanya berisi baris judul; tidak ada data.")
    if checker.errors:
        return GoalImportReport(total_rows=len(body), errors=checker.errors, goals=[])

    stored = set(
        OrganizationGoal.objects.filter(agency=agency, period=period).values_list(
            "number", flat=True
        )
    )
    goals: dict[int, PlannedGoal] = {}
    for done, (row, cells) in enumerate(body, start=1):

        def cell(key: str, cells: list[Any] = cells) -> str:
            index = columns.get(key)
            return cell_text(cells[index]) if index is not None and index < len(cells) else ""

        goal = _goal_of_row(checker, row, cell, goals, stored)
        indicator = _indicator_of_row(checker, row, cell)
        if goal is not None and indicator is not None and row not in checker.bad_rows:
            goal.indicators.append(indicator)
        if done % 500 == 0:
            progress.count(done, len(body), "baris diperiksa", start=10, end=95)
    return GoalImportReport(
        total_rows=len(body),
        errors=checker.errors,
        goals=sorted(goals.values(), key=lambda g: g.number),
    )


def _goal_of_row(
    checker: _Checker, row: int, cell: Any, goals: dict[int, PlannedGoal], stored: set[int]
) -> PlannedGoal | None:
    number_text = cell("number")
    statement = cell("statement")
    perspective = _choice(checker, row, "perspective", cell("perspective"), PERSPECTIVE_BY_TEXT, "")
    if not number_text:
        checker.error(row, "number", "Nomor Sasaran wajib diisi: bilangan bulat 1 sampai 999.")
        return None
    if not number_text.isdigit() or not 1 <= int(number_text) <= 999:
        checker.error(
            row,
            "number",
            f"Nomor Sasaran “{number_text}” tidak sah; isi bilangan bulat 1 sampai 999.",
            number_text,
        )
        return None
    number = int(number_text)
    if number in stored:
        checker.error(
            row,
            "number",
            f"Sasaran nomor {number} sudah tersimpan untuk perangkat daerah dan periode ini; "
            "ubah lewat halaman sasaran atau pakai nomor lain.",
            number_text,
        )
        return None
    if not statement:
        checker.error(row, "statement", "Sasaran Strategis wajib diisi; tuliskan kalimatnya.")
        return None
    if len(statement) > STATEMENT_MAX:
        checker.error(
            row,
            "statement",
            f"Sasaran Strategis terlalu panjang ({len(statement)} karakter); paling banyak "
            f"{STATEMENT_MAX}.",
            statement[:60],
        )
        return None
    goal = goals.get(number)
    if goal is None:
        goal = goals[number] = PlannedGoal(row, number, statement, perspective)
    elif goal.statement != statement or goal.perspective != perspective:
        checker.error(
            row,
            "statement",
            f"Sasaran nomor {number} ditulis berbeda dengan baris {goal.row}; satu nomor untuk "
            "satu sasaran (kalimat dan perspektif sama di setiap barisnya).",
            statement,
        )
        return None
    return goal


def _indicator_of_row(checker: _Checker, row: int, cell: Any) -> PlannedIndicator | None:
    text = cell("text")
    kind = _choice(
        checker,
        row,
        "target_kind",
        cell("target_kind"),
        TARGET_KIND_BY_TEXT,
        TargetKind.NUMBER.value,
    )
    polarity = _choice(
        checker,
        row,
        "polarity",
        cell("polarity"),
        POLARITY_BY_TEXT,
        Polarity.HIGHER_IS_BETTER.value,
    )
    before = len(checker.errors)
    value = _amount(checker, row, "target_value", cell("target_value"))
    maximum = _amount(checker, row, "target_max", cell("target_max"))
    if len(checker.errors) > before:
        return None
    target = GoalTarget(
        kind=kind,
        value=value,
        maximum=maximum,
        unit=cell("target_unit"),
        description=cell("target_description"),
    )
    errors = goal_indicator_errors(text=text, target=target, polarity=polarity)
    for key, messages in errors.items():
        column = (
            key
            if key in HEADER
            else _SERVICE_KEY_COLUMN.get(key.removeprefix("target_"), "target_value")
        )
        for message in messages:
            checker.error(row, column, message, cell(column))
    if errors:
        return None
    return PlannedIndicator(row=row, text=text, target=target, polarity=polarity)
