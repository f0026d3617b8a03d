"""The evaluation documents: one evaluation's PDF, and an agency's batch as one ZIP.

- `/penilaian/<id>/pdf/`: whoever may see the evaluation (`evaluation_get_for_actor`: 404 for
  anyone else, and for the employee while it is a draft). One PDF renders in the request
  (about as long as an SKP's: bench/evaluation_pdf.py).
- `/penilaian/dokumen/<agency_id>/`: whoever reads the agency's group picks the group's time,
  sees how many documents it would hold, starts the job and follows their recent jobs.
- `/penilaian/dokumen/unduh/<job_id>/`: the ZIP, only to the job's owner (404 otherwise).
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.core.models import Job
from kinerja.core.selectors import job_get_for_actor
from kinerja.evaluation.documents.batch import documents_zip_chunks, printable_evaluations
from kinerja.evaluation.documents.content import evaluation_document_build
from kinerja.evaluation.documents.pdf import PDF_CONTENT_TYPE, evaluation_pdf_render
from kinerja.evaluation.permissions import can_view_agency_group
from kinerja.evaluation.selectors.common import (
    PERIOD_PARAM,
    SCOPE_PARAM,
    evaluation_get_for_actor,
    scope_choices,
    scope_from_query,
)
from kinerja.evaluation.services.documents import evaluation_documents_start
from kinerja.evaluation.tasks import DOCUMENTS_KIND
from kinerja.organization.models import Agency

RECENT_JOBS = 5
ZIP_CONTENT_TYPE = "application/zip"


@require_GET
def evaluation_pdf(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = evaluation_get_for_actor(actor=request_actor(request), evaluation_id=evaluation_id)
    document = evaluation_document_build(evaluation=evaluation)
    response = HttpResponse(evaluation_pdf_render(document=document), content_type=PDF_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{document.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _agency_for_reader(request: HttpRequest, agency_id: int) -> Agency:
    if not can_view_agency_group(request_actor(request), agency_id):
        raise Http404("Perangkat daerah tidak ditemukan.")
    return get_object_or_404(Agency, pk=agency_id)


@require_http_methods(["GET", "POST"])
@never_cache
def document_batch(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = _agency_for_reader(request, agency_id)
    query = request.POST if request.method == "POST" else request.GET
    errors: list[str] = []
    try:
        scope = scope_from_query(query)
    except ValidationError as error:
        scope, errors = None, error.messages
    if request.method == "POST" and scope is not None:
        try:
            job = evaluation_documents_start(actor=actor, agency=agency, scope=scope)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, f"Pembuatan {job.title} dimulai.")
            url = reverse("evaluation:document_batch", kwargs={"agency_id": agency.pk})
            return redirect(f"{url}?{PERIOD_PARAM}={scope.period.pk}&{SCOPE_PARAM}={scope.param}")
    jobs = list(
        Job.objects.filter(
            owner_id=actor.pk if actor else None,
            kind=DOCUMENTS_KIND,
            result__agency_id=agency.pk,
        ).order_by("-created_at")[:RECENT_JOBS]
    )
    context = {
        "agency": agency,
        "scope": scope,
        "choices": scope_choices(scope.period) if scope else [],
        "count": printable_evaluations(agency_id=agency.pk, scope=scope).count() if scope else 0,
        "jobs": jobs,
        "errors": errors,
        "period_param": PERIOD_PARAM,
        "scope_param": SCOPE_PARAM,
    }
    return render(
        request, "evaluation/documents/batch.html", context, status=400 if errors else 200
    )


@require_GET
def document_batch_download(request: HttpRequest, job_id: UUID) -> StreamingHttpResponse:
    job = job_get_for_actor(actor=request_actor(request), job_id=job_id)
    name = (job.result or {}).get("stored_name")
    if job.kind != DOCUMENTS_KIND or job.status != Job.Status.SUCCEEDED or not name:
        raise Http404
    response = StreamingHttpResponse(documents_zip_chunks(name), content_type=ZIP_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="dokumen-penilaian-{job.pk}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response
