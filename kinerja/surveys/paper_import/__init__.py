"""Importing paper survey answers (formulir kertas) of a service unit from an XLSX or CSV file,
with the row error report of the employee import (`kinerja.people.imports`).

One row per paper form. The file is read by the one bounded spreadsheet reader
(`kinerja.scoring.spreadsheet`, through `people.imports.import_table_read`, with its row and
size limits); element columns are matched by code or name (`kinerja.scoring.survey_rows`),
never by position, since the paper form asks U9 before U8. Every row goes through
`kinerja.surveys.rules.response_clean`, the one rule of every entrance, so a bad cell gets the
sentence the public form gives. A file with any bad row saves nothing; a clean file is saved
with bulk queries, channel PAPER and the job as `import_job`, and one audit event
[survey_response.imported]. Both run in one background job (`paper_import_start`).
"""

from kinerja.surveys.paper_import.apply import PaperImportRejected, paper_import_apply
from kinerja.surveys.paper_import.columns import PAPER_ORDER, element_header, paper_columns
from kinerja.surveys.paper_import.tasks import PAPER_IMPORT_KIND, paper_import_start
from kinerja.surveys.paper_import.templates import paper_import_template_xlsx
from kinerja.surveys.paper_import.validation import (
    PAPER_IMPORT_REFUSED,
    PaperImportReport,
    paper_import_validate,
)

__all__ = [
    "PAPER_IMPORT_KIND",
    "PAPER_IMPORT_REFUSED",
    "PAPER_ORDER",
    "PaperImportRejected",
    "PaperImportReport",
    "element_header",
    "paper_columns",
    "paper_import_apply",
    "paper_import_start",
    "paper_import_template_xlsx",
    "paper_import_validate",
]
