"""Employee import: validate and apply a 10,000-row file, then apply it again (a no-op)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from _django import bench_database, print_table, timed
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from kinerja.accounts.models import Role
from kinerja.accounts.testing import make_user
from kinerja.organization.models import Agency, AgencyKind
from kinerja.people.imports import HEADER, employee_import_apply, employee_import_validate
from kinerja.people.models import Assignment, Employee

N = 10_000
AGENCIES = 10
GRADES = ["II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"]


def synthetic_rows(agency_codes: list[str]) -> list[list[str]]:
    """Valid, unique PNS rows: in each agency a head, ten heads of division, and staff."""
    rows = []
    per_agency = N // len(agency_codes)
    for i in range(N):
        code, k = agency_codes[i // per_agency], i % per_agency
        birth = date(1966, 1, 1) + timedelta(days=i % 7000)
        gender = 1 + i % 2
        nip = f"{birth:%Y%m%d}{birth.year + 25}{(i % 12) + 1:02d}{gender}{i // 7000 + 1:03d}"
        if k == 0:
            position, kind, supervisor, head = "Kepala", "JPT", "", "Ya"
        elif k <= 10:
            position, kind, supervisor, head = f"Kepala Bidang {k}", "Administrator", "Kepala", ""
        else:
            position, kind = f"Pelaksana {k}", "Pelaksana"
            supervisor, head = f"Kepala Bidang {k % 10 + 1}", ""
        values = {
            "NIP": nip,
            "Jenis Kepegawaian": "PNS",
            "Nama": f"Pegawai Sintetis {i}",
            "Jenis Kelamin": "L" if gender == 1 else "P",
            "Tanggal Lahir": birth.isoformat(),
            "Golongan": GRADES[i % len(GRADES)],
            "Kode Perangkat Daerah": code,
            "Jabatan": position,
            "Jenis Jabatan": kind,
            "Jabatan Atasan": supervisor,
            "Kepala Perangkat Daerah": head,
            "TMT Jabatan": "2021-01-04",
        }
        rows.append([values.get(header, "") for header in HEADER.values()])
    return rows


def as_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER.values())
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(list(HEADER.values()))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main() -> None:
    with bench_database():
        actor = make_user(username="admin.bench", role=Role.ADMIN_BKPSDM)
        codes = [f"bench-{n}" for n in range(AGENCIES)]
        Agency.objects.bulk_create(
            [Agency(code=code, name=f"Dinas Bench {code}", kind=AgencyKind.DINAS) for code in codes]
        )
        rows = synthetic_rows(codes)
        csv_bytes, xlsx_bytes = as_csv(rows), as_xlsx(rows)

        with CaptureQueriesContext(connection) as queries:
            validate_s, report = timed(
                lambda: employee_import_validate(
                    actor=actor, content=csv_bytes, file_name="bench.csv"
                )
            )
        assert report.is_clean, report.errors[:3]
        validate_queries = len(queries)
        xlsx_s, xlsx_report = timed(
            lambda: employee_import_validate(actor=actor, content=xlsx_bytes, file_name="b.xlsx")
        )
        assert xlsx_report.is_clean
        apply_s, first = timed(
            lambda: employee_import_apply(actor=actor, content=csv_bytes, file_name="bench.csv")
        )
        assert first.counts.employees_created == N
        again_s, second = timed(
            lambda: employee_import_apply(actor=actor, content=csv_bytes, file_name="bench.csv")
        )
        assert second.counts.changes == 0
        assert Employee.objects.count() == N
        assert Assignment.objects.count() == N
        print_table(
            f"Impor pegawai, {N:,} baris ({connection.vendor})",
            [
                ("CSV size (KB)", f"{len(csv_bytes) / 1024:,.0f}"),
                ("XLSX size (KB)", f"{len(xlsx_bytes) / 1024:,.0f}"),
                ("validate CSV, total (s)", f"{validate_s:.2f}"),
                ("validate CSV, queries", f"{validate_queries}"),
                ("validate XLSX, total (s)", f"{xlsx_s:.2f}"),
                ("apply (validate + write), total (s)", f"{apply_s:.2f}"),
                ("apply, rows per second", f"{N / apply_s:,.0f}"),
                ("re-apply, no change, total (s)", f"{again_s:.2f}"),
                ("re-apply changes", f"{second.counts.changes}"),
                ("XLSX / CSV validate ratio", f"{xlsx_s / validate_s:.2f}"),
                ("apply / validate ratio", f"{apply_s / validate_s:.2f}"),
                ("re-apply / apply ratio", f"{again_s / apply_s:.2f}"),
            ],
        )


if __name__ == "__main__":
    main()
