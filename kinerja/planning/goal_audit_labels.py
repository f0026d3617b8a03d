"""Indonesian labels of the organisation-goal audit actions (`goals.py`, `goal_import/`)."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def goal_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "organization_goal.created": "Sasaran strategis ditambahkan",
            "organization_goal.updated": "Sasaran strategis diubah",
            "organization_goal.removed": "Sasaran strategis dihapus",
            "organization_goal.indicator_added": "Indikator sasaran ditambahkan",
            "organization_goal.indicator_updated": "Indikator sasaran diubah",
            "organization_goal.indicator_removed": "Indikator sasaran dihapus",
            "organization_goal.imported": "Sasaran strategis diimpor",
        },
        entities={"organization_goal": "Sasaran strategis"},
        fields={
            "number": "Nomor",
            "statement": "Sasaran strategis",
            "perspective": "Perspektif",
            "indicators": "Indikator",
            "goal": "Sasaran",
            "indicator": "Indikator",
            "target_kind": "Jenis target",
            "target_value": "Target",
            "target_max": "Target maksimum",
            "target_unit": "Satuan",
            "target_description": "Uraian target",
            "polarity": "Polaritas",
            "period": "Periode",
            "goals": "Sasaran",
        },
    )
