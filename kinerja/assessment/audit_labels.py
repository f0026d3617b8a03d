"""Indonesian labels of the 360° app's audit actions and snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def assessment_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "review_cycle.created": "Putaran umpan balik 360 dibuat",
            "review_cycle.opened": "Putaran umpan balik 360 dibuka",
            "review_cycle.closed": "Putaran umpan balik 360 ditutup",
            "review_cycle.synced": "Daftar penilai 360 diperbarui",
            "reviewer_list.nominated": "Penilai 360 dinominasikan pegawai",
            "reviewer_list.approved": "Daftar penilai 360 disetujui",
            "behavior_review.added": "Penilai 360 ditambahkan",
            "behavior_review.withdrawn": "Penilai 360 ditarik",
            "behavior_review.submitted": "Umpan balik 360 dikirim",
            "behavior_review.revised": "Umpan balik 360 diubah",
            "demo_assessment.seeded": "Data demo umpan balik 360 diisi",
            "assessment_export.downloaded": "Hasil umpan balik 360 diekspor",
        },
        entities={
            "review_cycle": "Putaran umpan balik 360",
            "reviewer_list": "Daftar penilai 360",
            "behavior_review": "Penilai 360",
            "demo_assessment": "Data demo umpan balik 360",
            "assessment_export": "Ekspor hasil umpan balik 360",
        },
        fields={
            "state": "Status",
            "due_date": "Batas pengisian",
            "peers": "Rekan kerja",
            "relation": "Hubungan",
            "rater": "Penilai",
            "reason": "Alasan",
            "submitted_on": "Dikirim pada",
            "lists_created": "Daftar dibuat",
            "reviews_created": "Penilai ditambahkan",
            "reviews_withdrawn": "Penilai ditarik",
            "lists_left": "Pegawai keluar",
            "drafts_deleted": "Draf jawaban dihapus",
            "day": "Tanggal",
            "reviewer_list_id": "Daftar penilai",
            "withdrawn_on": "Ditarik pada",
            "name": "Nama",
            "period_id": "Periode penilaian",
            "window_id": "Evaluasi periodik",
            "agency_id": "Perangkat daerah",
            "cycle_id": "Putaran umpan balik 360",
            "format": "Format berkas",
            "rows": "Jumlah baris",
        },
    )
