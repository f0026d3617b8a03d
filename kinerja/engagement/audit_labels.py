"""Indonesian labels of engagement's audit actions and snapshot keys (one section per part)."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def engagement_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            # announcements
            "announcement.created": "Pengumuman dibuat",
            "announcement.updated": "Pengumuman diubah",
            "announcement.published": "Pengumuman diterbitkan",
            # guides and tour
            "guide.created": "Panduan dibuat",
            "guide.updated": "Panduan diubah",
            # perception survey
            "perception_round.opened": "Putaran survei persepsi dibuka",
            "perception_round.closed": "Putaran survei persepsi ditutup",
            "perception.answered": "Survei persepsi diisi (tanpa jawaban)",
            # suggestions
            "suggestion.submitted": "Saran dikirim",
            "suggestion.answered": "Saran dijawab",
            "suggestion.declined": "Saran tidak ditayangkan",
            # trial periods
            "trial_period.cleared": "Hasil periode uji coba dikosongkan",
            "trial_period.promoted": "Periode uji coba dijadikan resmi",
            # demo
            "demo_engagement.seeded": "Data demo sosialisasi diisi",
        },
        entities={
            "announcement": "Pengumuman",
            "guide": "Panduan",
            "perception_round": "Putaran survei persepsi",
            "perception": "Survei persepsi",
            "suggestion": "Saran",
            "trial_period": "Periode uji coba",
            "demo_engagement": "Data demo sosialisasi",
        },
        fields={
            "title": "Judul",
            "audience": "Sasaran",
            "agency_id": "Perangkat daerah",
            "unit_id": "Unit kerja",
            "role": "Peran",
            "published_at": "Diterbitkan",
            "expires_on": "Berlaku sampai",
            "slug": "Alamat",
            "pages": "Halaman yang dijelaskan",
            "kind": "Jenis",
            "summary": "Ringkasan",
            "body": "Isi",
            "order": "Urutan",
            "is_published": "Terbit",
            "state": "Status",
            "opens_on": "Dibuka",
            "closes_on": "Ditutup",
            "answer": "Jawaban",
            "is_important": "Penting",
            "trial_agency_id": "Perangkat daerah uji coba",
            "cleared": "Yang dikosongkan",
            "files": "Berkas dihapus",
        },
    )
