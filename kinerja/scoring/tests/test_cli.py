"""The command line: ``python -m kinerja.scoring ikm|nip``."""

import runpy
import sys
from pathlib import Path

import pytest

from kinerja.scoring.cli import main
from kinerja.scoring.ikm import Element
from kinerja.scoring.testing import make_xlsx

PAPER_ORDER = [*[e.value for e in Element][:7], "Sarana dan Prasarana", "U8"]


def test_ikm_prints_means_and_the_index_in_indonesian_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header: list[str | int | None] = ["Responden", *PAPER_ORDER]
    fours: list[list[str | int | None]] = [[f"R{n}", *[4] * 9] for n in range(11)]
    threes: list[list[str | int | None]] = [[f"S{n}", *[3] * 9] for n in range(9)]
    rows = [header, *fours, *threes]
    path = make_xlsx(tmp_path / "survei.xlsx", rows)
    assert main(["ikm", str(path), "--weights", "0.11"]) == 0
    output = capsys.readouterr().out
    assert "Responden: 20" in output
    assert "Bobot: 0,11 (laporan lama)" in output
    assert "U8 Penanganan Pengaduan, Saran dan Masukan      71      20  3,5500" in output
    assert "Indeks: 3,5145" in output
    assert "IKM: 87,86" in output
    assert "Mutu: B (Baik)" in output


def test_ikm_reports_missing_element_columns_and_exits_with_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "survei.csv"
    path.write_text("Responden,U1,U2\nR1,4,4\n", encoding="utf-8")
    assert main(["ikm", str(path)]) == 2
    assert "Kesalahan: Kolom unsur tidak ditemukan: U3 (Waktu Penyelesaian)" in (
        capsys.readouterr().err
    )


def test_ikm_reports_a_missing_file_and_exits_with_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ikm", str(tmp_path / "tidak-ada.csv")]) == 2
    assert "Kesalahan:" in capsys.readouterr().err


def test_nip_is_explained_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nip", "19860926.201505.2.001"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "NIP: 19860926 201505 2 001",
        "Jenis pegawai: PNS (disimpulkan dari digit 13-14)",
        "Tanggal lahir: 26 September 1986",
        "Pengangkatan: Mei 2015",
        "Jenis kelamin: Perempuan",
        "Nomor urut: 1",
    ]


def test_a_pppk_number_is_explained_with_its_year_and_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["nip", "19900101 2021 21 1 015", "--jenis", "PPPK"]) == 0
    output = capsys.readouterr().out
    assert "Jenis pegawai: PPPK\n" in output
    assert "Pengangkatan: tahun 2021, kode 21" in output
    assert "Nomor urut: 15" in output


def test_an_invalid_nip_exits_with_2_and_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nip", "1986092620150510"]) == 2
    assert capsys.readouterr().err == (
        "Kesalahan: NIP 1986092620150510 harus 18 digit; ditemukan 16\n"
    )


def test_the_module_runs_as_a_program(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["kinerja.scoring", "nip", "198609262015051001"])
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("kinerja.scoring", run_name="__main__")
    assert exited.value.code == 0
    assert "Tanggal lahir: 26 September 1986" in capsys.readouterr().out
