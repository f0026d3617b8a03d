"""The QR poster of a service unit: a printable A4 page with the city, the unit, the question,
a large QR code (segno, error correction M, inline SVG) of the form's absolute address, the
address in large type and "Tanpa login, 2 menit"."""

from __future__ import annotations

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from kinerja.organization.models import ServiceUnit
from kinerja.surveys.documents.pdf import pdf_render

QUESTION = "Bagaimana pelayanan kami hari ini?"


def qr_svg(url: str) -> SafeString:
    """The QR code of `url` as inline SVG scaled to its box (error correction M)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=10, border=2, dark="#000", light="#fff", omitsize=True)
    # segno writes only path data computed from the URL's bits; no text of ours is in it.
    return mark_safe(svg)  # noqa: S308


def short_url(url: str) -> str:
    """The address as people type it: without the scheme and the trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def poster_pdf_render(*, service_unit: ServiceUnit, form_url: str) -> bytes:
    context = {
        "government": f"Pemerintah {settings.KINERJA_CITY_NAME}",
        "service_unit": service_unit,
        "agency_name": service_unit.unit.agency.name,
        "question": QUESTION,
        "qr": qr_svg(form_url),
        "short_url": short_url(form_url),
    }
    return pdf_render(template="poster.html", stylesheet="poster.css", context=context)
