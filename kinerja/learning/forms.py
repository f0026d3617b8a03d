"""The development plan forms: they parse what is chosen, typed and attached; the services
decide and explain refusals (`add_service_errors` puts each sentence under the field it names,
with the services' field names)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.form_fields import DateFieldID, DecimalFieldID
from kinerja.learning.models import CourseKind, ItemSource, TrainingCourse
from kinerja.learning.rules import TEXT_MAX
from kinerja.planning.forms import ServiceErrorsForm


def _text(label: Any, *, help_text: Any = "", rows: int = 3) -> forms.CharField:
    # Length and emptiness are the service's rule: its sentence names the field and the count.
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": TEXT_MAX * 2}),
    )


class CourseChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.get_kind_display()}, {obj.jp.normalize():f} JP)".replace(
            ".", ","
        )


class ItemAddForm(ServiceErrorsForm):
    """An activity from the catalogue (title, kind and JP follow the course unless typed) or
    written in."""

    course = CourseChoiceField(
        label=_("Dari katalog pelatihan"),
        queryset=TrainingCourse.objects.none(),
        required=False,
        empty_label=_("— ditulis sendiri —"),
    )
    title = forms.CharField(
        label=_("Kegiatan"),
        required=False,
        max_length=400,
        help_text=_("Wajib bila tidak dipilih dari katalog, mis. Belajar mandiri Excel lanjutan."),
    )
    kind = forms.ChoiceField(
        label=_("Jenis"),
        choices=[("", _("— sesuai katalog —")), *CourseKind.choices],
        required=False,
    )
    jp_planned = DecimalFieldID(
        label=_("JP direncanakan"), required=False, help_text=_("Kosongkan untuk JP katalog.")
    )
    target_date = DateFieldID(label=_("Target selesai"), required=False)
    reason = _text(_("Alasan"), help_text=_("Tidak wajib: mengapa kegiatan ini dipilih."), rows=2)
    source = forms.ChoiceField(choices=ItemSource.choices, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, courses: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["course"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            courses if courses is not None else TrainingCourse.objects.filter(is_active=True)
        )

    def add_service_errors(self, error: Any) -> None:
        if hasattr(error, "error_dict") and "competency_id" in error.error_dict:
            renamed = dict(error.error_dict)
            renamed.setdefault("course", []).extend(renamed.pop("competency_id"))
            error = type(error)(renamed)
        super().add_service_errors(error)


class PlanReturnForm(ServiceErrorsForm):
    reason = _text(
        _("Alasan dikembalikan"), help_text=_("Wajib: apa yang perlu diperbaiki pegawai.")
    )


class PlanCommentForm(ServiceErrorsForm):
    body = _text(_("Komentar baru"))


class ItemCompleteForm(ServiceErrorsForm):
    completed_on = DateFieldID(label=_("Tanggal selesai"), required=False)
    jp_earned = DecimalFieldID(
        label=_("JP diperoleh"), required=False, help_text=_("Contoh: 16 atau 4,5")
    )
    certificate = forms.FileField(
        label=_("Sertifikat"),
        required=False,
        help_text=_(
            "PDF atau gambar, paling besar 10 MB; tidak wajib untuk coaching dan mentoring."
        ),
    )


class ItemRejectForm(ServiceErrorsForm):
    reason = _text(
        _("Alasan konfirmasi ditolak"), help_text=_("Wajib: apa yang perlu dilengkapi pegawai.")
    )
