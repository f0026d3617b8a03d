"""The uploaded file: refused early when unusable, kept privately while its jobs need it,
read as a table by the one spreadsheet reader, and deleted afterwards (`import_uploads_purge`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from kinerja.people.imports.columns import MAX_COLUMNS
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.spreadsheet import SpreadsheetError, read_table

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""Largest accepted upload (10 MB is about 60,000 rows of CSV)."""
MAX_ROWS = 50_000
"""Largest number of data rows in one file; the upload page states it."""
ALLOWED_SUFFIXES = (".csv", ".xlsx")
DEFAULT_RETENTION_HOURS = 24


class ImportFileError(ValueError):
    """A file that cannot be read as a table; the message says why, in Indonesian."""


@dataclass(frozen=True)
class ImportFile:
    """An uploaded file as the tasks pass it around: kept privately under MEDIA_ROOT/imports."""

    file_name: str
    stored_name: str
    sha256: str
    size: int

    @property
    def path(self) -> Path:
        return import_storage_dir() / self.stored_name

    def read_bytes(self) -> bytes:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            raise ImportFileError(
                f"Berkas {self.file_name} sudah tidak tersimpan (sudah diimpor atau melewati "
                "batas waktu simpan); unggah ulang."
            ) from None

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)


def import_storage_dir() -> Path:
    """Private folder for uploads: under MEDIA_ROOT, which this project never serves."""
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def import_file_store(*, chunks: Iterable[bytes], file_name: str, stored_name: str) -> ImportFile:
    """Write the upload chunk by chunk (never whole in memory) under our own name."""
    stored = f"{stored_name}{Path(file_name).suffix.lower()}"
    digest, size = hashlib.sha256(), 0
    with (import_storage_dir() / stored).open("wb") as target:
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return ImportFile(
        file_name=Path(file_name).name[:200],
        stored_name=stored,
        sha256=digest.hexdigest(),
        size=size,
    )


def import_file_problem(*, file_name: str, size: int) -> str:
    """Why an upload is refused before reading it, or "" when its name and size are fine."""
    suffix = Path(file_name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        found = suffix or "tanpa ekstensi"
        return f"Berkas harus berekstensi .csv atau .xlsx; ditemukan {found}."
    if size == 0:
        return "Berkas kosong; unggah berkas .csv atau .xlsx yang berisi baris judul dan data."
    if size > MAX_UPLOAD_BYTES:
        megabytes = format_decimal(Decimal(size) / (1024 * 1024), 1)
        return (
            f"Berkas terlalu besar ({megabytes} MB); paling besar 10 MB. "
            "Bagi menjadi beberapa berkas."
        )
    return ""


def import_table_read(*, content: bytes, file_name: str) -> list[tuple[int, list[Any]]]:
    """Rows as (spreadsheet row number, cells), header first; blank rows dropped.

    Only the template's columns (plus a margin, to report unknown headers) are read, and at
    most `MAX_ROWS` data rows (see `kinerja.scoring.spreadsheet` for the other bounds).
    """
    if Path(file_name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise ImportFileError("Berkas harus berekstensi .csv atau .xlsx.")
    try:
        table = read_table(content, file_name=file_name, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    except SpreadsheetError as error:
        raise ImportFileError(f"{error}.") from None
    return [(number, list(cells)) for number, cells in table]


def import_uploads_purge(*, now: datetime | None = None, hours: int | None = None) -> int:
    """Delete uploads older than the retention period (IMPORT_RETENTION_HOURS); how many.

    The tasks delete a file as soon as no job needs it; this catches the rest (files checked
    but never confirmed, and any left by a worker that stopped).
    """
    retention = hours if hours is not None else _retention_hours()
    cutoff = (now or timezone.now()) - timedelta(hours=retention)
    deleted = 0
    for path in import_storage_dir().iterdir():
        if not path.is_file():
            continue
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=cutoff.tzinfo)
        if modified < cutoff:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


def _retention_hours() -> int:
    return int(getattr(settings, "IMPORT_RETENTION_HOURS", DEFAULT_RETENTION_HOURS))
