"""The evaluation documents of an agency's group as one ZIP, made in the background: the start
service authorises and checks there is something to print; `kinerja.evaluation.tasks` renders.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.core.jobs import job_create, job_start
from kinerja.core.models import Job
from kinerja.evaluation.documents.batch import printable_evaluations
from kinerja.evaluation.permissions import NOT_AGENCY_READER, can_view_agency_group
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import SCOPE_PARAM
from kinerja.evaluation.tasks import DOCUMENTS_KIND, evaluation_documents_task
from kinerja.organization.models import Agency


def evaluation_documents_start(*, actor: Actor, agency: Agency, scope: Scope) -> Job:
    """Start making one PDF per rated evaluation of the agency's group, in one ZIP; returns
    the Job to follow. Refused to whoever may not see the group, and for a group with no rated
    or acknowledged evaluation yet."""
    require(can_view_agency_group(actor, agency.pk), NOT_AGENCY_READER)
    count = printable_evaluations(agency_id=agency.pk, scope=scope).count()
    if count == 0:
        raise ValidationError(
            {
                SCOPE_PARAM: [
                    f"Belum ada penilaian {scope.label} di {agency.name} yang sudah ditetapkan; "
                    "dokumen dibuat untuk penilaian yang ditetapkan atau diterima pegawai."
                ]
            }
        )
    target = {
        "agency_id": agency.pk,
        "period_id": scope.period.pk,
        "window_id": scope.window_id,
        "count": count,
    }
    with transaction.atomic():
        job = job_create(
            owner=actor,
            kind=DOCUMENTS_KIND,
            title=f"Dokumen penilaian {agency.name} {scope.label}",
            result=target,
        )
        audit_record(actor=actor, action="evaluation_documents.started", obj=job, after=target)
    return job_start(
        job=job,
        task=evaluation_documents_task,
        actor_id=actor.pk if actor else None,
        agency_id=agency.pk,
        period_id=scope.period.pk,
        window_id=scope.window_id,
    )
