"""The SKP as PDF in the layout of the official form (PermenPANRB 6/2022), rendered by
WeasyPrint from `planning/documents/skp.html` with the print stylesheet
`static/planning/skp-print.css`.

The template is never served to a browser, so the content-security policy of pages does not
apply; its styles still live in a file, read once per process.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kinerja.planning.documents import content
from kinerja.planning.selectors import PlanDocument

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "planning" / "skp-print.css"
TEMPLATE = "planning/documents/skp.html"
PDF_CONTENT_TYPE = "application/pdf"


def plan_pdf_context(*, document: PlanDocument, today: date | None = None) -> dict[str, Any]:
    """Everything the template prints, computed here so the template only places it."""
    plan = document.plan
    head_form = content.is_head_form(document)
    unit = ", ".join(part for part in (document.unit_name, document.agency_name) if part)
    return {
        "document": document,
        "plan": plan,
        "government": content.government_name(),
        "period": content.period_text(plan),
        "approach": content.approach_text(plan),
        "audience": content.form_audience(document),
        "notice": content.state_notice(plan),
        "version": content.version_text(plan),
        "signature_line": content.signature_line(plan, today=today),
        "employee_grade": content.grade_text(document.employee_grade),
        "appraiser_grade": content.grade_text(document.appraiser_grade),
        "employee_unit": unit,
        "appraiser_unit": (
            content.government_name() if plan.appraiser_is_mayor else document.agency_name
        ),
        "head_form": head_form,
        "result_columns": 7 if head_form else 6,
        "groups": [
            {"title": _("A. Utama"), "blocks": content.result_blocks(document.main)},
            {"title": _("B. Tambahan"), "blocks": content.result_blocks(document.additional)},
        ],
    }


def plan_pdf_html(*, document: PlanDocument, today: date | None = None) -> str:
    return render_to_string(TEMPLATE, plan_pdf_context(document=document, today=today))


@lru_cache(maxsize=1)
def _stylesheet() -> Any:
    from weasyprint import CSS

    return CSS(filename=str(STYLESHEET))


def plan_pdf_render(*, document: PlanDocument, today: date | None = None) -> bytes:
    """The PDF bytes of one SKP. Nothing is fetched, neither from the network nor from disk:
    the template links no resource, text people typed is escaped by the template engine, and
    WeasyPrint's fetcher allows no protocol at all, should markup ever slip through."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = plan_pdf_html(document=document, today=today)
    nothing = URLFetcher(allowed_protocols=())
    pdf: bytes = HTML(string=html, url_fetcher=nothing).write_pdf(stylesheets=[_stylesheet()])
    return pdf
