"""The evaluation as PDF in the layout of the official form (PermenPANRB 6/2022), rendered by
WeasyPrint from `evaluation/documents/evaluation.html` with the print stylesheet
`static/evaluation/evaluation-print.css` (the SKP document's pattern: no network, no disk).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from kinerja.evaluation.documents.content import EvaluationDocument

STYLESHEET = (
    Path(__file__).resolve().parent.parent / "static" / "evaluation" / "evaluation-print.css"
)
TEMPLATE = "evaluation/documents/evaluation.html"
PDF_CONTENT_TYPE = "application/pdf"


def evaluation_pdf_html(*, document: EvaluationDocument) -> str:
    return render_to_string(TEMPLATE, {"document": document})


@lru_cache(maxsize=1)
def _stylesheet() -> Any:
    from weasyprint import CSS

    return CSS(filename=str(STYLESHEET))


def evaluation_pdf_render(*, document: EvaluationDocument) -> bytes:
    """The PDF bytes of one evaluation. Nothing is fetched: the template links no resource,
    text people typed is escaped by the template engine, and WeasyPrint's fetcher allows no
    protocol at all."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    nothing = URLFetcher(allowed_protocols=())
    html = evaluation_pdf_html(document=document)
    pdf: bytes = HTML(string=html, url_fetcher=nothing).write_pdf(stylesheets=[_stylesheet()])
    return pdf
