"""How every form of the site renders: our field and form templates, and our error phrases.

`FORM_RENDERER` points at `KinerjaFormRenderer`, so `{{ form }}` and `{{ field.as_field_group }}`
use components/form.html and components/field.html everywhere. `error_phrases_install` (called
once from CoreConfig.ready) replaces Django's stock messages whose Indonesian translation
clashes with the glossary: "Bidang ini …" reads as the unit kind "bidang".
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


_CHECKS = {"checkbox", "radio"}
_GROUPS = ("checkbox_select.html", "radio.html")
_OURS = ("form-control", "form-select", "form-check-input")


def widget_class(input_type: str, template_name: str) -> str:
    """Bootstrap's class for a widget, so that no form has to set it by hand. The wrapper of a
    group of checkboxes or radios gets none: its choices are written with `form-check-input`
    by templates/django/forms/widgets/multiple_input.html."""
    if template_name.endswith(_GROUPS):
        return ""
    if input_type in _CHECKS:
        return "form-check-input"
    if template_name.endswith("select.html"):
        return "form-select"
    return "form-control"


SELECT_TEMPLATE = "django/forms/widgets/select.html"


def _escaped(value: Any) -> str:
    return str(value) if isinstance(value, SafeData) else html.escape(str(value))


def select_html(widget: dict[str, Any]) -> SafeString:
    """A <select> written in Python: the filter of a list page has a hundred agencies, and
    Django's template includes two templates per option. Options carry value, label and
    `selected` only, as Django's Select gives them."""
    parts = [f'<select name="{_escaped(widget["name"])}"{flatatt(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'<optgroup label="{_escaped(group_name)}">')
        parts.extend(
            f'<option value="{_escaped(option["value"])}"'
            f"{' selected' if option['selected'] else ''}>{_escaped(option['label'])}</option>"
            for option in options
        )
        if group_name:
            parts.append("</optgroup>")
    parts.append("</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


class KinerjaFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if isinstance(widget, dict) and widget.get("type") != "hidden":
            attrs = widget.setdefault("attrs", {})
            current = str(attrs.get("class", ""))
            if not any(name in current for name in _OURS) and template_name.startswith(
                "django/forms/widgets/"
            ):
                extra = widget_class(str(widget.get("type", "")), template_name)
                if extra:
                    attrs["class"] = f"{extra} {current}".strip()
            if template_name == SELECT_TEMPLATE:
                return select_html(widget)
        return super().render(template_name, context, request)


ERROR_PHRASES: dict[type[forms.Field], dict[str, str | StrPromise]] = {
    forms.Field: {"required": _("Isian ini wajib diisi.")},
    forms.ChoiceField: {
        "invalid_choice": _(
            "Pilihan %(value)s tidak ada dalam daftar; pilih salah satu dari daftar."
        )
    },
    forms.ModelChoiceField: {
        "invalid_choice": _("Pilihan itu tidak ada dalam daftar; pilih salah satu dari daftar.")
    },
    forms.IntegerField: {"invalid": _("Isi dengan bilangan bulat, misalnya 12.")},
    forms.DecimalField: {"invalid": _("Isi dengan angka, misalnya 1.234,56.")},
    forms.DateField: {
        "invalid": _("Tanggal tidak dikenal; tulis HH-BB-TTTT, misalnya 01-12-2026.")
    },
    forms.EmailField: {"invalid": _("Isi alamat surel yang sah, misalnya nama@surakarta.go.id.")},
    forms.FileField: {
        "required": _("Pilih berkas yang akan diunggah."),
        "empty": _("Berkas yang diunggah kosong."),
    },
}


def error_phrases_install() -> None:
    for field_class, phrases in ERROR_PHRASES.items():
        # Each class gets its own dict so that a subclass's phrases never leak to its parent.
        field_class.default_error_messages = {**field_class.default_error_messages, **phrases}
