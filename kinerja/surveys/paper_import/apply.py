"""`paper_import_apply`: store the responses of a clean checked file in one transaction."""

from __future__ import annotations

from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import Channel, SurveyResponse
from kinerja.surveys.paper_import.validation import PAPER_IMPORT_REFUSED, PaperImportReport
from kinerja.surveys.permissions import can_import_paper

BATCH_SIZE = 1000
"""Rows per INSERT (SQLite allows 999 variables per statement in old builds; Django splits)."""


class PaperImportRejected(Exception):
    """The file is not clean; nothing was saved."""

    def __init__(self, report: PaperImportReport) -> None:
        super().__init__("Berkas berisi kesalahan; tidak ada yang disimpan.")
        self.report = report


def paper_import_apply(
    *,
    actor: Actor,
    service_unit: ServiceUnit,
    report: PaperImportReport,
    file_name: str,
    sha256: str = "",
    job_id: UUID | str | None = None,
) -> int:
    """Create every response of a clean report (channel PAPER, `import_job` set) with bulk
    queries and one audit event [survey_response.imported]; returns how many. A report with
    any error raises PaperImportRejected: all or nothing."""
    require(can_import_paper(actor, service_unit), PAPER_IMPORT_REFUSED)
    if not report.is_clean:
        raise PaperImportRejected(report)
    now = timezone.now()
    responses = [
        SurveyResponse(
            service_unit=service_unit,
            survey_date=planned.survey_date,
            submitted_at=now,
            channel=Channel.PAPER,
            import_job_id=job_id,
            **planned.clean.fields(),
        )
        for planned in report.responses
    ]
    with transaction.atomic():
        SurveyResponse.objects.bulk_create(responses, batch_size=BATCH_SIZE)
        audit_record(
            actor=actor,
            action="survey_response.imported",
            obj=service_unit,
            after={
                "file_name": file_name,
                "sha256": sha256,
                "rows": len(responses),
                "job": str(job_id or ""),
            },
        )
    return len(responses)
