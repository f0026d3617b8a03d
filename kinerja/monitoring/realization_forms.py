"""Forms of the realisation pages: they parse what people type; the services decide and
explain refusals (`add_service_errors` puts each sentence under the field it names)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.form_fields import DecimalFieldID
from kinerja.planning.forms import ServiceErrorsForm
from kinerja.planning.models import Indicator, TargetKind

SAVE = "simpan"
SUBMIT = "ajukan"

FIELD_OF = {"evidence": "file", "upload": "file"}
"""Service fields shown under another form field (the evidence rule under the file field)."""


class RealizationForm(ServiceErrorsForm):
    """The employee's realisation: a number (or, for a described target, a description), a
    note, and evidence to attach (a file or a link)."""

    value = DecimalFieldID(
        label=_("Realisasi"),
        required=False,
        help_text=_("Angka yang dicapai sejak awal SKP sampai akhir periode ini. Contoh: 1.234,5"),
    )
    description = forms.CharField(
        label=_("Uraian hasil"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hasil yang dicapai, untuk target berupa uraian."),
    )
    note = forms.CharField(
        label=_("Catatan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kendala atau penjelasan untuk pejabat penilai (tidak wajib)."),
    )
    file = forms.FileField(
        label=_("Unggah bukti dukung"),
        required=False,
        help_text=_("PDF, gambar atau dokumen kantor (tidak wajib jika sudah ada bukti)."),
    )
    link = forms.CharField(
        label=_("atau tautan bukti dukung"),
        required=False,
        max_length=500,
        help_text=_("Alamat https://… misalnya dokumen di penyimpanan kantor."),
        widget=forms.URLInput(),
    )

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if indicator.target_kind == TargetKind.DESCRIBED:
            del self.fields["value"]
            self.fields["description"].help_text = _("Hasil yang dicapai sampai periode ini.")
        else:
            del self.fields["description"]
            if indicator.target_unit:
                self.fields["value"].label = f"Realisasi ({indicator.target_unit})"

    def add_service_errors(self, error: Any) -> None:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                target = FIELD_OF.get(field, field)
                for message in messages:
                    self.add_error(target if target in self.fields else None, message)
            return
        super().add_service_errors(error)


class ReturnForm(ServiceErrorsForm):
    reason = forms.CharField(
        label=_("Alasan dikembalikan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Apa yang perlu diperbaiki pegawai (wajib untuk Kembalikan)."),
    )
