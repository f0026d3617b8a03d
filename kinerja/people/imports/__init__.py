"""Importing employees, positions and assignments from a CSV or XLSX file, keyed by NIP.

Three steps, each usable on its own (the tasks in `tasks` chain them):

1. `import_table_read` (files) turns the uploaded bytes into rows through the one bounded
   spreadsheet reader, `kinerja.scoring.spreadsheet`.
2. `employee_import_validate` (validation) checks the whole file at once and returns an
   `ImportReport` (report): every bad row with its row number (as the spreadsheet shows it,
   header = row 1), column, value and an Indonesian reason (rows: one row at a time, through
   `kinerja.people.identity`; plan: across rows and against the data fetched in bulk by
   reference); and, for a clean file, the plan of what applying would change. A fixed handful
   of queries whatever the size of the file.
3. `employee_import_apply` (apply) re-validates inside one transaction, refuses if anything is
   wrong now, and writes the plan with bulk queries and one audit event. Importing the same
   file again changes nothing.

Around them: columns (the template's columns and cell parsing), templates (the downloadable
XLSX/CSV), access (who may import), tasks (jobs and the upload purge), views and urls.
"""

from kinerja.people.imports.access import IMPORT_REFUSED, can_import_employees
from kinerja.people.imports.apply import MAX_AUDITED_NIPS, employee_import_apply
from kinerja.people.imports.columns import COLUMNS, HEADER, ImportColumn
from kinerja.people.imports.files import (
    ALLOWED_SUFFIXES,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    ImportFile,
    ImportFileError,
    import_file_problem,
    import_file_store,
    import_storage_dir,
    import_table_read,
    import_uploads_purge,
)
from kinerja.people.imports.report import (
    MAX_STORED_ERRORS,
    ImportOutcome,
    ImportPlanCounts,
    ImportRejected,
    ImportReport,
    RowError,
)
from kinerja.people.imports.templates import (
    import_errors_csv,
    import_template_csv,
    import_template_examples,
    import_template_xlsx,
)
from kinerja.people.imports.validation import employee_import_validate

__all__ = [
    "ALLOWED_SUFFIXES",
    "COLUMNS",
    "HEADER",
    "IMPORT_REFUSED",
    "MAX_AUDITED_NIPS",
    "MAX_ROWS",
    "MAX_STORED_ERRORS",
    "MAX_UPLOAD_BYTES",
    "ImportColumn",
    "ImportFile",
    "ImportFileError",
    "ImportOutcome",
    "ImportPlanCounts",
    "ImportRejected",
    "ImportReport",
    "RowError",
    "can_import_employees",
    "employee_import_apply",
    "employee_import_validate",
    "import_errors_csv",
    "import_file_problem",
    "import_file_store",
    "import_storage_dir",
    "import_table_read",
    "import_template_csv",
    "import_template_examples",
    "import_template_xlsx",
    "import_uploads_purge",
]
