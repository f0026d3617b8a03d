"""Command line of the scoring core: ``python -m kinerja.scoring ikm|nip …``.

For offices and auditors who want to check a figure without the web application:
``ikm FILE.csv|FILE.xlsx [--weights exact|0.111|0.11]`` prints the element means and the IKM
of a survey file; ``nip NIP [--jenis PNS|PPPK]`` explains an employee number. Output and
errors are in Bahasa Indonesia with Indonesian number format; exit status 2 on bad input.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kinerja.scoring.formatting import format_date_id, format_decimal, month_name
from kinerja.scoring.ikm import Element, IkmResult, WeightConvention, ikm
from kinerja.scoring.nip import EmploymentType, NipInfo, format_nip, parse_nip
from kinerja.scoring.spreadsheet import read_rows
from kinerja.scoring.survey_rows import responses_from_rows

WEIGHT_OPTIONS = {
    "exact": WeightConvention.EXACT,
    "0.111": WeightConvention.LEGACY_0111,
    "0.11": WeightConvention.LEGACY_011,
}
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = _parser().parse_args(argv)
    try:
        if arguments.command == "ikm":
            lines = ikm_report(arguments.file, WEIGHT_OPTIONS[arguments.weights])
        else:
            lines = nip_report(parse_nip(arguments.nip, arguments.jenis))
    except (OSError, ValueError) as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("\n".join(lines))
    return 0


def ikm_report(path: Path, convention: WeightConvention) -> list[str]:
    """Lines that show a survey file's sums, counts, element means, index and IKM."""
    result = ikm(responses_from_rows(read_rows(path)), convention)
    return [
        f"Berkas: {path.name}",
        f"Responden: {result.respondents}",
        f"Bobot: {convention.label}",
        "",
        *_element_lines(result),
        "",
        f"Indeks: {format_decimal(result.index, 4)}",
        f"IKM: {format_decimal(result.value, 2)}",
        f"Mutu: {result.grade} ({result.label})",
    ]


def nip_report(info: NipInfo) -> list[str]:
    """Lines that explain a valid NIP in Bahasa Indonesia."""
    inferred = " (disimpulkan dari digit 13-14)" if info.employment_type_inferred else ""
    if info.appointment_month is not None:  # PNS: appointment month and year
        appointment = f"Pengangkatan: {month_name(info.appointment_month)} {info.appointment_year}"
    else:
        appointment = f"Pengangkatan: tahun {info.appointment_year}, kode {info.pppk_code}"
    return [
        f"NIP: {format_nip(info.nip, info.employment_type)}",
        f"Jenis pegawai: {info.employment_type.label}{inferred}",
        f"Tanggal lahir: {format_date_id(info.birth_date)}",
        appointment,
        f"Jenis kelamin: {info.gender.label}",
        f"Nomor urut: {info.sequence}",
    ]


def _element_lines(result: IkmResult) -> list[str]:
    width = max(len(f"{element} {element.label}") for element in Element)
    lines = [f"{'Unsur':<{width}}  {'Jumlah':>6}  {'Terisi':>6}  {'NRR':>6}"]
    for element, mean in result.element_means.items():
        lines.append(
            f"{f'{element} {element.label}':<{width}}  {result.element_sums[element]:>6}  "
            f"{result.element_counts[element]:>6}  {format_decimal(mean, 4):>6}"
        )
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kinerja.scoring",
        description="Perhitungan inti Kinerja: IKM survei kepuasan masyarakat dan NIP.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    survey = commands.add_parser("ikm", help="hitung NRR dan IKM dari berkas CSV atau XLSX")
    survey.add_argument("file", type=Path, help="berkas .csv atau .xlsx, satu baris per responden")
    survey.add_argument(
        "--weights",
        choices=sorted(WEIGHT_OPTIONS),
        default="exact",
        help="bobot unsur: exact (1/9, baku), 0.111 atau 0.11 (laporan lama)",
    )
    number = commands.add_parser("nip", help="jelaskan arti NIP PNS atau NI PPPK")
    number.add_argument("nip", help='NIP, boleh dengan spasi atau titik ("19860926 201505 1 001")')
    number.add_argument("--jenis", choices=[kind.value for kind in EmploymentType])
    return parser
