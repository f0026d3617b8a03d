"""Forms of the people pages: they parse input; the services decide and explain refusals."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.core.form_fields import DateFieldID
from kinerja.core.params import IdFormField
from kinerja.organization.models import Agency, Position, PositionKind
from kinerja.organization.selectors import grade_codes
from kinerja.people.identity import IDENTITY_FIELDS, identity_check
from kinerja.people.models import Assignment, EmployeeStatus, EmploymentType, Gender
from kinerja.people.post_tree import TreePost
from kinerja.people.selectors import EmployeeFilters
from kinerja.people.services import NewPost


def _date_field(label: str, *, required: bool = True) -> forms.DateField:
    # The site's one date field: HH-BB-TTTT, HH/BB/TTTT or ISO; its error names the value.
    return DateFieldID(
        label=label, required=required, error_messages={"required": f"{label} wajib diisi."}
    )


def bootstrap_widgets(form: forms.Form, *, small: bool = False) -> None:
    """Bootstrap classes on every widget, so templates can render `{{ field }}`."""
    size = "-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        base = "form-select" if isinstance(widget, forms.Select) else "form-control"
        widget.attrs["class"] = f"{base} {base}{size}" if small else base


def _grade_choices() -> list[tuple[str, Any]]:
    return [
        ("", "Semua"),
        ("PNS", [(g, g) for g in grade_codes("PNS")]),
        ("PPPK", [(g, g) for g in grade_codes("PPPK")]),
    ]


class EmployeeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari NIP atau nama"), required=False, max_length=100)
    agency = forms.ModelChoiceField(
        label=_("Perangkat daerah"), queryset=Agency.objects.none(), required=False,
        empty_label="Semua",
    )  # fmt: skip
    unit = IdFormField(label="Unit kerja", required=False, widget=forms.HiddenInput)
    grade = forms.ChoiceField(label=_("Golongan"), required=False)
    position_kind = forms.ChoiceField(
        label=_("Jenis jabatan"),
        required=False,
        choices=[("", "Semua"), *PositionKind.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "Semua"), *EmployeeStatus.choices]
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.ModelChoiceField)
        # The choices need only the id and the name (no parent join) for a hundred agencies.
        agency_field.queryset = agencies.select_related(None).only("id", "name")
        grade_field = self.fields["grade"]
        assert isinstance(grade_field, forms.ChoiceField)
        grade_field.choices = _grade_choices()
        bootstrap_widgets(self, small=True)

    def to_filters(self) -> EmployeeFilters:
        if not self.is_valid():
            return EmployeeFilters()
        data = self.cleaned_data
        agency = data.get("agency")
        return EmployeeFilters(
            query=data.get("q") or "",
            agency_id=agency.pk if agency else None,
            unit_id=data.get("unit"),
            grade=data.get("grade") or "",
            position_kind=data.get("position_kind") or "",
            status=data.get("status") or "",
        )


class AgencySearchForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau kode"), required=False, max_length=100)

    def query(self) -> str:
        return str(self.cleaned_data.get("q") or "").strip() if self.is_valid() else ""


class PositionChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        unit = f" — {obj.unit.name}" if obj.unit_id else ""
        return f"{obj.name}{unit} ({obj.agency.name})"


def _position_field(label: str, *, required: bool = True) -> PositionChoiceField:
    return PositionChoiceField(
        label=label,
        queryset=Position.objects.none(),
        required=required,
        error_messages={
            "required": f"{label} wajib dipilih.",
            "invalid_choice": f"{label}: pilih jabatan lowong dari daftar.",
        },
    )


class _WithPositions(forms.Form):
    def __init__(self, *args: Any, positions: QuerySet[Position], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["position"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = positions
        bootstrap_widgets(self)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid"
        return valid

    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)
            if target is not None:
                widget = self.fields[target].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid"


def _tree_label(post: TreePost) -> str:
    indent = "\u00a0\u00a0\u00a0" * post.depth + ("└ " if post.depth else "")
    return f"{indent}{post.position.name} — {post.holder}"


PLACEMENT_FIELDS = ("position", "new_post_name", "new_post_kind", "new_post_supervisor")
NEW_POST_FIELDS = PLACEMENT_FIELDS[1:]
DATE_AND_NOTE = ("start_date", "note")


class _WithPlacement(_WithPositions):
    """A vacant post, or a new post created on the spot under a post chosen from the tree."""

    new_post_name = forms.CharField(
        label=_("Nama jabatan baru"),
        required=False,
        max_length=250,
        help_text=_("mis. Pengolah Data; dicatat di struktur organisasi perangkat daerah."),
    )
    new_post_kind = forms.ChoiceField(
        label=_("Jenis jabatan baru"),
        required=False,
        choices=PositionKind.choices,
        initial=PositionKind.PELAKSANA,
    )
    new_post_supervisor = forms.ModelChoiceField(
        label=_("Jabatan atasan"),
        queryset=Position.objects.none(),
        required=False,
        help_text=_("Jabatan baru berada di unit kerja jabatan atasannya."),
        error_messages={"invalid_choice": "Jabatan atasan: pilih jabatan dari daftar."},
    )

    def __init__(
        self,
        *args: Any,
        supervisors: QuerySet[Position],
        supervisor_tree: list[tuple[str, list[TreePost]]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        position = self.fields["position"]
        assert isinstance(position, forms.ModelChoiceField)
        position.required = False
        position.empty_label = "Pilih jabatan lowong"
        supervisor = self.fields["new_post_supervisor"]
        assert isinstance(supervisor, forms.ModelChoiceField)
        supervisor.queryset = supervisors
        supervisor.choices = [
            ("", "Pilih jabatan atasan"),
            *[(agency, [(p.position.pk, _tree_label(p)) for p in posts])
              for agency, posts in supervisor_tree],
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_post_name", "").strip():
            if data.get("position") is not None:
                self.add_error(
                    "new_post_name",
                    "Pilih jabatan lowong atau buat jabatan baru, tidak keduanya.",
                )
            if data.get("new_post_supervisor") is None and "new_post_supervisor" not in self.errors:
                self.add_error(
                    "new_post_supervisor", "Jabatan atasan wajib dipilih untuk jabatan baru."
                )
            if not data.get("new_post_kind"):
                self.add_error("new_post_kind", "Jenis jabatan baru wajib dipilih.")
        elif data.get("position") is None and "position" not in self.errors:
            self.add_error(
                "position", f"{self.fields['position'].label} wajib dipilih. Pilih jabatan "
                "lowong, atau isi nama jabatan baru di bagian Buat jabatan baru."
            )  # fmt: skip
        return data

    def new_post(self) -> NewPost | None:
        name = self.cleaned_data.get("new_post_name", "").strip()
        if not name:
            return None
        return NewPost(
            name=name,
            kind=self.cleaned_data["new_post_kind"],
            supervisor=self.cleaned_data["new_post_supervisor"],
        )

    def main_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in self.fields if n not in (*PLACEMENT_FIELDS, *DATE_AND_NOTE)]

    def date_and_note_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in DATE_AND_NOTE if n in self.fields]

    def new_post_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in NEW_POST_FIELDS]

    def new_post_open(self) -> bool:
        """The new-post part starts open when it was filled in or refused."""
        return bool(self.data.get("new_post_name")) or any(
            n in self.errors for n in NEW_POST_FIELDS
        )


class EmployeeCreateForm(_WithPlacement):
    nip = forms.CharField(
        label=_("NIP"), max_length=30, help_text=_("18 digit; spasi dan titik boleh.")
    )
    employment_type = forms.ChoiceField(
        label=_("Jenis kepegawaian"), choices=EmploymentType.choices
    )
    title_prefix = forms.CharField(label=_("Gelar depan"), required=False, max_length=50)
    name = forms.CharField(label=_("Nama (tanpa gelar)"), max_length=200)
    title_suffix = forms.CharField(label=_("Gelar belakang"), required=False, max_length=80)
    gender = forms.ChoiceField(label=_("Jenis kelamin"), choices=Gender.choices)
    birth_date = _date_field("Tanggal lahir")
    grade = forms.ChoiceField(label=_("Golongan"))
    position = _position_field("Jabatan")
    start_date = _date_field("Mulai menjabat")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["grade"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _grade_choices()[1:]

    def clean(self) -> dict[str, Any]:
        """The identity rules (people/identity.py), worded as at every other entrance."""
        data = super().clean() or {}
        if all(data.get(name) for name in IDENTITY_FIELDS):
            checked = identity_check(**{name: data[name] for name in IDENTITY_FIELDS})
            for name, reason in checked.errors.items():
                self.add_error(name, reason)
        return data


class EmployeeMoveForm(_WithPlacement):
    position = _position_field("Jabatan baru")
    start_date = _date_field("Mulai di jabatan baru")
    note = forms.CharField(label=_("Keterangan (mis. nomor SK)"), required=False, max_length=250)


class ActingStartForm(_WithPositions):
    position = _position_field("Jabatan yang dirangkap")
    acting_kind = forms.ChoiceField(label=_("Jenis"), choices=Assignment.ActingKind.choices)
    start_date = _date_field("Mulai")
    end_date = _date_field("Selesai", required=False)
    note = forms.CharField(label=_("Keterangan (mis. nomor SK)"), required=False, max_length=250)


class AssignmentEndForm(forms.Form):
    end_date = _date_field("Tanggal selesai")

    def cleaned_end_date(self) -> date:
        value: date = self.cleaned_data["end_date"]
        return value
