"""PDF rendering of the survey documents: a template and its print stylesheet (next to it in
`templates/surveys/documents/`) through `kinerja.core.pdf`, with nothing fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from kinerja.core.pdf import pdf_from_html

DOCUMENTS = Path(__file__).resolve().parent.parent / "templates" / "surveys" / "documents"


def pdf_render(*, template: str, stylesheet: str, context: dict[str, Any]) -> bytes:
    """The PDF of `template` (under surveys/documents/) with `stylesheet` beside it, through
    `kinerja.core.pdf` (nothing fetched)."""
    html = render_to_string(f"surveys/documents/{template}", context)
    return pdf_from_html(html=html, stylesheets=(DOCUMENTS / stylesheet,))
