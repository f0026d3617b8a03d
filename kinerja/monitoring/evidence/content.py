"""What an evidence file is, found from its bytes (magic numbers), never from its name; and the
one rule that accepts or refuses a file (`evidence_file_check`), called by the service, and so
by the page, the API and the demo alike.

Accepted: PDF; PNG, JPEG, WebP and GIF images; Office Open XML (docx, xlsx, pptx: a zip with
`[Content_Types].xml` and a `word/`, `xl/` or `ppt/` part, without macros); OpenDocument (a
zip whose first entry `mimetype` says `application/vnd.oasis.opendocument.*`); legacy Office
(OLE2 compound files: doc, xls, ppt); plain text and CSV (UTF-8, no NUL byte, not markup).
Everything else is refused, naming what the content is: Windows, Linux and macOS programs,
scripts (`#!`), HTML, SVG and XML (they can carry scripts), other zips, unknown binaries. A
name whose extension claims another type than the content is refused too (an executable
renamed `laporan.pdf`).

The file is read in chunks (`File.chunks()`), once, for the text check and the SHA-256 at the
same time: a 100 MB upload is never held in memory. Zips are read through their central
directory only (no member is extracted, except the 100-byte `mimetype` of OpenDocument).
"""

from __future__ import annotations

import codecs
import hashlib
import zipfile
from dataclasses import dataclass, field
from fractions import Fraction
from typing import IO

from django.core.files import File

from kinerja.scoring.formatting import format_decimal

ACCEPTED_TEXT = (
    "PDF, gambar (PNG, JPEG, WebP, GIF), dokumen Office (docx, xlsx, pptx, doc, xls, ppt), "
    "OpenDocument (odt, ods, odp) atau teks/CSV"
)
NAME_MAX = 120
"""The original name is kept as metadata up to this many characters (extension kept)."""


@dataclass(frozen=True)
class FileType:
    """An accepted type: its label for people, its MIME type, the extensions a name may
    carry, and whether a browser may show it inline (PDF and images only)."""

    label: str
    content_type: str
    extensions: tuple[str, ...]
    inline: bool = False
    by_extension: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def content_type_for(self, extension: str) -> str:
        return self.by_extension.get(extension, self.content_type)


def _exts(*names: str) -> tuple[str, ...]:
    """The extensions a name of this type may end with, the usual one first."""
    return names


PDF = FileType("PDF", "application/pdf", _exts("pdf"), inline=True)
PNG = FileType("gambar PNG", "image/png", _exts("png"), inline=True)
JPEG = FileType("gambar JPEG", "image/jpeg", _exts("jpg", "jpeg", "jpe", "jfif"), inline=True)
WEBP = FileType("gambar WebP", "image/webp", _exts("webp"), inline=True)
GIF = FileType("gambar GIF", "image/gif", _exts("gif"), inline=True)
DOCX = FileType(
    "dokumen Word (docx)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    _exts("docx", "dotx"),
)
XLSX = FileType(
    "lembar kerja Excel (xlsx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    _exts("xlsx", "xltx"),
)
PPTX = FileType(
    "presentasi PowerPoint (pptx)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    _exts("pptx", "ppsx", "potx"),
)
ODT = FileType(
    "dokumen OpenDocument (odt)", "application/vnd.oasis.opendocument.text", _exts("odt")
)
ODS = FileType(
    "lembar kerja OpenDocument (ods)",
    "application/vnd.oasis.opendocument.spreadsheet",
    _exts("ods"),
)
ODP = FileType(
    "presentasi OpenDocument (odp)",
    "application/vnd.oasis.opendocument.presentation",
    _exts("odp"),
)
OLE2 = FileType(
    "dokumen Office lama (doc, xls, ppt)",
    "application/vnd.ms-office",
    _exts("doc", "xls", "ppt", "dot", "xlt", "pps"),
    by_extension={
        "doc": "application/msword",
        "dot": "application/msword",
        "xls": "application/vnd.ms-excel",
        "xlt": "application/vnd.ms-excel",
        "ppt": "application/vnd.ms-powerpoint",
        "pps": "application/vnd.ms-powerpoint",
    },
)
TEXT = FileType(
    "teks/CSV",
    "text/plain",
    _exts("txt", "csv", "tsv", "md", "log"),
    by_extension={"csv": "text/csv", "tsv": "text/tab-separated-values"},
)

OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": ODT,
    "application/vnd.oasis.opendocument.spreadsheet": ODS,
    "application/vnd.oasis.opendocument.presentation": ODP,
}

ACCEPTED_EXTENSIONS = frozenset(
    ext
    for kind in (PDF, PNG, JPEG, WEBP, GIF, DOCX, XLSX, PPTX, ODT, ODS, ODP, OLE2, TEXT)
    for ext in kind.extensions
)

# Refused contents, by their first bytes: what the sentence calls them.
REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "program Windows (EXE/DLL)"),
    (b"\x7fELF", "program Linux (ELF)"),
    (b"\xfe\xed\xfa\xce", "program macOS (Mach-O)"),
    (b"\xfe\xed\xfa\xcf", "program macOS (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "program macOS (Mach-O)"),
    (b"\xcf\xfa\xed\xfe", "program macOS (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "program macOS atau Java (Mach-O/class)"),
    (b"#!", "skrip yang dapat dijalankan (#!)"),
    (b"Rar!", "arsip RAR"),
    (b"7z\xbc\xaf\x27\x1c", "arsip 7-Zip"),
    (b"\x1f\x8b", "arsip GZIP"),
)
MARKUP_WORDS = (b"<svg", b"<html", b"<!doctype", b"<script", b"<?xml", b"<body", b"<iframe")

HEAD_BYTES = 4096


def clean_name(name: str) -> str:
    """The name a person gave the file, safe to keep and show: no folder parts, no control
    characters, at most NAME_MAX characters (the extension kept)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().strip(".")
    if len(base) > NAME_MAX:
        stem, dot, ext = base.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            base = f"{stem[: NAME_MAX - len(ext) - 1]}.{ext}"
        else:
            base = base[:NAME_MAX]
    return base or "berkas"


def name_extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def size_text(size: int) -> str:
    """A size for people: 950 bita, 12,5 KB, 1,2 MB, 2,0 GB (base 1.024)."""
    if size < 1024:
        return f"{size} bita"
    for unit, power in (("KB", 1), ("MB", 2), ("GB", 3)):
        value = Fraction(size, 1024**power)
        if value < 1024 or unit == "GB":
            return f"{format_decimal(value, places=1)} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class Reading:
    """What one pass over the bytes found."""

    head: bytes = b""
    sha256: str = ""
    size: int = 0
    utf8: bool = True
    has_nul: bool = False


def file_read(file: File[bytes]) -> Reading:
    """One chunked pass: the first bytes, the SHA-256, the size, and whether it is UTF-8 text
    without NUL bytes. Leaves the file at its start."""
    reading = Reading()
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
        if len(reading.head) < HEAD_BYTES:
            reading.head += chunk[: HEAD_BYTES - len(reading.head)]
        reading.size += len(chunk)
        if reading.utf8 and not reading.has_nul:
            reading.has_nul = b"\x00" in chunk
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                reading.utf8 = False
    if reading.utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            reading.utf8 = False
    reading.sha256 = digest.hexdigest()
    file.seek(0)
    return reading


def _zip_type(stream: IO[bytes]) -> FileType | str:
    """An office document inside a zip, or the sentence part naming what the zip is."""
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            if infos and infos[0].filename == "mimetype":
                with archive.open(infos[0]) as member:
                    declared = member.read(100).decode("ascii", "replace").strip()
                if declared in ODF_TYPES:
                    return ODF_TYPES[declared]
                if declared.startswith("application/vnd.oasis.opendocument."):
                    return f"dokumen OpenDocument jenis lain ({declared})"
            if "[Content_Types].xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    return "dokumen Office bermakro (dapat menjalankan program)"
                for prefix, kind in OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return "arsip ZIP yang rusak"
    finally:
        stream.seek(0)
    return "arsip ZIP yang bukan dokumen Office"


def content_type_detect(file: File[bytes], reading: Reading) -> FileType | str:
    """The accepted type of the content, or (a string) what the refused content is."""
    head = reading.head
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE2
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_type(file)
    for magic, label in REFUSED_MAGIC:
        if head.startswith(magic):
            return label
    if reading.utf8 and not reading.has_nul:
        start = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
        if start.startswith(b"<") and any(word in start[:1024] for word in MARKUP_WORDS):
            return "dokumen HTML, SVG atau XML (dapat memuat skrip)"
        if b"<script" in head.lower():
            return "teks yang memuat skrip HTML"
        return TEXT
    return "berkas biner yang jenisnya tidak dikenali"


def plan_room_errors(*, name: str, size: int, used: int, maximum: int) -> list[str]:
    """The sentence refusing a file the plan has no room left for (`used` of `maximum`)."""
    left = max(maximum - used, 0)
    if size <= left:
        return []
    return [
        f"Berkas “{name}” berukuran {size_text(size)}, melebihi sisa ruang bukti dukung SKP "
        f"ini ({size_text(left)} dari {size_text(maximum)}); hapus bukti yang tidak "
        "diperlukan atau gunakan tautan."
    ]


@dataclass
class FileCheck:
    """The verdict on one file: the sentences refusing it (empty when accepted), the type
    found and what the single pass read (SHA-256, size)."""

    errors: list[str]
    file_type: FileType | None
    reading: Reading
    name: str

    @property
    def content_type(self) -> str:
        assert self.file_type is not None
        return self.file_type.content_type_for(name_extension(self.name))


def evidence_file_check(
    *,
    file: File[bytes],
    name: str,
    plan_used_bytes: int,
    max_file_bytes: int,
    max_plan_bytes: int,
) -> FileCheck:
    """Every check of an evidence file: not empty, not over the size per file, not over what
    the plan may still hold, a type accepted by its content, and a name that does not claim
    another type."""
    shown = clean_name(name)
    declared = getattr(file, "size", None)
    if declared is not None and declared > max_file_bytes:  # refused before reading it
        sentence = (
            f"Berkas “{shown}” berukuran {size_text(declared)}; paling besar "
            f"{size_text(max_file_bytes)} per berkas."
        )
        return FileCheck([sentence], None, Reading(size=declared), shown)
    reading = file_read(file)
    errors: list[str] = []
    if reading.size == 0:
        errors.append(f"Berkas “{shown}” kosong (0 bita); unggah berkas yang berisi bukti.")
        return FileCheck(errors, None, reading, shown)
    if reading.size > max_file_bytes:
        errors.append(
            f"Berkas “{shown}” berukuran {size_text(reading.size)}; paling besar "
            f"{size_text(max_file_bytes)} per berkas."
        )
    if reading.size <= max_file_bytes:
        errors += plan_room_errors(
            name=shown, size=reading.size, used=plan_used_bytes, maximum=max_plan_bytes
        )
    found = content_type_detect(file, reading)
    extension = name_extension(shown)
    if isinstance(found, str):
        claims = extension in ACCEPTED_EXTENSIONS
        claim = f", meskipun namanya berakhiran .{extension}" if claims else ""
        errors.append(
            f"Isi berkas “{shown}” adalah {found}{claim}; jenis ini tidak diterima. "
            f"Yang diterima: {ACCEPTED_TEXT}."
        )
        return FileCheck(errors, None, reading, shown)
    if extension and extension not in found.extensions:
        errors.append(
            f"Berkas “{shown}” berakhiran .{extension}, tetapi isinya {found.label}; samakan "
            f"nama dengan isinya (misalnya .{found.extensions[0]}). Yang diterima: "
            f"{ACCEPTED_TEXT}."
        )
    return FileCheck(errors, found if not errors else None, reading, shown)


def evidence_file_errors(
    *,
    file: File[bytes],
    name: str,
    plan_used_bytes: int,
    max_file_bytes: int,
    max_plan_bytes: int,
) -> list[str]:
    """The sentences refusing the file (empty when it is accepted)."""
    return evidence_file_check(
        file=file,
        name=name,
        plan_used_bytes=plan_used_bytes,
        max_file_bytes=max_file_bytes,
        max_plan_bytes=max_plan_bytes,
    ).errors
