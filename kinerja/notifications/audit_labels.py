"""Indonesian labels of the notifications app's audit actions."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def notifications_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "notification_preference.changed": "Pilihan pemberitahuan diubah",
            "reminders.sent": "Pengingat harian dikirim",
        },
        entities={
            "notification_preference": "Pilihan pemberitahuan",
            "reminders": "Pengingat harian",
        },
        fields={
            "channel": "Saluran pemberitahuan",
            "created": "Pemberitahuan dibuat",
            "day": "Hari pengingat",
            "kinds": "Jumlah per jenis",
        },
    )
