"""Forms of the organisation-goal pages: a goal, an indicator (IKU) with its target, the import
upload. They parse; the services in `goals.py` decide (and their refusals land on the field)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kinerja.core.form_fields import DecimalFieldID
from kinerja.planning.models import Perspective, TargetKind
from kinerja.scoring.achievement import Polarity


class _ServiceErrors(forms.Form):
    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


class GoalForm(_ServiceErrors):
    number = forms.IntegerField(
        label="Nomor",
        required=False,
        min_value=1,
        max_value=999,
        help_text="Kosongkan untuk nomor berikutnya.",
    )
    statement = forms.CharField(
        label="Sasaran strategis",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Sasaran strategis wajib diisi; tuliskan kalimatnya."},
    )
    perspective = forms.ChoiceField(
        label="Perspektif",
        required=False,
        choices=[("", "(tanpa perspektif)"), *Perspective.choices],
    )


class GoalIndicatorForm(_ServiceErrors):
    text = forms.CharField(
        label="Indikator kinerja utama",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Indikator kinerja utama wajib diisi."},
    )
    target_kind = forms.ChoiceField(label="Jenis target", choices=TargetKind.choices)
    target_value = DecimalFieldID(
        label="Target (angka, atau batas bawah rentang)",
        required=False,
        max_digits=16,
        decimal_places=2,
    )
    target_max = DecimalFieldID(
        label="Batas atas rentang",
        required=False,
        max_digits=16,
        decimal_places=2,
        help_text="Hanya untuk target rentang.",
    )
    target_unit = forms.CharField(label="Satuan", required=False, max_length=60)
    target_description = forms.CharField(
        label="Uraian target",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Hanya untuk target deskripsi (kualitatif).",
    )
    polarity = forms.ChoiceField(
        label="Polaritas",
        choices=Polarity.choices(),
        initial=Polarity.HIGHER_IS_BETTER.value,
    )

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "target_kind": data["target_kind"],
            "target_value": data["target_value"],
            "target_max": data["target_max"],
            "target_unit": data["target_unit"],
            "target_description": data["target_description"],
            "polarity": data["polarity"],
        }
