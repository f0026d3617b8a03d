"""Demo evidence: small generated PDFs and links attached to the demo realisations that are
submitted, returned or accepted (made by `demo_realizations`, which runs first).

Evidence is attached before a realisation is submitted, and these realisations are already
past that (some in windows closed for realisations), so the seed acts as the system (actor
None), which the evidence services let past the window and state rule: the file checks,
the storage under unguessable names, the SHA-256 and the audit events are the real ones. The
upload moment is then set back to just before the realisation's submission (a direct update:
dates counted back from the demo's today).

Idempotent: a realisation that already has evidence is skipped. At most `LIMIT` realisations
get evidence, those of the demo logins' plans first, so a 600-employee demo seeds quickly.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR
from kinerja.core.demo import DemoOptions
from kinerja.monitoring.models import Evidence, Realization, RealizationState
from kinerja.monitoring.services.evidence import evidence_add_file, evidence_add_link

LIMIT = 120
STATES = (RealizationState.SUBMITTED, RealizationState.RETURNED, RealizationState.ACCEPTED)


def demo_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a few lines of ASCII text (hand-written, no library)."""
    safe = [
        line.encode("ascii", "replace").replace(b"\\", b"/").replace(b"(", b"[").replace(b")", b"]")
        for line in lines
    ]
    text = b"BT /F1 14 Tf 72 770 Td 18 TL " + b" ".join(b"(%s) '" % line for line in safe) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _pending() -> list[Realization]:
    has_evidence = Evidence.objects.filter(realization_id=OuterRef("pk"))
    demo_login = Case(
        When(
            plan__employee__user__username__in=[DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username],
            then=Value(0),
        ),
        default=Value(1),
        output_field=IntegerField(),
    )
    return list(
        Realization.objects.filter(state__in=STATES)
        .exclude(Exists(has_evidence))
        .select_related("plan__employee", "indicator", "window__period")
        .annotate(demo_login=demo_login)
        .order_by("demo_login", "plan_id", "window__number", "indicator_id")[:LIMIT]
    )


def demo_evidence(options: DemoOptions) -> list[str]:
    files = links = 0
    for index, realization in enumerate(_pending()):
        window = realization.window
        label = f"{window.name} {window.period.year}"
        if index % 3 != 2:
            pdf = demo_pdf(
                [
                    "Laporan realisasi (data demo)",
                    realization.plan.employee.full_name,
                    label,
                    realization.indicator.text[:80],
                ]
            )
            evidence = evidence_add_file(
                actor=None,
                realization=realization,
                upload=ContentFile(pdf, name=f"laporan-{window.number:02d}.pdf"),
                title=f"Laporan {label}",
            )
            files += 1
        else:
            evidence = evidence_add_link(
                actor=None,
                realization=realization,
                link=f"https://arsip.surakarta.go.id/demo/realisasi/{realization.pk}",
                title=f"Arsip kegiatan {label}",
            )
            links += 1
        if realization.submitted_at is not None:
            uploaded = realization.submitted_at - timedelta(hours=2)
            Evidence.objects.filter(pk=evidence.pk).update(created_at=uploaded)
    if not files and not links:
        return []
    return [f"Bukti dukung demo: {files} berkas PDF dan {links} tautan pada realisasi."]
