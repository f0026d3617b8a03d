"""The SKP as PDF in the layout of the official form (PermenPANRB 6/2022), rendered by
WeasyPrint from `planning/documents/skp.html` with the print stylesheet
`static/planning/skp-print.css`.

The template is never served to a browser, so the content-security policy of pages does not
apply; its styles still live in a file, read once per process.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kinerja.core.pdf import PDF_CONTENT_TYPE, PRINT_BASE, pdf_from_html
from kinerja.planning.documents import content
from kinerja.planning.selectors import PlanDocument

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "planning" / "skp-print.css"
TEMPLATE = "planning/documents/skp.html"

__all__ = ["PDF_CONTENT_TYPE", "plan_pdf_context", "plan_pdf_html", "plan_pdf_render"]


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


def plan_pdf_render(*, document: PlanDocument, today: date | None = None) -> bytes:
    """The PDF bytes of one SKP (through `kinerja.core.pdf`: nothing fetched)."""
    html = plan_pdf_html(document=document, today=today)
    return pdf_from_html(html=html, stylesheets=(PRINT_BASE, STYLESHEET))
