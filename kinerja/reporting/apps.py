from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "kinerja.reporting"
    label = "reporting"
    verbose_name = "Dasbor"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.reporting.audit_labels import reporting_audit_labels_register
        from kinerja.reporting.demo import demo_seed

        demo_seed_register(self.label, demo_seed)
        reporting_audit_labels_register()
