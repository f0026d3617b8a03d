from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "kinerja.planning"
    label = "planning"
    verbose_name = "Perencanaan kinerja (SKP)"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.planning.audit_labels import planning_audit_labels_register
        from kinerja.planning.demo import demo_seed
        from kinerja.planning.my_tasks import planning_cards_for

        demo_seed_register(self.label, demo_seed)
        task_provider_register(planning_cards_for)
        planning_audit_labels_register()
