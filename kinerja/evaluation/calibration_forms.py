"""Forms of the calibration page: the filters (group's time, unit, kind of post, grid cell),
moving one rating, locking the group. The services decide; these only read the input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.params import IdFormField
from kinerja.evaluation.models import CalibrationField
from kinerja.evaluation.rules import REASON_MAX, Scope
from kinerja.evaluation.selectors.calibration import (
    COLUMNS,
    ROWS,
    CalibrationFilters,
    cell_from_key,
    cell_key,
)
from kinerja.evaluation.selectors.common import scope_choices
from kinerja.organization.models import PositionKind
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.ratings import Rating, predikat


def period_choices() -> list[tuple[str, str]]:
    return [
        (str(pk), f"{name} (uji coba)" if trial else name)
        for pk, name, trial in PerformancePeriod.objects.order_by("-year", "is_trial").values_list(
            "pk", "name", "is_trial"
        )
    ]


def cell_label(results: Rating, behavior: Rating) -> str:
    return (
        f"Hasil kerja {results.label}, perilaku {behavior.label} "
        f"({predikat(results, behavior).label})"
    )


class CalibrationFilterForm(forms.Form):
    periode = forms.ChoiceField(label=_("Periode"))
    evaluasi = forms.ChoiceField(label=_("Evaluasi"))
    unit = forms.ChoiceField(label=_("Unit kerja"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis jabatan"),
        required=False,
        choices=[("", "Semua jenis jabatan"), *PositionKind.choices],
        error_messages={
            "invalid_choice": _(
                "Jenis jabatan %(value)s tidak dikenal; pilih salah satu jenis jabatan dari "
                "daftar (JPT, Administrator, Pengawas, Pelaksana, Fungsional)."
            )
        },
    )
    sel = forms.ChoiceField(
        label=_("Sel kisi"),
        required=False,
        choices=[
            ("", "Semua sel"),
            *((cell_key(r, b), cell_label(r, b)) for r in ROWS for b in COLUMNS),
        ],
        error_messages={
            "invalid_choice": _(
                "Sel kisi %(value)s tidak dikenal; isi rating hasil kerja dan perilaku, misalnya "
                "ABOVE-MEETS (Di Atas dan Sesuai Ekspektasi)."
            )
        },
    )

    def __init__(
        self,
        data: Any,
        *,
        scope: Scope,
        units: list[tuple[int, str]],
        agency_name: str,
        **kwargs: Any,
    ) -> None:
        data = data.copy()
        data.setdefault("periode", str(scope.period.pk))
        data.setdefault("evaluasi", scope.param)
        super().__init__(data, **kwargs)
        periode = self.fields["periode"]
        assert isinstance(periode, forms.ChoiceField)
        periode.choices = period_choices()
        evaluasi = self.fields["evaluasi"]
        assert isinstance(evaluasi, forms.ChoiceField)
        evaluasi.choices = scope_choices(scope.period)
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ChoiceField)
        unit.choices = [("", "Semua unit kerja"), *((str(pk), name) for pk, name in units)]
        unit.error_messages["invalid_choice"] = (
            f"Unit kerja %(value)s bukan unit {agency_name}; pilih salah satu unit dari daftar."
        )

    def to_filters(self) -> CalibrationFilters:
        """The valid filters; an invalid one is left out (its error shows on the form)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        unit = data.get("unit")
        return CalibrationFilters(
            unit_id=int(unit) if unit else None,
            kind=data.get("jenis") or None,
            cell=cell_from_key(data.get("sel") or ""),
        )


RATING_CHOICES = [(r.value, r.label) for r in Rating]


class MoveForm(forms.Form):
    """Which rating of which evaluation, the new rating and why (field names of the service)."""

    evaluation = IdFormField(label="Penilaian", widget=forms.HiddenInput)
    field = forms.CharField(
        label=_("Rating yang digeser"),
        required=False,
        widget=forms.Select(choices=CalibrationField.choices),
    )
    after = forms.CharField(
        label=_("Rating baru"),
        required=False,
        widget=forms.Select(choices=[("", "Pilih rating"), *RATING_CHOICES]),
    )
    reason = forms.CharField(
        label=_("Alasan"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": REASON_MAX}),
    )
    periode = forms.CharField(widget=forms.HiddenInput, required=False)
    evaluasi = forms.CharField(widget=forms.HiddenInput, required=False)
    kembali = forms.CharField(widget=forms.HiddenInput, required=False)

    def add_service_errors(self, error: Any) -> None:
        for key, messages in error.message_dict.items():
            self.add_error(key if key in self.fields else None, messages)


class LockForm(forms.Form):
    justification = forms.CharField(
        label=_("Justifikasi penyimpangan distribusi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib diisi bila sebaran predikat menyimpang dari pedoman distribusi."),
    )
    periode = forms.CharField(widget=forms.HiddenInput, required=False)
    evaluasi = forms.CharField(widget=forms.HiddenInput, required=False)
    kembali = forms.CharField(widget=forms.HiddenInput, required=False)

    def add_service_errors(self, error: Any) -> None:
        for key, messages in error.message_dict.items():
            self.add_error(key if key in self.fields else None, messages)
