"""Importing an agency's organisation goals (Perjanjian Kinerja) and their indicators from an
XLSX or CSV file, with the row error report of the employee import (`kinerja.people.imports`).

One row per indicator (IKU); the goal's number, statement and perspective repeat on each of its
rows. The whole file is checked (`goal_import_validate`: every bad row with its row number,
column, value and an Indonesian reason, through the same rules the goal forms use); a file with
any error saves nothing; a clean file is saved in one transaction (`goal_import_apply`) with
one audit event. Both run in one background job (`goal_import_start`) with progress.
"""

from kinerja.planning.goal_import.apply import goal_import_apply
from kinerja.planning.goal_import.columns import COLUMNS, HEADER
from kinerja.planning.goal_import.tasks import GOAL_IMPORT_KIND, goal_import_start
from kinerja.planning.goal_import.templates import goal_import_template_xlsx
from kinerja.planning.goal_import.validation import GoalImportReport, goal_import_validate

__all__ = [
    "COLUMNS",
    "GOAL_IMPORT_KIND",
    "HEADER",
    "GoalImportReport",
    "goal_import_apply",
    "goal_import_start",
    "goal_import_template_xlsx",
    "goal_import_validate",
]
