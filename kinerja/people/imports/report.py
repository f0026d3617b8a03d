"""What a check or an import found: row errors, the counts of the plan, the refusal."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from kinerja.people.imports.columns import COLUMN_ORDER

if TYPE_CHECKING:
    from kinerja.people.imports.files import ImportFile
    from kinerja.people.imports.plan import Plan

MAX_STORED_ERRORS = 1000
"""Errors kept in a report for the preview page; the total count is always exact."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    reason: str


@dataclass
class ImportPlanCounts:
    employees_created: int = 0
    employees_updated: int = 0
    employees_unchanged: int = 0
    positions_created: int = 0
    assignments_created: int = 0
    assignments_updated: int = 0
    assignments_closed: int = 0

    @property
    def changes(self) -> int:
        return (
            self.employees_created
            + self.employees_updated
            + self.positions_created
            + self.assignments_created
            + self.assignments_updated
            + self.assignments_closed
        )


@dataclass
class ImportReport:
    """What validation found: the errors (all of them) and, when clean, what would change."""

    total_rows: int
    errors: list[RowError]
    counts: ImportPlanCounts
    plan: Plan | None = None

    @property
    def is_clean(self) -> bool:
        return not self.errors

    def as_result(self, *, file: ImportFile) -> dict[str, Any]:
        """The JSON stored in Job.result for the preview page (errors capped)."""
        return {
            **rows_checked_result(
                file=file, total_rows=self.total_rows, errors=self.errors, order=COLUMN_ORDER
            ),
            "counts": asdict(self.counts),
        }


def rows_checked_result(
    *, file: ImportFile, total_rows: int, errors: list[RowError], order: dict[str, int]
) -> dict[str, Any]:
    """The keys every import's job result shares, which the one error table reads: the file,
    the row count and the errors in row and column order (capped at MAX_STORED_ERRORS)."""
    ordered = sorted(errors, key=lambda e: (e.row, order.get(e.column, 99)))
    return {
        "file": asdict(file),
        "total_rows": total_rows,
        "clean": not errors,
        "error_count": len(ordered),
        "error_rows": len({e.row for e in ordered}),
        "errors": [asdict(e) for e in ordered[:MAX_STORED_ERRORS]],
        "errors_truncated": len(ordered) > MAX_STORED_ERRORS,
    }


def unreadable_result(*, file: ImportFile, reason: str) -> dict[str, Any]:
    """The preview of a file that could not be read as a table at all."""
    return {
        "file": asdict(file),
        "total_rows": 0,
        "clean": False,
        "error_count": 1,
        "error_rows": 1,
        "errors": [{"row": 0, "column": "Berkas", "value": "", "reason": reason}],
        "errors_truncated": False,
        "counts": {},
    }


class ImportRejected(Exception):
    """Apply refused: the file (or the data it meets) is not clean now."""

    def __init__(self, report: ImportReport, message: str) -> None:
        super().__init__(message)
        self.report = report
        self.message = message


@dataclass(frozen=True)
class ChangedEmployee:
    """An employee the import created or changed, for the links on the result page."""

    id: int
    nip: str
    name: str
    created: bool


@dataclass(frozen=True)
class ImportOutcome:
    counts: ImportPlanCounts
    total_rows: int
    changed: tuple[ChangedEmployee, ...] = ()
