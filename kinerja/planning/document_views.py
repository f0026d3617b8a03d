"""The SKP to download: PDF in the official layout and XLSX with the same content.

Whoever may see the plan may download it (`plan_get_for_actor`: 404 for anyone else, so a
plan's existence is not revealed). One PDF renders in the request, not in a task: about 0.3 s of
CPU for a plan of five results and 0.65 s for twenty (bench/skp_pdf.py), under the one-second
rule for requests; batches of PDFs (a whole agency) belong in a task.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.core.exports import XLSX_CONTENT_TYPE
from kinerja.planning.documents.content import file_name
from kinerja.planning.documents.pdf import PDF_CONTENT_TYPE, plan_pdf_render
from kinerja.planning.documents.xlsx import plan_xlsx_render
from kinerja.planning.selectors import plan_document_build, plan_get_for_actor


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def plan_pdf(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
    document = plan_document_build(plan=plan)
    return _download(plan_pdf_render(document=document), PDF_CONTENT_TYPE, file_name(plan, "pdf"))


@require_GET
def plan_xlsx(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
    document = plan_document_build(plan=plan)
    return _download(
        plan_xlsx_render(document=document), XLSX_CONTENT_TYPE, file_name(plan, "xlsx")
    )
