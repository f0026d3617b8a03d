"""Forms of the round pages (cycle_views.py): a new round, nominating peers, approving or
changing a list, adding and withdrawing a rater. Forms only read the input; every rule is in
the services, whose refusals the views put back on the form."""

from __future__ import annotations

from typing import Any

from django import forms

from kinerja.assessment.models import RelationChoice
from kinerja.organization.models import Agency
from kinerja.periods.models import EvaluationWindow, PerformancePeriod

CITY = "kota"
ANNUAL = "tahunan"


class CycleCreateForm(forms.Form):
    period = forms.ModelChoiceField(
        label="Periode penilaian", queryset=PerformancePeriod.objects.order_by("-year", "pk")
    )
    window = forms.ChoiceField(label="Evaluasi", help_text="Satu evaluasi periodik, atau Tahunan.")
    agency = forms.ChoiceField(label="Perangkat daerah")
    name = forms.CharField(label="Nama putaran", max_length=150)
    due_date = forms.DateField(
        label="Batas pengisian", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        windows = EvaluationWindow.objects.select_related("period").order_by(
            "-period__year", "number"
        )
        window_field = self.fields["window"]
        agency_field = self.fields["agency"]
        assert isinstance(window_field, forms.ChoiceField)
        assert isinstance(agency_field, forms.ChoiceField)
        window_field.choices = [
            (ANNUAL, "Tahunan"),
            *((str(w.pk), f"{w.name} ({w.period.name})") for w in windows),
        ]
        agencies = Agency.objects.order_by("name").values_list("pk", "name")
        agency_field.choices = [
            (CITY, "Seluruh perangkat daerah"),
            *((str(pk), name) for pk, name in agencies),
        ]

    def chosen_window(self) -> EvaluationWindow | None:
        value = self.cleaned_data["window"]
        return None if value == ANNUAL else EvaluationWindow.objects.get(pk=int(value))

    def chosen_agency(self) -> Agency | None:
        value = self.cleaned_data["agency"]
        return None if value == CITY else Agency.objects.get(pk=int(value))


class NominateForm(forms.Form):
    peers = forms.TypedMultipleChoiceField(
        label="Rekan kerja", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    nips = forms.CharField(
        label="NIP rekan lain",
        required=False,
        max_length=400,
        help_text="NIP 18 angka, pisahkan dengan koma; pegawai perangkat daerah yang sama.",
    )

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["peers"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = candidates


class ApproveForm(forms.Form):
    peers = forms.TypedMultipleChoiceField(
        label="Rekan kerja", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    change = forms.BooleanField(label="Ganti rekan kerja sesuai pilihan di atas", required=False)
    reason = forms.CharField(
        label="Alasan perubahan", required=False, max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["peers"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = candidates


class AddRaterForm(forms.Form):
    nip = forms.CharField(label="NIP penilai", max_length=18, min_length=18)
    relation = forms.ChoiceField(label="Hubungan", choices=RelationChoice.choices)


class WithdrawForm(forms.Form):
    review = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="Alasan penarikan", max_length=300)
