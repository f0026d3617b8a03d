from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "kinerja.monitoring"
    label = "monitoring"
    verbose_name = "Pemantauan kinerja"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.monitoring.audit_labels import monitoring_audit_labels_register
        from kinerja.monitoring.demo import demo_seed
        from kinerja.monitoring.my_tasks import monitoring_cards_for
        from kinerja.monitoring.reminders import monitoring_reminders_register

        demo_seed_register(self.label, demo_seed)
        monitoring_audit_labels_register()
        task_provider_register(monitoring_cards_for)
        monitoring_reminders_register()
