"""Forms of the period pages: they parse input; the services decide and explain refusals."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.core.form_fields import DateFieldID
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod, WindowKind


def _date_field(label: str) -> forms.DateField:
    return DateFieldID(label=label, error_messages={"required": f"{label} wajib diisi."})


def _number_field(label: str, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        error_messages={
            "required": f"{label} wajib diisi.",
            "invalid": f"{label}: tulis bilangan bulat, misalnya 5.",
        },
        **kwargs,
    )


class _ServiceErrorsForm(forms.Form):
    def add_service_errors(self, error: ValidationError) -> None:
        """A service refusal shown on the field it names (or above the form)."""
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


class PeriodDeadlinesForm(_ServiceErrorsForm):
    """The deadlines, which may change in every stage but Ditutup."""

    plan_due_date = _date_field("Batas penetapan SKP")
    realization_due_day = _number_field(
        "Batas pengisian realisasi (tanggal pada bulan berikutnya)",
        help_text=_("Tanggal 1 sampai 28; berlaku untuk setiap evaluasi periodik."),
    )
    evaluation_due_date = _date_field("Batas evaluasi tahunan")


class PeriodShapeForm(PeriodDeadlinesForm):
    """The name, dates and windows, which change only while the period is in Perencanaan."""

    name = forms.CharField(
        label=_("Nama periode"), max_length=120,
        error_messages={"required": "Nama periode wajib diisi."},
    )  # fmt: skip
    start_date = _date_field("Tanggal mulai")
    end_date = _date_field("Tanggal selesai")
    window_kind = forms.ChoiceField(
        label=_("Evaluasi periodik"),
        choices=WindowKind.choices,
        error_messages={"invalid_choice": "Evaluasi periodik: pilih Bulanan atau Triwulanan."},
    )

    field_order = [
        "name", "start_date", "end_date", "window_kind", "plan_due_date",
        "realization_due_day", "evaluation_due_date",
    ]  # fmt: skip


class PeriodOpenForm(PeriodShapeForm):
    year = _number_field("Tahun")
    is_trial = forms.BooleanField(
        label=_("Uji coba (hasilnya tidak dihitung)"),
        required=False,
        help_text=_("Satu tahun hanya satu periode sebenarnya; uji coba boleh lebih dari satu."),
    )

    trial_agency = forms.ModelChoiceField(
        label=_("Perangkat daerah uji coba"),
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="Seluruh kota",
        help_text=_(
            "Hanya untuk uji coba: pegawai perangkat daerah lain tidak dapat menyusun SKP."
        ),
        error_messages={
            "invalid_choice": "Perangkat daerah uji coba tidak dikenal; pilih dari daftar."
        },
    )

    field_order = ["year", *PeriodShapeForm.field_order, "is_trial", "trial_agency"]


class PeriodTrialShapeForm(PeriodShapeForm):
    """A trial period in Perencanaan: its agency may change too."""

    trial_agency = PeriodOpenForm.base_fields["trial_agency"]

    field_order = [*PeriodShapeForm.field_order, "trial_agency"]


def open_initial(*, year: int) -> dict[str, Any]:
    """Suggested values for a period of `year`: the whole calendar year, monthly windows, SKP
    due 31 January, realisation by the 5th, annual evaluation by 31 January of the next year."""
    return {
        "year": year,
        "name": f"Periode Penilaian {year}",
        "start_date": date(year, 1, 1),
        "end_date": date(year, 12, 31),
        "window_kind": WindowKind.MONTHLY,
        "plan_due_date": date(year, 1, 31),
        "realization_due_day": 5,
        "evaluation_due_date": date(year + 1, 1, 31),
    }


def period_initial(period: PerformancePeriod) -> dict[str, Any]:
    return {
        "name": period.name,
        "start_date": period.start_date,
        "end_date": period.end_date,
        "window_kind": period.window_kind,
        "plan_due_date": period.plan_due_date,
        "realization_due_day": period.realization_due_day,
        "evaluation_due_date": period.evaluation_due_date,
        "trial_agency": period.trial_agency_id,
    }
