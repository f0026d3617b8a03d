"""PDF rendering of the survey documents: a template and its print stylesheet (next to it in
`templates/surveys/documents/`) through WeasyPrint, with nothing fetched from anywhere (the
house pattern of `kinerja/planning/documents/pdf.py`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

DOCUMENTS = Path(__file__).resolve().parent.parent / "templates" / "surveys" / "documents"


@lru_cache(maxsize=4)
def _stylesheet(name: str) -> Any:
    from weasyprint import CSS

    return CSS(filename=str(DOCUMENTS / name))


def pdf_render(*, template: str, stylesheet: str, context: dict[str, Any]) -> bytes:
    """The PDF of `template` (under surveys/documents/) with `stylesheet`. Text people typed is
    escaped by the template engine; WeasyPrint's fetcher allows no protocol at all."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(f"surveys/documents/{template}", context)
    nothing = URLFetcher(allowed_protocols=())
    pdf: bytes = HTML(string=html, url_fetcher=nothing).write_pdf(
        stylesheets=[_stylesheet(stylesheet)]
    )
    return pdf
