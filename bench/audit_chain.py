"""Audit trail: cost of appending events and of verifying the whole chain."""

from __future__ import annotations

from _django import bench_database, print_table, timed
from django.db import transaction

from kinerja.audit.chain import chain_verify
from kinerja.audit.services import audit_record

N = 5000


def append(n: int) -> None:
    for i in range(n):
        with transaction.atomic():
            audit_record(actor=None, action="bench.appended", after={"i": i})


def main() -> None:
    with bench_database():
        append_s, _ = timed(lambda: append(N))
        verify_s, report = timed(chain_verify)
        assert report.ok
        print_table(
            f"Jejak audit, {N} peristiwa",
            [
                ("append, total (s)", f"{append_s:.2f}"),
                ("append, per event (ms)", f"{append_s * 1000 / N:.2f}"),
                ("verify, total (s)", f"{verify_s:.2f}"),
                ("verify, events per second", f"{N / verify_s:,.0f}"),
                ("verify / append ratio", f"{verify_s / append_s:.3f}"),
            ],
        )


if __name__ == "__main__":
    main()
