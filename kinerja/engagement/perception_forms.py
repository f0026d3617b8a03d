"""Forms of the perception survey: the questionnaire (a radio group per item) and a new
round. They parse; the services decide, and their refusals land on the field they name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kinerja.core.form_fields import DateFieldID
from kinerja.engagement.models import PerceptionRound
from kinerja.engagement.perception_items import DIMENSIONS, ITEMS, REMARK_MAX, SCALE, items_of
from kinerja.periods.models import PerformancePeriod


class _ServiceErrors(forms.Form):
    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


SCALE_CHOICES = [(str(value), f"{value} · {label}") for value, label in SCALE]


class QuestionnaireForm(_ServiceErrors):
    remark = forms.CharField(
        label="Saran dan tanggapan (tidak wajib)",
        required=False,
        max_length=REMARK_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            f"Paling banyak {REMARK_MAX:,} karakter. Jangan menuliskan nama atau hal yang "
            "dapat mengenali Anda.".replace(",", ".")
        ),
        error_messages={
            "max_length": f"Saran paling banyak {REMARK_MAX:,} karakter.".replace(",", ".")
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in ITEMS:
            self.fields[item.code] = forms.ChoiceField(
                label=f"{item.code}. {item.text}",
                choices=SCALE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Butir {item.code} belum dijawab; pilih salah satu dari 1 "
                    "sampai 5.",
                    "invalid_choice": f"Jawaban butir {item.code} tidak sah; pilih 1 sampai 5.",
                },
            )
        self.order_fields([*(i.code for i in ITEMS), "remark"])

    def sections(self) -> list[dict[str, Any]]:
        """The item fields grouped by dimension, for the template."""
        return [
            {"dimension": d, "fields": [self[i.code] for i in items_of(d.code)]} for d in DIMENSIONS
        ]

    def answers(self) -> dict[str, int]:
        return {i.code: int(self.cleaned_data[i.code]) for i in ITEMS}


class RoundForm(_ServiceErrors):
    period = forms.ModelChoiceField(
        label="Periode penilaian",
        queryset=PerformancePeriod.objects.none(),
        error_messages={
            "required": "Pilih periode penilaian.",
            "invalid_choice": "Periode itu tidak ada atau sudah memiliki putaran.",
        },
    )
    title = forms.CharField(label="Judul", max_length=150)
    opens_on = DateFieldID(label="Dibuka")
    closes_on = DateFieldID(label="Ditutup")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        taken = PerceptionRound.objects.values("period_id")
        field = self.fields["period"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = PerformancePeriod.objects.exclude(pk__in=taken).order_by("-year", "name")
