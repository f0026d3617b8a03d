"""Builders for tests of evidence: a throw-away storage, minimal valid bytes of every accepted
type and of refused ones, and file evidence stored for real."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings

from kinerja.monitoring.evidence.storage import stored_file_save
from kinerja.monitoring.models import Evidence, EvidenceKind, Realization


@contextmanager
def evidence_storage_at(path: Path) -> Iterator[Path]:
    """Point the storage alias "evidence" at `path` (a pytest tmp_path) for the block."""
    stores = {**settings.STORAGES}
    stores["evidence"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(path)},
    }
    with override_settings(STORAGES=stores):
        yield path


def stored_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file())


def _zip(entries: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(entries):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def minimal_pdf(text: str = "Bukti dukung") -> bytes:
    """A small valid one-page PDF saying `text` (ASCII)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="x"/>'

ACCEPTED_SAMPLES: dict[str, tuple[bytes, str]] = {
    "laporan.pdf": (minimal_pdf(), "application/pdf"),
    "foto.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17, "image/png"),
    "foto.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20, "image/jpeg"),
    "foto.webp": (b"RIFF\x1a\x00\x00\x00WEBPVP8 " + b"\x00" * 14, "image/webp"),
    "animasi.gif": (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif"),
    "notulen.docx": (
        _zip([("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", b"<w/>")]),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "data.xlsx": (
        _zip([("[Content_Types].xml", CONTENT_TYPES), ("xl/workbook.xml", b"<x/>")]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "paparan.pptx": (
        _zip([("[Content_Types].xml", CONTENT_TYPES), ("ppt/presentation.xml", b"<p/>")]),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "notulen.odt": (
        _zip(
            [("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<o/>")],
            stored_first=True,
        ),
        "application/vnd.oasis.opendocument.text",
    ),
    "rekap.ods": (
        _zip(
            [("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")],
            stored_first=True,
        ),
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    "surat.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "application/msword"),
    "rekap.csv": (b"nama;jumlah\nAgus;12\nSri;7\n", "text/csv"),
    "catatan.txt": ("Rapat koordinasi pukul 09.00 — hadir 12 orang.\n".encode(), "text/plain"),
}
"""Name → (bytes, content type found) for every accepted type."""

REFUSED_SAMPLES: dict[str, tuple[bytes, str]] = {
    "setup.exe": (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00", "program Windows"),
    "program": (b"\x7fELF\x02\x01\x01" + b"\x00" * 40, "program Linux"),
    "aplikasi": (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 24, "program macOS"),
    "pasang.sh": (b"#!/bin/sh\nrm -rf /\n", "skrip"),
    "halaman.html": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "HTML"),
    "gambar.svg": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "SVG",
    ),
    "arsip.zip": (_zip([("a.txt", b"isi")]), "arsip ZIP yang bukan dokumen Office"),
    "makro.docm": (
        _zip(
            [
                ("[Content_Types].xml", CONTENT_TYPES),
                ("word/document.xml", b"<w/>"),
                ("word/vbaProject.bin", b"\x00"),
            ]
        ),
        "bermakro",
    ),
    "acak.bin": (bytes(range(256)) * 4, "berkas biner"),
}
"""Name → (bytes, words the refusal must contain) for refused contents."""


def upload(name: str, data: bytes) -> ContentFile[bytes]:
    return ContentFile(data, name=name)


def make_file_evidence(
    *, realization: Realization, data: bytes | None = None, name: str = "laporan.pdf"
) -> Evidence:
    """A file evidence stored for real in the "evidence" storage (no checks, no audit)."""
    data = minimal_pdf() if data is None else data
    stored = stored_file_save(plan_id=realization.plan_id, file=ContentFile(data))
    return Evidence.objects.create(
        realization=realization,
        plan_id=realization.plan_id,
        kind=EvidenceKind.FILE,
        original_name=name,
        stored_name=stored,
        content_type="application/pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
