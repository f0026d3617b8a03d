"""Name parts for synthetic demo employees: common Javanese and Indonesian names and titles.

Combined at random they give plausible names that belong to nobody in particular.
"""

from __future__ import annotations

MALE_GIVEN = [
    "Agus", "Bambang", "Budi", "Joko", "Slamet", "Teguh", "Eko", "Dwi", "Tri", "Wahyu",
    "Hendro", "Yusuf", "Rudi", "Sigit", "Bayu", "Aditya", "Fajar", "Rizky", "Hari", "Heru",
    "Sutrisno", "Suryo", "Gunawan", "Bagus", "Anton", "Arif", "Dimas", "Galih", "Ilham",
    "Muhammad", "Ahmad", "Nur", "Purwanto", "Sukarno", "Wisnu", "Yoga", "Danang", "Kurniawan",
    "Rahmat", "Andi", "Bimo", "Catur", "Dedi", "Edi", "Fery", "Gilang", "Hadi", "Imam",
]  # fmt: skip

FEMALE_GIVEN = [
    "Sri", "Rina", "Dewi", "Endang", "Siti", "Ratna", "Wulan", "Ayu", "Indah", "Retno",
    "Kartika", "Puspita", "Ning", "Tutik", "Yuni", "Dian", "Fitri", "Nurul", "Lina", "Maya",
    "Novi", "Putri", "Rini", "Sari", "Tari", "Umi", "Wahyuni", "Yanti", "Anik", "Diah",
    "Erna", "Heni", "Ika", "Kurnia", "Lestari", "Mega", "Nanik", "Peni", "Rahma", "Septi",
]  # fmt: skip

MALE_FAMILY = [
    "Santoso", "Wibowo", "Susanto", "Prasetyo", "Nugroho", "Hartono", "Setiawan", "Saputra",
    "Wijaya", "Purnomo", "Sulistyo", "Hidayat", "Suharto", "Mulyono", "Raharjo", "Utomo",
    "Pamungkas", "Firmansyah", "Kusuma", "Haryanto", "Sasongko", "Wicaksono", "Budiman",
]  # fmt: skip

FEMALE_FAMILY = [
    "Handayani", "Lestari", "Rahayu", "Wulandari", "Susanti", "Kusumawati", "Puspitasari",
    "Pratiwi", "Rahmawati", "Astuti", "Widyastuti", "Setyaningsih", "Purwaningsih",
    "Hastuti", "Suryani", "Anggraini", "Safitri", "Maharani", "Kurniasari", "Utami",
]  # fmt: skip

BACHELOR = ["S.E.", "S.H.", "S.Sos.", "S.Kom.", "S.T.", "S.Pd.", "S.Psi.", "S.I.P.", "S.A.P."]
MASTER = ["M.M.", "M.Si.", "M.A.P.", "M.T.", "M.Pd.", "M.H.", "M.Kom."]
DIPLOMA = ["A.Md.", "A.Md.Kom.", "A.Md.A.B."]
HEALTH = {"Dokter": ("dr.", ""), "Perawat": ("", "S.Kep., Ns."), "Bidan": ("", "A.Md.Keb.")}
HEALTH_MASTER = "M.Kes."
DOCTOR_PREFIX = "Dr."
ENGINEER_PREFIX = "Ir."
