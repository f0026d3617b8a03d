"""Forms of the catalogue and dictionary pages: the catalogue's filters, a course, a dictionary
entry. They parse; `services/catalogue.py` decides, and its refusals land on the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kinerja.core.form_fields import DecimalFieldID
from kinerja.learning.models import CompetencyKind, CourseKind, CourseMode
from kinerja.learning.selectors.catalogue import CourseFilters, competency_choices
from kinerja.monitoring.models import Competency as FeedbackTag
from kinerja.organization.models import PositionKind
from kinerja.people.forms import bootstrap_widgets
from kinerja.planning.selectors import core_values


class _ServiceErrors(forms.Form):
    # The service names its fields after its arguments; the form uses the same names.
    field_aliases: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            name = self.field_aliases.get(field, field)
            target = name if name in self.fields else None
            for message in messages:
                self.add_error(target, message)


class CourseFilterForm(forms.Form):
    q = forms.CharField(label="Cari judul atau kode", required=False, max_length=100)
    jenis = forms.ChoiceField(
        label="Jenis", required=False, choices=[("", "Semua"), *CourseKind.choices]
    )
    moda = forms.ChoiceField(
        label="Moda", required=False, choices=[("", "Semua"), *CourseMode.choices]
    )
    kompetensi = forms.TypedChoiceField(
        label="Kompetensi", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kompetensi"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Semua"), *competency_choices()]
        bootstrap_widgets(self, small=True)

    def to_filters(self) -> CourseFilters:
        if not self.is_valid():
            return CourseFilters()
        data = self.cleaned_data
        return CourseFilters(
            search=data["q"] or "",
            kind=data["jenis"] or "",
            mode=data["moda"] or "",
            competency_id=data["kompetensi"],
        )


class CourseForm(_ServiceErrors):
    code = forms.SlugField(
        label="Kode",
        max_length=60,
        help_text="Huruf kecil, angka dan tanda hubung, mis. komunikasi-pelayanan-publik.",
        error_messages={"required": "Kode wajib diisi.", "invalid": "Kode hanya boleh berisi "
                        "huruf, angka, garis bawah dan tanda hubung."},
    )  # fmt: skip
    title = forms.CharField(
        label="Judul", max_length=200, error_messages={"required": "Judul wajib diisi."}
    )
    kind = forms.ChoiceField(label="Jenis", choices=CourseKind.choices)
    mode = forms.ChoiceField(label="Moda", choices=CourseMode.choices)
    provider = forms.CharField(
        label="Penyelenggara",
        max_length=150,
        error_messages={"required": "Penyelenggara wajib diisi."},
    )
    jp = DecimalFieldID(
        label="Jam pelajaran (JP)",
        max_digits=5,
        decimal_places=1,
        help_text="Antara 0,5 dan 200 JP.",
        error_messages={"required": "Jam pelajaran (JP) wajib diisi."},
    )
    description = forms.CharField(
        label="Uraian", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    competency_ids = forms.TypedMultipleChoiceField(
        label="Kompetensi yang dikembangkan",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pilih paling sedikit satu kompetensi yang dikembangkan."},
    )
    is_active = forms.BooleanField(label="Aktif (tampil di katalog)", required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["competency_ids"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = competency_choices()


class CompetencyForm(_ServiceErrors):
    code = forms.SlugField(
        label="Kode",
        max_length=60,
        help_text="Huruf kecil, angka dan tanda hubung, mis. komunikasi-efektif.",
        error_messages={"required": "Kode wajib diisi.", "invalid": "Kode hanya boleh berisi "
                        "huruf, angka, garis bawah dan tanda hubung."},
    )  # fmt: skip
    name = forms.CharField(
        label="Nama", max_length=150, error_messages={"required": "Nama wajib diisi."}
    )
    kind = forms.ChoiceField(label="Jenis kompetensi", choices=CompetencyKind.choices)
    description = forms.CharField(
        label="Uraian", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    feedback_tag = forms.ChoiceField(
        label="Tanda umpan balik yang sesuai",
        required=False,
        choices=[("", "(tidak ada)"), *FeedbackTag.choices],
        help_text="Umpan balik bertanda ini mengarah ke kompetensi ini.",
    )
    core_value = forms.ChoiceField(
        label="Nilai dasar BerAKHLAK", required=False, help_text="Nilai dasar yang dikembangkan."
    )
    position_kinds = forms.MultipleChoiceField(
        label="Jenis jabatan yang membutuhkan",
        required=False,
        choices=PositionKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(label="Aktif", required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["core_value"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "(tidak ada)"), *((v.code, v.name) for v in core_values())]
