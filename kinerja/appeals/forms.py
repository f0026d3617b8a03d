"""The objection forms: they parse what is chosen, typed and attached; the services decide and
explain refusals (`add_service_errors` puts each sentence under the field it names, with the
services' field names)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.appeals.models import ObjectionSubject
from kinerja.appeals.rules import ATTACHMENTS_MAX, TEXT_MAX
from kinerja.planning.forms import ServiceErrorsForm
from kinerja.scoring.ratings import Rating

ACCEPT = "terima"
REJECT = "tolak"
UNCHANGED = _("Tidak berubah")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by the service, not here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _text(label: Any, *, help_text: Any = "", rows: int = 4) -> forms.CharField:
    # Length and emptiness are the service's rule: its sentence names the field and the count.
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": TEXT_MAX * 2}),
    )


class ObjectionFileForm(ServiceErrorsForm):
    subject = forms.ChoiceField(
        label=_("Yang diajukan keberatan"),
        choices=ObjectionSubject.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    statement = _text(
        _("Alasan keberatan"),
        help_text=_(
            "Tuliskan apa yang Anda anggap tidak tepat dan mengapa, misalnya capaian dan bukti "
            "dukung yang belum dipertimbangkan (paling sedikit 20 karakter)."
        ),
        rows=6,
    )
    requested = _text(
        _("Hasil yang diminta"),
        help_text=_("Tidak wajib, misalnya: rating hasil kerja Di Atas Ekspektasi."),
        rows=2,
    )
    attachments = MultipleFileField(
        label=_("Lampiran"),
        required=False,
        help_text=(
            f"Tidak wajib; paling banyak {ATTACHMENTS_MAX} berkas (PDF, gambar atau dokumen "
            "kantor), masing-masing paling besar 10 MB dan semuanya 25 MB."
        ),
    )

    def add_service_errors(self, error: ValidationError) -> None:
        # The service names the files `files` (as the API does); here they are `attachments`.
        if hasattr(error, "error_dict") and "files" in error.error_dict:
            renamed = dict(error.error_dict)
            renamed["attachments"] = renamed.pop("files")
            error = ValidationError(renamed)
        super().add_service_errors(error)


class ObjectionExplainForm(ServiceErrorsForm):
    explanation = _text(
        _("Penjelasan pejabat penilai"),
        help_text=_("Jelaskan dasar rating yang Anda berikan atas hal yang diajukan keberatan."),
        rows=6,
    )


class ObjectionAnswerForm(ServiceErrorsForm):
    answer = _text(
        _("Tanggapan pegawai"),
        help_text=_("Tidak wajib; tanggapan hanya dapat dikirim sekali."),
    )


RATING_CHOICES = [("", UNCHANGED), *[(rating.value, rating.label) for rating in Rating]]


class ObjectionDecideForm(ServiceErrorsForm):
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[(ACCEPT, _("Terima keberatan (ubah rating)")), (REJECT, _("Tolak keberatan"))],
        error_messages={
            "required": _("Keputusan: pilih terima atau tolak keberatan."),
            "invalid_choice": _("Keputusan %(value)s tidak dikenal; pilih terima atau tolak."),
        },
        widget=forms.RadioSelect,
    )
    results_rating = forms.ChoiceField(
        label=_("Rating hasil kerja baru"),
        choices=RATING_CHOICES,
        required=False,
        help_text=_("Hanya bila keberatan diterima; kosongkan bila tidak berubah."),
    )
    behavior_rating = forms.ChoiceField(
        label=_("Rating perilaku kerja baru"),
        choices=RATING_CHOICES,
        required=False,
        help_text=_("Hanya bila keberatan diterima; kosongkan bila tidak berubah."),
    )
    decision_reason = _text(
        _("Pertimbangan keputusan"),
        help_text=_("Wajib; dicantumkan dalam surat keputusan."),
        rows=6,
    )

    def accepted(self) -> bool:
        return bool(self.cleaned_data.get("decision") == ACCEPT)


class ObjectionWithdrawForm(ServiceErrorsForm):
    reason = _text(_("Alasan pencabutan"), help_text=_("Tidak wajib."), rows=2)
