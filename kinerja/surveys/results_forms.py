"""Forms of the moderation and follow-up pages: they parse input; the services decide and
explain refusals (so a page and any other entrance say the same sentence)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from kinerja.core.form_fields import DateFieldID
from kinerja.scoring.ikm import Element
from kinerja.surveys.models import FollowUpState


class _ServiceErrorsForm(forms.Form):
    def add_service_errors(self, error: ValidationError) -> None:
        """A service refusal shown on the field it names (or above the form)."""
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


class SuggestionHideForm(_ServiceErrorsForm):
    reason = forms.CharField(
        label="Alasan disembunyikan",
        required=False,
        strip=False,
        help_text="Wajib, paling banyak 200 karakter. Tampil bagi staf, tidak bagi publik.",
        widget=forms.TextInput(attrs={"maxlength": 200}),
    )


ELEMENT_CHOICES = [(e.value, f"{e.value} {e.label}") for e in Element]


class FollowUpForm(_ServiceErrorsForm):
    element = forms.ChoiceField(
        label="Unsur pelayanan",
        choices=ELEMENT_CHOICES,
        error_messages={
            "required": "Unsur pelayanan wajib dipilih.",
            "invalid_choice": "Unsur '%(value)s' tidak dikenal; pilih salah satu dari U1-U9.",
        },
    )
    action = forms.CharField(
        label="Tindak lanjut", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = forms.CharField(
        label="Penanggung jawab",
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"maxlength": 200}),
    )
    due_date = DateFieldID(label="Target selesai", required=False)
    state = forms.ChoiceField(
        label="Status",
        choices=FollowUpState.choices,
        initial=FollowUpState.PLANNED,
        error_messages={
            "required": "Status wajib dipilih.",
            "invalid_choice": "Status '%(value)s' tidak dikenal; pilih Direncanakan, "
            "Sedang dikerjakan, atau Selesai.",
        },
    )
