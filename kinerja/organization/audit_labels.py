"""Indonesian labels of the organization app's audit actions."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def organization_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "agency.created": "Perangkat daerah ditambahkan",
            "unit.created": "Unit kerja ditambahkan",
            "position.created": "Jabatan ditambahkan",
            "position.updated": "Jabatan diubah",
            "service_unit.created": "Unit layanan ditambahkan",
        },
        entities={
            "agency": "Perangkat daerah",
            "unit": "Unit kerja",
            "position": "Jabatan",
            "service_unit": "Unit layanan",
        },
    )
