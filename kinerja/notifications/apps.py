from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "kinerja.notifications"
    label = "notifications"
    verbose_name = "Kotak masuk dan pengingat"

    def ready(self) -> None:
        from kinerja.notifications.audit_labels import notifications_audit_labels_register

        notifications_audit_labels_register()
