"""Indonesian labels of the accounts app's audit actions (registered in core, below audit).

The words follow the pages of this app: "masuk" (the login page is "Masuk", the lock page
"Kunci masuk"), "Token API", "kata sandi". Every action the accounts code records must be
here; `tests/test_audit_labels.py` reads the actions out of the code and checks.
"""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def accounts_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "user.created": "Pengguna ditambahkan",
            "user.password_changed": "Kata sandi diganti",
            "user.role_changed": "Peran pengguna diubah",
            "user.activated": "Pengguna diaktifkan",
            "user.deactivated": "Pengguna dinonaktifkan",
            "login.succeeded": "Berhasil masuk",
            "login.failed": "Gagal masuk",
            "login_lock.imposed": "Kunci masuk dikenakan",
            "login_lock.lifted": "Kunci masuk dibuka",
            "api_token.issued": "Token API diterbitkan",
            "api_token.revoked": "Token API dicabut",
        },
        entities={
            "user": "Pengguna",
            "login": "Masuk",
            "login_lock": "Kunci masuk",
            "api_token": "Token API",
        },
        # Keys of the login events' payload, whose object is the account (not model fields).
        fields={
            "channel": "Saluran (web/API)",
            "login_name": "Nama masuk yang diketik",
            "known_account": "Akun terdaftar",
        },
    )
