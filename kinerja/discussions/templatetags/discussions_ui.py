"""Template tags of the discussion fragments: `{% load discussions_ui %}`."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.discussions.versions import DiffLine, diff_counts
from kinerja.scoring.formatting import format_decimal

register = template.Library()


@register.simple_tag
def diff_summary(diff: list[DiffLine]) -> str:
    """ "2 baris ditambahkan, 1 baris dihapus." or "Tidak ada perubahan." """
    added, removed = diff_counts(diff)
    if not added and not removed:
        return _("Tidak ada perubahan.")
    parts = []
    if added:
        parts.append(
            ngettext("%(n)s baris ditambahkan", "%(n)s baris ditambahkan", added)
            % {"n": format_decimal(added, 0)}
        )
    if removed:
        parts.append(
            ngettext("%(n)s baris dihapus", "%(n)s baris dihapus", removed)
            % {"n": format_decimal(removed, 0)}
        )
    return ", ".join(parts) + "."
