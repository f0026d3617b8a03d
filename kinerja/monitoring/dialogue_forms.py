"""Forms of the dialogue pages: they parse what people type (a date and a time in Asia/Jakarta,
an owner among the two parties); the services decide and explain refusals, which
`add_service_errors` puts under the field they name."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.core.form_fields import DateFieldID
from kinerja.monitoring.models import COACHING_ITEMS, DialogueKind, PerformanceDialogue
from kinerja.monitoring.services.dialogues import (
    ANSWER_LABELS,
    COACHING_STATEMENTS,
    ActionDraft,
)
from kinerja.planning.forms import ServiceErrorsForm

ACTION_ROWS = 3
OWNER_EMPLOYEE = "pegawai"
OWNER_APPRAISER = "penilai"


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class TimeFieldID(forms.TimeField):
    """A time of day typed as `09.00` or `09:00` (24 hours, WIB)."""

    input_formats = ["%H.%M", "%H:%M"]
    widget = forms.TimeInput(
        attrs={"inputmode": "numeric", "placeholder": "JJ.MM", "autocomplete": "off"},
        format="%H.%M",
    )
    default_error_messages = {
        "invalid": "Pukul: tulis jam dan menit 24 jam, misalnya 09.00 atau 14.30.",
    }


def _moment(day: date | None, clock: time | None) -> datetime | None:
    if day is None or clock is None:
        return None
    return timezone.make_aware(datetime.combine(day, clock))


def _owner_choices(dialogue: PerformanceDialogue) -> list[tuple[str, str]]:
    return [
        (OWNER_EMPLOYEE, f"Pegawai: {dialogue.employee.full_name}"),
        (OWNER_APPRAISER, f"Pejabat penilai: {dialogue.appraiser.full_name}"),
    ]


def owner_id(dialogue: PerformanceDialogue, choice: str) -> int:
    return dialogue.appraiser_id if choice == OWNER_APPRAISER else dialogue.employee_id


class ScheduleForm(ServiceErrorsForm):
    """Schedule a dialogue: kind, day and time (WIB), place, agenda."""

    kind = forms.ChoiceField(
        label="Jenis dialog", choices=DialogueKind.choices, initial=DialogueKind.CHECK_IN
    )
    day = DateFieldID(label="Tanggal")
    clock = TimeFieldID(label="Pukul (WIB)", help_text="Contoh: 09.00.")
    place = forms.CharField(
        label="Tempat atau media",
        max_length=200,
        required=False,
        help_text="Ruang, atau tautan rapat daring.",
    )
    agenda = forms.CharField(
        label="Agenda", required=False, widget=_textarea(), help_text="Yang akan dibahas."
    )

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict") and "scheduled_at" in error.error_dict:
            error.error_dict["day"] = error.error_dict.pop("scheduled_at")
        super().add_service_errors(error)

    def scheduled_at(self) -> datetime:
        moment = _moment(self.cleaned_data["day"], self.cleaned_data["clock"])
        assert moment is not None
        return moment


class RecordForm(ServiceErrorsForm):
    """Record a dialogue that took place: when, notes, and up to three agreed actions. For a
    new dialogue (no scheduled one) also its kind."""

    kind = forms.ChoiceField(
        label="Jenis dialog", choices=DialogueKind.choices, initial=DialogueKind.CHECK_IN
    )
    day = DateFieldID(label="Tanggal pelaksanaan")
    clock = TimeFieldID(label="Pukul (WIB)", help_text="Contoh: 09.00.")
    place = forms.CharField(label="Tempat atau media", max_length=200, required=False)
    agenda = forms.CharField(label="Agenda", required=False, widget=_textarea(2))
    notes = forms.CharField(
        label="Catatan dialog",
        widget=_textarea(5),
        help_text="Yang dibahas, capaian, kendala, dan kesepakatan.",
        error_messages={"required": "Catatan dialog wajib diisi."},
    )

    def __init__(
        self,
        *args: Any,
        dialogue: PerformanceDialogue | None,
        parties: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.dialogue = dialogue
        if dialogue is not None:
            del self.fields["kind"]
            self.fields["place"].initial = dialogue.place
            self.fields["agenda"].initial = dialogue.agenda
            local = timezone.localtime(dialogue.scheduled_at)
            if dialogue.scheduled_at <= timezone.now():
                self.fields["day"].initial = local.date()
                self.fields["clock"].initial = local.time()
        for number in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{number}_text"] = forms.CharField(
                label=f"Tindak lanjut {number}", max_length=500, required=False
            )
            self.fields[f"action_{number}_owner"] = forms.ChoiceField(
                label=f"Penanggung jawab tindak lanjut {number}",
                choices=parties,
                initial=OWNER_EMPLOYEE,
                required=False,
            )
            self.fields[f"action_{number}_due"] = DateFieldID(
                label=f"Batas waktu tindak lanjut {number}", required=False
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for number in range(1, ACTION_ROWS + 1):
            text = (data.get(f"action_{number}_text") or "").strip()
            if (
                text
                and not data.get(f"action_{number}_due")
                and not self.has_error(f"action_{number}_due")
            ):
                self.add_error(
                    f"action_{number}_due",
                    f"Batas waktu tindak lanjut {number} wajib diisi untuk “{text}”.",
                )
        return data

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict") and "held_at" in error.error_dict:
            error.error_dict["day"] = error.error_dict.pop("held_at")
        super().add_service_errors(error)

    def held_at(self) -> datetime:
        moment = _moment(self.cleaned_data["day"], self.cleaned_data["clock"])
        assert moment is not None
        return moment

    def action_drafts(self, employee_id: int, appraiser_id: int) -> list[ActionDraft]:
        drafts = []
        for number in range(1, ACTION_ROWS + 1):
            text = (self.cleaned_data.get(f"action_{number}_text") or "").strip()
            if not text:
                continue
            owner = self.cleaned_data.get(f"action_{number}_owner")
            drafts.append(
                ActionDraft(
                    text=text,
                    owner=appraiser_id if owner == OWNER_APPRAISER else employee_id,
                    due_date=self.cleaned_data[f"action_{number}_due"],
                )
            )
        return drafts


class EditForm(ServiceErrorsForm):
    """Change a dialogue: place, agenda, notes; the day and time while it is scheduled."""

    day = DateFieldID(label="Tanggal")
    clock = TimeFieldID(label="Pukul (WIB)", help_text="Contoh: 09.00.")
    place = forms.CharField(label="Tempat atau media", max_length=200, required=False)
    agenda = forms.CharField(label="Agenda", required=False, widget=_textarea())
    notes = forms.CharField(label="Catatan dialog", required=False, widget=_textarea(5))

    def __init__(self, *args: Any, dialogue: PerformanceDialogue, **kwargs: Any) -> None:
        local = timezone.localtime(dialogue.scheduled_at)
        initial = {
            "day": local.date(),
            "clock": local.time(),
            "place": dialogue.place,
            "agenda": dialogue.agenda,
            "notes": dialogue.notes,
        }
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        if dialogue.state != "SCHEDULED":
            del self.fields["day"]
            del self.fields["clock"]
            self.fields["notes"].required = True

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict") and "scheduled_at" in error.error_dict:
            error.error_dict["day"] = error.error_dict.pop("scheduled_at")
        super().add_service_errors(error)

    def scheduled_at(self) -> datetime | None:
        return _moment(self.cleaned_data.get("day"), self.cleaned_data.get("clock"))


class CancelForm(ServiceErrorsForm):
    reason = forms.CharField(
        label="Alasan pembatalan",
        widget=_textarea(2),
        error_messages={"required": "Alasan pembatalan wajib diisi."},
    )


class ActionForm(ServiceErrorsForm):
    """An agreed action: what, who (one of the two parties), by when."""

    text = forms.CharField(
        label="Tindak lanjut",
        max_length=500,
        widget=_textarea(2),
        error_messages={"required": "Tindak lanjut wajib diisi."},
    )
    owner = forms.ChoiceField(label="Penanggung jawab")
    due_date = DateFieldID(label="Batas waktu")

    def __init__(self, *args: Any, dialogue: PerformanceDialogue, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ChoiceField)
        owner.choices = _owner_choices(dialogue)


class DoneForm(ServiceErrorsForm):
    note = forms.CharField(
        label="Catatan penyelesaian (tidak wajib)", required=False, widget=_textarea(2)
    )


class CoachingFeedbackForm(ServiceErrorsForm):
    """The nine statements, each answered 1 (sangat tidak setuju) .. 5 (sangat setuju)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(value), f"{value} — {label}") for value, label in ANSWER_LABELS.items()]
        for number, item in enumerate(COACHING_ITEMS, start=1):
            label = f"{number}. {COACHING_STATEMENTS[item].rstrip('.')}"
            self.fields[item] = forms.TypedChoiceField(
                label=label,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"{label}: belum dijawab; pilih 1 sampai 5."},
            )
        self.fields["comment"] = forms.CharField(
            label="Komentar (tidak wajib)", required=False, widget=_textarea(3)
        )

    def answers(self) -> dict[str, int]:
        return {item: self.cleaned_data[item] for item in COACHING_ITEMS}
