"""Indonesian labels of reporting's audit actions."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def reporting_audit_labels_register() -> None:
    audit_labels_register(
        actions={"dashboard_summary.refreshed": "Ringkasan dasbor diperbarui"},
        fields={
            "figures": "Angka ringkasan",
            "ranked": "Baris peringkat",
            "seconds": "Lama (detik)",
        },
    )
