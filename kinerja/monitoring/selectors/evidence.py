"""Reading evidence: one item by its token, the items of a realisation or of a whole plan, each
for an actor who may see the plan (`kinerja.monitoring.permissions.can_view_realizations`),
404 for anyone else — whether the token exists is private too.

Items come as `EvidenceItem`: the row with what the pages and the API show (size for people,
short hash, download and remove addresses, the integrity warning). A list costs the same
queries at any size: the rows in one, the hashes found by integrity checks in one more, only
when an item of the list was found altered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.monitoring.evidence.content import size_text
from kinerja.monitoring.evidence.integrity import altered_hashes
from kinerja.monitoring.models import Evidence, EvidenceKind, Realization
from kinerja.monitoring.permissions import can_view_realizations
from kinerja.planning.models import PerformancePlan

NOT_FOUND = "Bukti dukung tidak ditemukan."
TOKEN_MAX = 40

EVIDENCE_RELATED = (
    "plan__position",
    "plan__period",
    "plan__employee",
    "realization__window__period",
    "realization__indicator",
)


@dataclass(frozen=True)
class EvidenceItem:
    evidence: Evidence
    altered_sha256: str | None
    """The hash found when the file was last found altered ("" when it was missing); None when
    it was never found altered."""

    @property
    def is_file(self) -> bool:
        return self.evidence.kind == EvidenceKind.FILE

    @property
    def name(self) -> str:
        e = self.evidence
        return e.title or e.original_name or e.link

    @property
    def size_text(self) -> str:
        return size_text(self.evidence.size) if self.is_file else ""

    @property
    def sha256_short(self) -> str:
        return self.evidence.sha256[:12]

    @property
    def type_label(self) -> str:
        if not self.is_file:
            return "Tautan"
        return type_label(self.evidence.content_type)

    @property
    def download_url(self) -> str:
        if not self.is_file:
            return self.evidence.link
        return reverse("monitoring:evidence_download", kwargs={"token": self.evidence.token})

    @property
    def remove_url(self) -> str:
        return reverse("monitoring:evidence_remove", kwargs={"token": self.evidence.token})

    @property
    def altered(self) -> bool:
        return self.evidence.altered_at is not None

    @property
    def integrity_text(self) -> str:
        """The warning of an altered file, or how it stands."""
        e = self.evidence
        if not self.is_file:
            return ""
        if e.altered_at is not None:
            found = self.altered_sha256
            now = found if found else "berkas tidak ditemukan di penyimpanan"
            return f"Berkas berubah sejak diunggah: SHA-256 tersimpan {e.sha256}, sekarang {now}."
        if e.checked_at is not None:
            return "Utuh: isi berkas sama dengan saat diunggah."
        return "Belum diperiksa ulang sejak diunggah."


TYPE_LABELS = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/webp": "WebP",
    "image/gif": "GIF",
    "text/plain": "Teks",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (docx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (xlsx)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        "PowerPoint (pptx)"
    ),
    "application/vnd.oasis.opendocument.text": "OpenDocument (odt)",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument (ods)",
    "application/vnd.oasis.opendocument.presentation": "OpenDocument (odp)",
    "application/msword": "Word (doc)",
    "application/vnd.ms-excel": "Excel (xls)",
    "application/vnd.ms-powerpoint": "PowerPoint (ppt)",
    "application/vnd.ms-office": "Office (lama)",
}


def type_label(content_type: str) -> str:
    return TYPE_LABELS.get(content_type, content_type or "Berkas")


def evidence_queryset() -> QuerySet[Evidence]:
    return Evidence.objects.select_related(*EVIDENCE_RELATED)


def evidence_items(rows: Iterable[Evidence]) -> list[EvidenceItem]:
    rows = list(rows)
    found = altered_hashes(e.pk for e in rows if e.altered_at is not None)
    return [EvidenceItem(evidence=e, altered_sha256=found.get(e.pk)) for e in rows]


def evidence_get_for_actor(*, actor: Actor, token: str) -> Evidence:
    """The evidence of `token`, with its plan and realisation; 404 unless the actor may see
    the plan (a token that does not exist answers the same)."""
    evidence = None
    if 0 < len(token) <= TOKEN_MAX:
        evidence = evidence_queryset().filter(token=token).first()
    if evidence is None or not can_view_realizations(actor, evidence.plan):
        raise Http404(NOT_FOUND)
    return evidence


def evidence_item_get_for_actor(*, actor: Actor, token: str) -> EvidenceItem:
    return evidence_items([evidence_get_for_actor(actor=actor, token=token)])[0]


def evidence_realization_get_for_actor(*, actor: Actor, realization_id: int) -> Realization:
    """A realisation with its plan and window, for the evidence pages and API; 404 unless the
    actor may see the plan."""
    realization = (
        Realization.objects.select_related(
            "plan__position", "plan__period", "plan__employee", "window__period", "indicator"
        )
        .filter(pk=realization_id)
        .first()
    )
    if realization is None or not can_view_realizations(actor, realization.plan):
        raise Http404("Realisasi tidak ditemukan.")
    return realization


def evidence_list_for_realization(*, actor: Actor, realization: Realization) -> list[EvidenceItem]:
    """The evidence of a realisation, oldest first; 404 unless the actor may see the plan."""
    if not can_view_realizations(actor, realization.plan):
        raise Http404("Realisasi tidak ditemukan.")
    rows = Evidence.objects.filter(realization_id=realization.pk).order_by("created_at", "pk")
    return evidence_items(rows)


def evidence_by_realization_for_plan(
    *, actor: Actor, plan: PerformancePlan, realization_ids: Iterable[int] | None = None
) -> dict[int, list[EvidenceItem]]:
    """The evidence of a plan's realisations (all, or those of `realization_ids`), by
    realisation id, in at most two queries (plus the plan's view check); 404 unless the actor
    may see the plan."""
    if not can_view_realizations(actor, plan):
        raise Http404("SKP tidak ditemukan.")
    rows = Evidence.objects.filter(plan_id=plan.pk).order_by("created_at", "pk")
    if realization_ids is not None:
        rows = rows.filter(realization_id__in=list(realization_ids))
    grouped: dict[int, list[EvidenceItem]] = defaultdict(list)
    for item in evidence_items(rows):
        grouped[item.evidence.realization_id].append(item)
    return dict(grouped)
