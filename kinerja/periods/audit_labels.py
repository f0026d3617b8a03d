"""Indonesian labels of the periods app's audit actions and of its non-field snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def periods_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "period.opened": "Periode penilaian dibuka",
            "period.updated": "Batas waktu periode penilaian diubah",
            "period.state_changed": "Tahap periode penilaian dipindahkan",
        },
        entities={"period": "Periode penilaian"},
        fields={"window_count": "Jumlah evaluasi periodik"},
    )
