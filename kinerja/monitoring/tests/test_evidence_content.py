"""The content check of evidence files: the type comes from the bytes, never from the name."""

from __future__ import annotations

import pytest

from kinerja.monitoring.evidence.content import (
    clean_name,
    evidence_file_check,
    evidence_file_errors,
    size_text,
)
from kinerja.monitoring.evidence.testing import ACCEPTED_SAMPLES, REFUSED_SAMPLES, upload

LIMITS = {"plan_used_bytes": 0, "max_file_bytes": 10_000_000, "max_plan_bytes": 100_000_000}


def check(name: str, data: bytes, **limits: int) -> list[str]:
    return evidence_file_errors(file=upload(name, data), name=name, **{**LIMITS, **limits})


@pytest.mark.parametrize("name", sorted(ACCEPTED_SAMPLES))
def test_each_accepted_type_is_found_in_its_bytes(name: str) -> None:
    data, content_type = ACCEPTED_SAMPLES[name]
    result = evidence_file_check(file=upload(name, data), name=name, **LIMITS)
    assert result.errors == []
    assert result.content_type == content_type


@pytest.mark.parametrize("name", sorted(ACCEPTED_SAMPLES))
def test_an_accepted_type_without_extension_is_accepted_by_its_content(name: str) -> None:
    data, _ = ACCEPTED_SAMPLES[name]
    assert check("bukti", data) == []


@pytest.mark.parametrize("name", sorted(REFUSED_SAMPLES))
def test_each_refused_content_is_refused_naming_what_it_is(name: str) -> None:
    data, words = REFUSED_SAMPLES[name]
    [sentence] = check(name, data)
    assert words in sentence
    assert "Yang diterima: PDF" in sentence


def test_an_executable_renamed_pdf_is_refused_saying_it_is_a_program() -> None:
    data, _ = REFUSED_SAMPLES["setup.exe"]
    assert check("laporan.pdf", data) == [
        "Isi berkas “laporan.pdf” adalah program Windows (EXE/DLL), meskipun namanya berakhiran "
        ".pdf; jenis ini tidak diterima. Yang diterima: PDF, gambar (PNG, JPEG, WebP, GIF), "
        "dokumen Office (docx, xlsx, pptx, doc, xls, ppt), OpenDocument (odt, ods, odp) atau "
        "teks/CSV."
    ]


def test_a_name_claiming_another_accepted_type_is_refused() -> None:
    data, _ = ACCEPTED_SAMPLES["foto.png"]
    [sentence] = check("laporan.pdf", data)
    assert sentence.startswith("Berkas “laporan.pdf” berakhiran .pdf, tetapi isinya gambar PNG;")


def test_an_empty_file_is_refused() -> None:
    assert check("kosong.pdf", b"") == [
        "Berkas “kosong.pdf” kosong (0 bita); unggah berkas yang berisi bukti."
    ]


def test_a_file_over_the_limit_is_refused_with_both_sizes() -> None:
    data, _ = ACCEPTED_SAMPLES["laporan.pdf"]
    assert check("laporan.pdf", data + b" " * 2000, max_file_bytes=1024) == [
        f"Berkas “laporan.pdf” berukuran {size_text(len(data) + 2000)}; paling besar 1,0 KB "
        "per berkas."
    ]


def test_a_file_over_the_room_left_in_the_plan_is_refused() -> None:
    data, _ = ACCEPTED_SAMPLES["catatan.txt"]
    [sentence] = check("catatan.txt", data, plan_used_bytes=2000, max_plan_bytes=2048)
    assert "melebihi sisa ruang bukti dukung SKP ini (48 bita dari 2,0 KB)" in sentence


def test_text_with_a_nul_byte_or_not_utf8_is_not_text() -> None:
    assert "biner" in check("a.txt", b"abc\x00def")[0]
    assert "biner" in check("a.txt", "héllo".encode("latin-1"))[0]


def test_a_kept_name_has_no_folder_parts_and_is_capped() -> None:
    assert clean_name("C:\\Users\\agus\\..\\laporan.pdf") == "laporan.pdf"
    assert clean_name("../../etc/passwd") == "passwd"
    assert clean_name("a\x00b\nc.pdf") == "abc.pdf"
    long = clean_name("x" * 300 + ".pdf")
    assert len(long) == 120
    assert long.endswith(".pdf")
    assert clean_name("") == "berkas"


def test_sizes_read_the_indonesian_way() -> None:
    assert size_text(950) == "950 bita"
    assert size_text(1_258_291) == "1,2 MB"
    assert size_text(3 * 1024**3) == "3,0 GB"
