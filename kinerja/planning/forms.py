"""Forms of the SKP pages: they parse what people type; the services decide and explain
refusals (`ServiceErrorsForm.add_service_errors` puts those sentences under their fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.core.form_fields import DecimalFieldID
from kinerja.core.params import DB_ID_MAX
from kinerja.organization.models import ServiceUnit
from kinerja.people.models import Employee
from kinerja.planning.models import (
    Approach,
    Aspect,
    IndicatorSource,
    OrganizationGoal,
    Perspective,
    PlannedResult,
    TargetKind,
)
from kinerja.scoring.achievement import Polarity, ResultKind

TEXT_ROWS = 3


def _textarea(rows: int = TEXT_ROWS) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ServiceErrorsForm(forms.Form):
    """A form that shows a service's refusal under the field it names (else above the form)."""

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


class ParentChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_kind_display()} {obj.number}: {obj.text}"


class GoalChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number}. {obj.statement}"


class ResultForm(ServiceErrorsForm):
    """A result (RHK): its kind, its text and what it contributes to."""

    kind = forms.ChoiceField(
        label=_("Jenis RHK"), choices=ResultKind.choices(), initial=ResultKind.UTAMA.value
    )
    text = forms.CharField(
        label=_("Rencana hasil kerja"),
        max_length=500,
        widget=_textarea(2),
        error_messages={"required": _("Rencana hasil kerja wajib diisi.")},
    )
    parent = ParentChoiceField(
        label=_("RHK atasan yang diintervensi"),
        queryset=PlannedResult.objects.none(),
        required=False,
        empty_label=_("Tidak ada (RHK tidak mengintervensi RHK atasan)"),
        error_messages={
            "invalid_choice": _(
                "RHK atasan yang diintervensi: pilih salah satu RHK atasan Anda dari daftar."
            )
        },
    )
    goal = GoalChoiceField(
        label=_("Sasaran strategis yang didukung"),
        queryset=OrganizationGoal.objects.none(),
        required=False,
        empty_label=_("Tidak ada"),
        error_messages={"invalid_choice": _("Sasaran strategis: pilih salah satu dari daftar.")},
    )
    perspective = forms.ChoiceField(
        label=_("Perspektif"), choices=[("", _("Tidak ada")), *Perspective.choices], required=False
    )

    def __init__(
        self,
        *args: Any,
        parents: QuerySet[PlannedResult],
        goals: QuerySet[OrganizationGoal] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        assert isinstance(parent, forms.ModelChoiceField)
        parent.queryset = parents
        if goals is None:
            del self.fields["goal"]
            del self.fields["perspective"]
        else:
            goal = self.fields["goal"]
            assert isinstance(goal, forms.ModelChoiceField)
            goal.queryset = goals

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "text": data["text"].strip(),
            "parent": data.get("parent"),
            "goal": data.get("goal"),
            "perspective": data.get("perspective") or "",
        }


def _decimal(label: Any, help_text: Any = "") -> forms.DecimalField:
    return DecimalFieldID(
        label=label, help_text=help_text, required=False, max_digits=16, decimal_places=2
    )


class IndicatorForm(ServiceErrorsForm):
    """An indicator (IKI): aspect, text, target (number, range or description), polarity and
    where its realisation comes from. Target rules: `kinerja.planning.rules.target_errors`."""

    aspect = forms.ChoiceField(label=_("Aspek"), choices=Aspect.choices)
    text = forms.CharField(
        label=_("Indikator kinerja individu"),
        max_length=500,
        widget=_textarea(2),
        error_messages={"required": _("Indikator kinerja individu wajib diisi.")},
    )
    target_kind = forms.ChoiceField(
        label=_("Jenis target"), choices=TargetKind.choices, initial=TargetKind.NUMBER
    )
    target_value = _decimal(_("Target"), _("Angka; untuk rentang, batas bawahnya. Contoh: 1.234,5"))
    target_max = _decimal(_("Batas atas target"), _("Hanya untuk target rentang."))
    target_unit = forms.CharField(
        label=_("Satuan"), max_length=60, required=False, help_text=_("mis. dokumen, persen, hari")
    )
    target_description = forms.CharField(
        label=_("Uraian target (kualitatif)"),
        required=False,
        max_length=4000,
        widget=_textarea(2),
    )
    polarity = forms.ChoiceField(
        label=_("Polaritas"),
        choices=Polarity.choices(),
        initial=Polarity.HIGHER_IS_BETTER.value,
    )
    source = forms.ChoiceField(
        label=_("Sumber realisasi"), choices=IndicatorSource.choices, initial=IndicatorSource.MANUAL
    )
    service_unit = forms.ModelChoiceField(
        label=_("Unit layanan (untuk indeks kepuasan)"),
        queryset=ServiceUnit.objects.none(),
        required=False,
        empty_label=_("Tidak ada"),
    )
    evidence_required = forms.BooleanField(
        label=_("Wajib bukti dukung"), required=False, initial=True
    )

    def __init__(self, *args: Any, service_units: QuerySet[ServiceUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["service_unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = service_units

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "aspect": data["aspect"],
            "text": data["text"].strip(),
            "target_kind": data["target_kind"],
            "target_value": data.get("target_value"),
            "target_max": data.get("target_max"),
            "target_unit": (data.get("target_unit") or "").strip(),
            "target_description": (data.get("target_description") or "").strip(),
            "polarity": data["polarity"],
            "source": data["source"],
            "service_unit": data.get("service_unit"),
            "evidence_required": bool(data.get("evidence_required")),
        }


class AnnexForm(ServiceErrorsForm):
    approach = forms.ChoiceField(label=_("Pendekatan"), choices=Approach.choices)
    resource_support = forms.CharField(
        label=_("Dukungan sumber daya"), required=False, widget=_textarea()
    )
    accountability_scheme = forms.CharField(
        label=_("Skema pertanggungjawaban"), required=False, widget=_textarea()
    )
    consequences = forms.CharField(label=_("Konsekuensi"), required=False, widget=_textarea())


class ExpectationsForm(ServiceErrorsForm):
    """One text box per core value (BerAKHLAK), in the order of the SKP form."""

    def __init__(self, *args: Any, values: list[tuple[str, str, str]], **kwargs: Any) -> None:
        """`values`: (code, name, current text) of each core value."""
        super().__init__(*args, **kwargs)
        for code, name, text in values:
            self.fields[code] = forms.CharField(
                label=name, required=False, initial=text, widget=_textarea(2)
            )

    def changed_values(self) -> list[tuple[str, str]]:
        return [(code, self.cleaned_data[code].strip()) for code in self.changed_data]


class NoteForm(ServiceErrorsForm):
    """The note of a return (required) or of an approval or submission (optional)."""

    note = forms.CharField(label=_("Catatan"), required=False, widget=_textarea())

    def __init__(self, *args: Any, required: bool = False, label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["note"]
        field.required = required
        if label:
            field.label = label
        if required:
            field.error_messages["required"] = f"{field.label} wajib diisi."


class CommentForm(ServiceErrorsForm):
    body = forms.CharField(
        label=_("Komentar"),
        widget=_textarea(),
        error_messages={"required": _("Komentar wajib diisi.")},
    )


class EmployeeChoicesField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)

    def _check_values(self, value: Any) -> Any:
        # An `in` lookup does not bound its integers as `exact` does: refuse what is no id.
        for item in value:
            text = str(item)
            if not (text.isdigit() and 1 <= int(text) <= DB_ID_MAX):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text[:30]},
                )
        return super()._check_values(value)  # type: ignore[misc]


class CascadeForm(ServiceErrorsForm):
    """Push one of my results, with its indicators, into the plans of some subordinates."""

    result = ParentChoiceField(
        label=_("RHK saya yang diturunkan"),
        queryset=PlannedResult.objects.none(),
        empty_label=_("Pilih RHK"),
        error_messages={
            "required": _("RHK yang diturunkan wajib dipilih."),
            "invalid_choice": _("RHK: pilih salah satu RHK Anda dari daftar."),
        },
    )
    employees = EmployeeChoicesField(
        label=_("Bawahan yang menerima"),
        queryset=Employee.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Pilih sedikitnya satu bawahan yang menerima."),
            "invalid_choice": _("Pegawai dengan id %(value)s bukan bawahan Anda."),
        },
    )

    def __init__(
        self,
        *args: Any,
        results: QuerySet[PlannedResult],
        employees: QuerySet[Employee],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        result = self.fields["result"]
        assert isinstance(result, forms.ModelChoiceField)
        result.queryset = results
        chosen = self.fields["employees"]
        assert isinstance(chosen, forms.ModelMultipleChoiceField)
        chosen.queryset = employees
