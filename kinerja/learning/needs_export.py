"""The training-needs analysis as a file: the download is recorded in the audit trail
[training_needs.downloaded], naming the agency, the table, the format and the row count."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.learning.permissions import can_read_needs
from kinerja.learning.selectors.needs import NOT_NEEDS_READER
from kinerja.organization.models import Agency


def training_needs_download_record(
    *, actor: Actor, agency: Agency, table: str, file_format: str, rows: int, year: int
) -> None:
    """Record that `actor` downloaded the analysis of `agency` (`table`: "kebutuhan" or "jp").
    Refused (403) unless `permissions.can_read_needs`."""
    if actor is None or not can_read_needs(actor, agency.pk):
        raise PermissionDenied(NOT_NEEDS_READER)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="training_needs.downloaded",
            obj=agency,
            after={
                "agency_id": agency.pk,
                "year": year,
                "table": table,
                "format": file_format,
                "rows": rows,
            },
        )
