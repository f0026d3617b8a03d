"""The evaluation as PDF in the layout of the official form (PermenPANRB 6/2022), rendered by
WeasyPrint from `evaluation/documents/evaluation.html` with the shared print base and
`static/evaluation/evaluation-print.css` (through `kinerja.core.pdf`: nothing fetched).
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from kinerja.core.pdf import PDF_CONTENT_TYPE, PRINT_BASE, pdf_from_html
from kinerja.evaluation.documents.content import EvaluationDocument

STYLESHEET = (
    Path(__file__).resolve().parent.parent / "static" / "evaluation" / "evaluation-print.css"
)
TEMPLATE = "evaluation/documents/evaluation.html"

__all__ = ["PDF_CONTENT_TYPE", "evaluation_pdf_html", "evaluation_pdf_render"]


def evaluation_pdf_html(*, document: EvaluationDocument) -> str:
    return render_to_string(TEMPLATE, {"document": document})


def evaluation_pdf_render(*, document: EvaluationDocument) -> bytes:
    """The PDF bytes of one evaluation."""
    return pdf_from_html(
        html=evaluation_pdf_html(document=document), stylesheets=(PRINT_BASE, STYLESHEET)
    )
