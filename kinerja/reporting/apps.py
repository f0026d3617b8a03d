from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "kinerja.reporting"
    label = "reporting"
    verbose_name = "Dasbor"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.reporting.audit_labels import reporting_audit_labels_register
        from kinerja.reporting.demo import demo_seed
        from kinerja.reporting.my_tasks import reporting_cards_for

        demo_seed_register(self.label, demo_seed)
        reporting_audit_labels_register()
        task_provider_register(reporting_cards_for)
