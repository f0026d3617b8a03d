"""The design system's template tags and filters: icons, badges, breadcrumbs and formats.

Load with `{% load kinerja_ui %}`. Formats come from `kinerja.scoring.formatting` and
`kinerja.scoring.nip`, so a number, a date or a NIP reads the same in a page, a PDF and the
scoring core's own messages. See docs/interface.md for each component.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from heroicons.templatetags.heroicons import heroicon_outline

from kinerja.core.status_tones import TONES, state_tone
from kinerja.scoring.formatting import format_date_id, format_decimal, format_percent
from kinerja.scoring.nip import format_nip

register = template.Library()


@register.simple_tag
def icon(name: str, label: str = "", size: int = 20) -> SafeString:
    """An outline Heroicon as inline SVG; decorative unless it has a `label` for screen readers."""
    return _icon_svg(str(name), str(label), int(size))


@functools.lru_cache(maxsize=256)
def _icon_svg(name: str, label: str, size: int) -> SafeString:
    # The same few icons appear on every page: parse and serialise each one once per process.
    # An unknown name raises (heroicons.IconDoesNotExist): a typo must not hide an icon.
    attrs: dict[str, object] = {"class": "icon", "focusable": "false"}
    if label:  # the package's SVG says aria-hidden="true"; a labelled icon must be announced
        attrs.update({"role": "img", "aria-label": label, "aria-hidden": "false"})
    return mark_safe(heroicon_outline(name, size=size, **attrs))  # noqa: S308 - package SVG, attributes escaped by ElementTree


@register.simple_tag
def badge(label: str, tone: str = "neutral") -> SafeString:
    """A status badge with a tone from `status_tones.TONES` (neutral, info, success, …)."""
    chosen = TONES.get(tone, TONES["neutral"])
    return _badge(label, chosen.css, chosen.icon)


@register.simple_tag
def status_badge(state: Any, label: str = "") -> SafeString:
    """The badge of a stored state code (plan, rating, predikat, job); pass the model's label."""
    chosen, default_label = state_tone(str(state))
    return _badge(label or default_label, chosen.css, chosen.icon)


def _badge(label: str, css: str, icon_name: str) -> SafeString:
    glyph = icon(icon_name, size=16) if icon_name else ""
    return format_html('<span class="k-badge k-badge-{}">{}{}</span>', css, glyph, label)


@register.simple_tag
def crumbs(*parts: Any) -> list[tuple[str, str]]:
    """Breadcrumb trail from alternating label and URL (a path or a URL name without arguments).

    `{% crumbs "Perangkat daerah" "organization:agency_list" as trail %}` — the current page is
    the page header's title, so it is not passed here.
    """
    if len(parts) % 2:
        raise template.TemplateSyntaxError("crumbs: label dan URL harus berpasangan")
    trail = []
    for label, target in zip(parts[::2], parts[1::2], strict=True):
        url = str(target)
        if not url.startswith("/"):
            try:
                url = reverse(url)
            except NoReverseMatch as error:
                raise template.TemplateSyntaxError(f"crumbs: URL {url!r} tidak dikenal") from error
        trail.append((str(label), url))
    return trail


@register.filter
def nip_grouped(value: Any, employment_type: str | None = None) -> str:
    """NIP as printed on ID cards: `199001152015031002` → `19900115 201503 1 002`; a value that
    is not a NIP is shown as stored. Python code calls it too (documents, tree, matrix)."""
    text = "" if value is None else str(value)
    try:
        return format_nip(text, employment_type or None)
    except ValueError:
        return text


@register.filter
def date_id(value: Any) -> str:
    """A date in running text: `1 Desember 2026` (datetimes in Asia/Jakarta)."""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return format_date_id(value)
    return "" if value is None else str(value)


@register.filter
def datetime_id(value: Any, precision: str = "") -> str:
    """A moment: `1 Desember 2026 pukul 14.05`, or with `:"detik"` `… pukul 14.05.09` (WIB)."""
    if not isinstance(value, datetime):
        return date_id(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    clock = f"{local:%H.%M.%S}" if precision == "detik" else f"{local:%H.%M}"
    return f"{format_date_id(local.date())} pukul {clock}"


def _exact(value: Any) -> Decimal | Fraction | int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal | Fraction):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def number_id(value: Any, places: int = 2) -> str:
    """A number with a thousands dot and a decimal comma: `1234.5` → `1.234,50`."""
    exact = _exact(value)
    if exact is None:
        return "" if value is None else str(value)
    return format_decimal(exact, int(places))


@register.filter
def count_id(value: Any) -> str:
    """A whole count with a thousands dot: `100000` → `100.000`."""
    return number_id(value, 0)


@register.filter
def percent_id(value: Any, places: int = 2) -> str:
    """A share between 0 and 1 as a percentage: `0.8` → `80,00%`."""
    exact = _exact(value)
    if exact is None:
        return "" if value is None else str(value)
    return format_percent(exact, int(places))


@register.filter
def sentence_end(value: Any) -> str:
    """Close a sentence that ends with a name: no second period after a title like `S.Kom.`."""
    text = "" if value is None else str(value).rstrip()
    if not text or text.endswith((".", "!", "?")):
        return text
    return f"{text}."


@register.simple_tag
def definition_rows(*pairs: Any) -> SafeString:
    """`<div><dt>…</dt><dd>…</dd></div>` rows from alternating term and value (values escaped)."""
    if len(pairs) % 2:
        raise template.TemplateSyntaxError("definition_rows: istilah dan nilai harus berpasangan")
    rows = zip(pairs[::2], pairs[1::2], strict=True)
    return format_html_join(
        "",
        "<div><dt>{}</dt><dd>{}</dd></div>",
        ((t, v if v not in (None, "") else "—") for t, v in rows),
    )


@register.filter
def field_error(error: Any, label: Any) -> str:
    """An error that names its field: `Isian ini wajib diisi.` → `Golongan: isian ini …`."""
    text, name = str(error), str(label or "")
    # Our own messages already name the field (house rule); only Django's generic ones do not.
    if not name or name.lower() in text.lower():
        return text
    return f"{name}: {text[:1].lower()}{text[1:]}"


@register.filter
def filters_active(form: Any) -> int:
    """How many visible filters of a bound filter form hold a value (shown on "Saring")."""
    if not getattr(form, "is_bound", False):
        return 0
    return sum(1 for field in form.visible_fields() if field.value() not in (None, "", []))
