"""Template filters of the SKM report pages."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from kinerja.core.templatetags.kinerja_ui import badge
from kinerja.surveys.report_index import GRADE_TONES

register = template.Library()


@register.simple_tag
def grade_badge(grade: str, label: str = "") -> SafeString | str:
    """The badge of an IKM grade: "A Sangat Baik" (never colour alone); "-" without a grade."""
    if not grade:
        return "-"
    return badge(f"{grade} {label}".strip(), GRADE_TONES.get(grade, "neutral"))
