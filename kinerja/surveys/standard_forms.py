"""Forms of the service standard and services pages: they parse what people type; the
services (kinerja/surveys/services/) decide and explain refusals, which
`ServiceErrorsForm.add_service_errors` puts under the field they name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kinerja.surveys.models import StandardComponentKind

REVISION_MAX = 2_000_000_000
DECISIONS = (("terima", "Terima"), ("tolak", "Tolak"))


class ServiceErrorsForm(forms.Form):
    """A form that shows a service's refusal under the field it names (else above the form)."""

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for field, messages in error.message_dict.items():
            # A hidden field (the revision) has no place to show its sentence: above the form.
            shown = field in self.fields and not self.fields[field].widget.is_hidden
            target = field if shown else None
            for message in messages:
                self.add_error(target, message)


def _revision_field() -> forms.IntegerField:
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        max_value=REVISION_MAX,
        error_messages={"required": "Revisi draf tidak terkirim; muat ulang halaman."},
    )


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class StandardEditForm(ServiceErrorsForm):
    """Every component's draft text, and the revision the page showed."""

    revision = _revision_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in StandardComponentKind.choices:
            self.fields[kind] = forms.CharField(
                label=label, required=False, strip=False, widget=_textarea(4)
            )

    def texts(self) -> dict[str, str]:
        return {kind: self.cleaned_data.get(kind) or "" for kind in StandardComponentKind.values}


class StandardApproveForm(ServiceErrorsForm):
    revision = _revision_field()
    note = forms.CharField(
        label="Catatan persetujuan", required=False, max_length=500, widget=_textarea(2)
    )


class ProposalForm(ServiceErrorsForm):
    kind = forms.ChoiceField(
        label="Komponen",
        choices=StandardComponentKind.choices,
        error_messages={"required": "Pilih komponen yang ingin Anda ubah."},
    )
    text = forms.CharField(
        label="Usulan isi",
        strip=False,
        widget=_textarea(4),
        error_messages={"required": "Usulan isi wajib diisi."},
    )
    reason = forms.CharField(label="Alasan", required=False, strip=False, widget=_textarea(2))


class DecisionForm(ServiceErrorsForm):
    decision = forms.ChoiceField(
        label="Keputusan",
        choices=DECISIONS,
        error_messages={"required": "Pilih keputusan: terima atau tolak."},
    )
    note = forms.CharField(
        label="Catatan keputusan",
        required=False,
        strip=False,
        widget=_textarea(2),
        help_text="Wajib bila usul ditolak.",
    )


class CommentForm(ServiceErrorsForm):
    body = forms.CharField(
        label="Komentar",
        widget=_textarea(3),
        error_messages={"required": "Komentar wajib diisi."},
    )


class ServiceForm(ServiceErrorsForm):
    name = forms.CharField(
        label="Nama jenis layanan",
        max_length=300,
        error_messages={"required": "Nama jenis layanan wajib diisi."},
    )


class ServiceEditForm(ServiceForm):
    is_active = forms.BooleanField(label="Aktif (ditawarkan di formulir survei)", required=False)
