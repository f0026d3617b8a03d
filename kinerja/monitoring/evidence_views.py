"""Evidence pages: download (`/bukti/<token>/`), add to a realisation
(`/bukti/tambah/<realisation id>/`), remove (`/bukti/<token>/hapus/`, GET confirms).

Download, in this order: 404 unless the actor may see the plan (also for a token that does not
exist); the stored bytes are checked against their SHA-256 (`evidence_verify`); then the file is
streamed from the storage with the type found in its content, `X-Content-Type-Options: nosniff`,
`Cache-Control: private, no-store`, and a cleaned file name; inline only for PDF and images.

A file found altered is still served to those allowed to see the plan (it is evidence of what
happened, and the auditor needs it), but only as an attachment of type
`application/octet-stream`, never inline, with the header `X-Evidence-Altered` giving the hash
found; the pages show the warning. A file missing from the storage answers 404 and is flagged.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.monitoring.evidence.content import clean_name, name_extension
from kinerja.monitoring.evidence.integrity import altered_hashes, evidence_verify
from kinerja.monitoring.evidence.storage import stored_file_open
from kinerja.monitoring.models import Evidence, EvidenceKind, Realization
from kinerja.monitoring.permissions import realization_write_refusal
from kinerja.monitoring.selectors.evidence import (
    evidence_get_for_actor,
    evidence_list_for_realization,
    evidence_realization_get_for_actor,
    type_label,
)
from kinerja.monitoring.services import evidence as services

INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif"})
MAIN_EXTENSION = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
    "text/plain": "txt",
    "text/csv": "csv",
}


def realization_url(realization: Realization) -> str:
    return reverse(
        "monitoring:realization_edit",
        kwargs={
            "plan_id": realization.plan_id,
            "window_id": realization.window_id,
            "indicator_id": realization.indicator_id,
        },
    )


def download_name(evidence: Evidence) -> str:
    """The name the browser saves: the cleaned original name, given the extension of its
    content when it has none."""
    name = clean_name(evidence.original_name or evidence.title or "bukti")
    extension = MAIN_EXTENSION.get(evidence.content_type, "")
    if extension and not name_extension(name):
        name = f"{name}.{extension}"
    return name


@require_GET
def evidence_download(request: HttpRequest, token: str) -> HttpResponseBase:
    actor = request_actor(request)
    evidence = evidence_get_for_actor(actor=actor, token=token)
    if evidence.kind == EvidenceKind.LINK:
        return HttpResponseRedirect(evidence.link)
    intact = evidence_verify(evidence)
    try:
        stored = stored_file_open(evidence.stored_name)
    except OSError as error:
        raise Http404("Berkas bukti dukung tidak ditemukan di penyimpanan.") from error
    content_type = evidence.content_type if intact else "application/octet-stream"
    if content_type.startswith("text/"):
        content_type = f"{content_type}; charset=utf-8"
    response = FileResponse(
        stored,
        as_attachment=not (intact and evidence.content_type in INLINE_TYPES),
        filename=download_name(evidence),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    if not intact:
        response["X-Evidence-Altered"] = f"sha256={evidence_found_hash(evidence)}"
    return response


def evidence_found_hash(evidence: Evidence) -> str:
    return altered_hashes([evidence.pk]).get(evidence.pk, "") or "hilang"


def _write_refusal(request: HttpRequest, realization: Realization) -> str | None:
    return realization_write_refusal(
        request_actor(request), realization.plan, realization.window, realization
    )


@require_http_methods(["GET", "POST"])
def evidence_remove(request: HttpRequest, token: str) -> HttpResponse:
    actor = request_actor(request)
    evidence = evidence_get_for_actor(actor=actor, token=token)
    realization = evidence.realization
    refusal = _write_refusal(request, realization)
    if refusal:
        raise PermissionDenied(refusal)
    back = realization_url(realization)
    if request.method == "POST":
        try:
            services.evidence_remove(actor=actor, evidence=evidence)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Bukti dukung “{evidence}” dihapus.")
        return redirect(back)
    kind = "tautan" if evidence.kind == EvidenceKind.LINK else type_label(evidence.content_type)
    context = {
        "title": "Hapus bukti dukung?",
        "text": (
            f"Bukti “{evidence}” ({kind}) dihapus dari "
            "realisasi ini; berkasnya dihapus dari penyimpanan. Catatan audit tetap menyimpan "
            "nama, ukuran dan SHA-256-nya."
        ),
        "realization": realization,
        "cancel_url": back,
        "realization_url": back,
    }
    return render(request, "monitoring/evidence/evidence_remove.html", context)


class EvidenceForm(forms.Form):
    """A file or a link, with an optional title. The checks are the service's (one rule)."""

    file = forms.FileField(
        label="Berkas",
        required=False,
        allow_empty_file=True,  # the service says why an empty file is refused
        help_text=(
            "PDF, gambar (PNG, JPEG, WebP, GIF), dokumen Office atau OpenDocument, teks/CSV. "
            "Jenis diperiksa dari isi berkas, bukan dari namanya."
        ),
    )
    link = forms.CharField(
        label="atau tautan",
        required=False,
        max_length=2000,
        help_text="Alamat yang diawali http:// atau https://, paling banyak 500 karakter.",
    )
    title = forms.CharField(label="Judul bukti (tidak wajib)", required=False, max_length=2000)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        has_file = bool(data.get("file"))
        has_link = bool(str(data.get("link") or "").strip())
        if has_file == has_link:
            raise ValidationError(
                "Pilih salah satu: unggah sebuah berkas atau isi sebuah tautan.", code="one"
            )
        return data

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for field, sentences in error.message_dict.items():
            target = field if field in self.fields else None
            for message in sentences:
                self.add_error(target, message)


@require_http_methods(["GET", "POST"])
def evidence_add(request: HttpRequest, realization_id: int) -> HttpResponse:
    actor = request_actor(request)
    realization = evidence_realization_get_for_actor(actor=actor, realization_id=realization_id)
    refusal = _write_refusal(request, realization)
    if refusal:
        raise PermissionDenied(refusal)
    back = realization_url(realization)
    form = EvidenceForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["file"]:
                added = services.evidence_add_file(
                    actor=actor, realization=realization, upload=data["file"], title=data["title"]
                )
            else:
                added = services.evidence_add_link(
                    actor=actor, realization=realization, link=data["link"], title=data["title"]
                )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Bukti dukung “{added}” ditambahkan.")
            return redirect(back)
    context = {
        "realization": realization,
        "form": form,
        "evidence_items": evidence_list_for_realization(actor=actor, realization=realization),
        "evidence_may_edit": True,
        "realization_url": back,
        "cancel_url": back,
    }
    return render(request, "monitoring/evidence/evidence_add.html", context)
