from django.apps import AppConfig


class PeriodsConfig(AppConfig):
    name = "kinerja.periods"
    label = "periods"
    verbose_name = "Periode penilaian"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.periods.audit_labels import periods_audit_labels_register
        from kinerja.periods.demo import demo_seed
        from kinerja.periods.my_tasks import periods_cards_for

        demo_seed_register(self.label, demo_seed)
        task_provider_register(periods_cards_for)
        periods_audit_labels_register()
