"""Indonesian labels of the discussions app's audit actions and of its non-field snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def discussions_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "comment.added": "Komentar ditambahkan",
            "document_version.recorded": "Versi dokumen dicatat",
        },
        entities={
            "comment": "Komentar",
            "document_version": "Versi dokumen",
        },
        fields={
            "subject_type": "Jenis objek",
            "subject_id": "ID objek",
            "subject_text": "Objek",
            "line_count": "Jumlah baris",
        },
    )
