"""Demo service standards, through the services (docs/conventions.md, "Demo seeds"):

- Loket Pelayanan Adminduk (the demo supervisor Sri Handayani heads it): an APPROVED standard
  with every one of the fourteen components written, endorsed by the demo employee, and one
  OPEN proposal by the demo employee Agus Wibowo, which shows in the standard's thread;
- Mal Pelayanan Publik: a DRAFT standard, partly written, never approved.

The actor is the unit head's account where there is one, else the system (None). Idempotent:
a unit that already has a standard is left as it is. Services (jenis layanan) are not created
here: `demo_responses.py` creates them for every unit.
"""

from __future__ import annotations

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions
from kinerja.organization.models import ServiceUnit
from kinerja.people.models import Employee
from kinerja.surveys.models import ServiceStandard
from kinerja.surveys.permissions import is_unit_staff, unit_head_ids
from kinerja.surveys.services.proposals import (
    standard_propose,
)
from kinerja.surveys.services.standards import (
    standard_approve,
    standard_comment,
    standard_edit,
    standard_endorse,
    standard_start,
)

ADMINDUK = "Loket Pelayanan Adminduk"
MALL = "Mal Pelayanan Publik"

ADMINDUK_TEXTS: dict[str, str] = {
    "LEGAL_BASIS": (
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.\n"
        "Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 "
        "Tahun 2006 tentang Administrasi Kependudukan.\n"
        "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran "
        "Penduduk dan Pencatatan Sipil.\n"
        "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan."
    ),
    "REQUIREMENTS": (
        "Perekaman KTP-el: fotokopi Kartu Keluarga; telah berusia 17 tahun atau sudah/pernah "
        "kawin.\n"
        "Penerbitan Kartu Keluarga baru: surat pengantar RT/RW, buku nikah atau akta "
        "perkawinan, surat keterangan pindah bila pendatang.\n"
        "Akta kelahiran: surat keterangan lahir dari dokter/bidan, Kartu Keluarga dan KTP-el "
        "orang tua."
    ),
    "PROCEDURE": (
        "1. Pemohon mengambil nomor antrean di mesin antrean atau melalui aplikasi.\n"
        "2. Petugas loket memeriksa kelengkapan berkas.\n"
        "3. Berkas lengkap diverifikasi dan dientri ke SIAK; berkas belum lengkap dikembalikan "
        "dengan keterangan tertulis.\n"
        "4. Dokumen dicetak, ditandatangani secara elektronik, dan diserahkan kepada pemohon."
    ),
    "TIME": (
        "KTP-el dan Kartu Keluarga: selesai pada hari yang sama bila berkas lengkap diterima "
        "sebelum pukul 12.00.\n"
        "Akta kelahiran: paling lama 1 (satu) hari kerja."
    ),
    "COST": "Tidak dipungut biaya (gratis) untuk seluruh dokumen kependudukan.",
    "PRODUCT": "KTP-el, Kartu Keluarga, Kartu Identitas Anak, akta kelahiran, akta kematian.",
    "FACILITIES": (
        "Ruang tunggu ber-AC dengan 60 kursi, mesin antrean, toilet, ruang laktasi, jalur "
        "kursi roda, dan area bermain anak."
    ),
    "COMPETENCE": (
        "Petugas loket berpendidikan minimal SMA/SMK, telah mengikuti bimbingan teknis SIAK "
        "dan pelatihan pelayanan prima."
    ),
    "SUPERVISION": (
        "Pengawasan oleh Kepala Seksi Identitas Penduduk setiap hari dan oleh Kepala Bidang "
        "Pelayanan Pendaftaran Penduduk setiap bulan."
    ),
    "COMPLAINTS": (
        "Pengaduan, saran, dan masukan melalui kotak saran di ruang tunggu, ULAS (Unit Layanan "
        "Aduan Surakarta), WhatsApp pengaduan, atau langsung kepada Kepala Seksi Identitas "
        "Penduduk. Pengaduan ditanggapi paling lama 5 hari kerja."
    ),
    "STAFFING": "6 (enam) petugas loket dan 2 (dua) operator perekaman.",
    "GUARANTEE": (
        "Pelayanan diberikan sesuai standar ini; bila dokumen tidak selesai dalam jangka "
        "waktu yang dijanjikan, dokumen diantar ke alamat pemohon tanpa biaya."
    ),
    "SAFETY": (
        "Data pribadi pemohon dijaga kerahasiaannya; ruang pelayanan dilengkapi CCTV, alat "
        "pemadam api ringan, dan jalur evakuasi."
    ),
    "EVALUATION": (
        "Evaluasi kinerja pelaksana setiap triwulan berdasarkan Survei Kepuasan Masyarakat "
        "dan pengaduan yang masuk."
    ),
}

MALL_TEXTS: dict[str, str] = {
    "LEGAL_BASIS": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
    "REQUIREMENTS": "Sesuai persyaratan instansi pemilik layanan di setiap gerai.",
    "PROCEDURE": "Pemohon mengambil antrean di meja informasi, lalu dilayani di gerai tujuan.",
    "COST": "Sesuai ketentuan tarif instansi pemilik layanan; layanan informasi gratis.",
}


def _unit(name: str) -> ServiceUnit | None:
    return ServiceUnit.objects.select_related("unit").filter(name=name).first()


def _head_user(unit: ServiceUnit) -> User | None:
    heads = unit_head_ids(unit)
    employee = (
        Employee.objects.filter(pk__in=heads, user__isnull=False, user__is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return employee.user if employee else None


def _adminduk(unit: ServiceUnit) -> list[str]:
    head = _head_user(unit)
    standard = standard_start(actor=head, service_unit=unit)
    standard_edit(actor=head, standard=standard, texts=ADMINDUK_TEXTS, revision=1)
    agus = User.objects.filter(username=DEMO_EMPLOYEE.username, is_active=True).first()
    if agus is not None and is_unit_staff(agus, unit):
        standard_endorse(actor=agus, standard=standard)
    standard_approve(
        actor=head,
        standard=standard,
        revision=standard.revision,
        note="Ditetapkan setelah dibahas bersama seluruh petugas loket.",
    )
    lines = [f"Standar pelayanan {unit.name}: disetujui, versi {standard.approved_version}."]
    if agus is not None and is_unit_staff(agus, unit):
        standard_propose(
            actor=agus,
            standard=standard,
            kind="TIME",
            text=(
                "KTP-el dan Kartu Keluarga: selesai pada hari yang sama bila berkas lengkap "
                "diterima sebelum pukul 14.00.\n"
                "Akta kelahiran: selesai pada hari yang sama."
            ),
            reason="Sejak tanda tangan elektronik, akta dapat dicetak langsung di loket.",
        )
        if head is not None:
            standard_comment(
                actor=head,
                standard=standard,
                body="Terima kasih, Mas Agus. Saya cek dulu kapasitas printer di loket.",
            )
        lines.append(f"Standar pelayanan {unit.name}: satu usul perubahan menunggu keputusan.")
    return lines


def _mall(unit: ServiceUnit) -> list[str]:
    head = _head_user(unit)
    standard = standard_start(actor=head, service_unit=unit)
    standard_edit(actor=head, standard=standard, texts=MALL_TEXTS, revision=1)
    return [f"Standar pelayanan {unit.name}: draf, belum disetujui."]


def standards_demo_seed(options: DemoOptions) -> list[str]:
    lines: list[str] = []
    for name, seed in ((ADMINDUK, _adminduk), (MALL, _mall)):
        unit = _unit(name)
        if unit is None or ServiceStandard.objects.filter(service_unit=unit).exists():
            continue
        lines.extend(seed(unit))
    return lines
