"""The upload of every spreadsheet import (employees, organisation goals, paper surveys): one
form with one set of sentences, and the refusal of a body that declares itself larger than an
upload may be, before Django reads it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest

from kinerja.people.imports.files import MAX_UPLOAD_BYTES, import_file_problem

MULTIPART_MARGIN = 64 * 1024
"""Room for the form's other fields and the multipart boundaries around the file."""


class ImportUploadForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas",
        help_text="Format .xlsx atau .csv (UTF-8, pemisah ; atau ,), paling besar 10 MB.",
        error_messages={
            "required": "Berkas wajib dipilih: unggah berkas .csv atau .xlsx.",
            "empty": "Berkas kosong; unggah berkas .csv atau .xlsx yang berisi judul dan data.",
            "invalid": "Berkas tidak terbaca sebagai unggahan; pilih ulang berkasnya.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_berkas(self) -> Any:
        upload = self.cleaned_data["berkas"]
        problem = import_file_problem(file_name=upload.name or "", size=upload.size or 0)
        if problem:
            raise forms.ValidationError(problem)
        return upload


def declared_size(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def upload_too_large(request: HttpRequest) -> str | None:
    """The refusal of a POST whose declared body is past the upload limit (read from the
    header, so the body is never read), else None."""
    size = declared_size(request)
    if request.method != "POST" or size <= MAX_UPLOAD_BYTES + MULTIPART_MARGIN:
        return None
    return import_file_problem(file_name="berkas.csv", size=size)
