from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "kinerja.discussions"
    label = "discussions"
    verbose_name = "Diskusi dan versi"

    def ready(self) -> None:
        from kinerja.discussions.audit_labels import discussions_audit_labels_register

        discussions_audit_labels_register()
