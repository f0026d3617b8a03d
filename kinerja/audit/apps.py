from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kinerja.audit"
    label = "audit"
    verbose_name = "Jejak audit"

    def ready(self) -> None:
        from kinerja.audit.audit_labels import audit_audit_labels_register
        from kinerja.audit.my_tasks import audit_tasks_for
        from kinerja.audit.services import audit_record
        from kinerja.core.audit_hook import audit_recorder_install
        from kinerja.core.my_tasks import task_provider_register

        audit_recorder_install(audit_record)
        task_provider_register(audit_tasks_for)
        audit_audit_labels_register()
