"""The decision letter as PDF, rendered by WeasyPrint from `appeals/letter/letter.html` with the
shared print base and `static/appeals/letter-print.css` (through `kinerja.core.pdf`: nothing
fetched)."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from kinerja.appeals.documents.content import ObjectionLetter
from kinerja.core.pdf import PDF_CONTENT_TYPE, PRINT_BASE, pdf_from_html

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "appeals" / "letter-print.css"
TEMPLATE = "appeals/letter/letter.html"

__all__ = ["PDF_CONTENT_TYPE", "objection_letter_html", "objection_letter_render"]


def objection_letter_html(*, document: ObjectionLetter) -> str:
    return render_to_string(TEMPLATE, {"document": document})


def objection_letter_render(*, document: ObjectionLetter) -> bytes:
    """The PDF bytes of one decision letter."""
    return pdf_from_html(
        html=objection_letter_html(document=document), stylesheets=(PRINT_BASE, STYLESHEET)
    )
