"""PDF from HTML through WeasyPrint, the one way every official document is rendered (SKP,
evaluation, survey report and poster): nothing is fetched, neither from the network nor from
disk (the fetcher allows no protocol: text people typed is escaped by the template engine, and
should markup ever slip through it loads nothing), and each stylesheet file is parsed once per
process. `PRINT_BASE` holds what the official forms share: the running title and the page
numbers in the footer, the font."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

PDF_CONTENT_TYPE = "application/pdf"
PRINT_BASE = Path(__file__).resolve().parent.parent / "static" / "kinerja" / "print-base.css"


@lru_cache(maxsize=16)
def _stylesheet(path: Path) -> Any:
    from weasyprint import CSS

    return CSS(filename=str(path))


def pdf_from_html(*, html: str, stylesheets: Sequence[Path]) -> bytes:
    """The PDF bytes of `html` styled by `stylesheets` (files, in cascade order)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    nothing = URLFetcher(allowed_protocols=())
    pdf: bytes = HTML(string=html, url_fetcher=nothing).write_pdf(
        stylesheets=[_stylesheet(Path(path)) for path in stylesheets]
    )
    return pdf
