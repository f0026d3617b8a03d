from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "kinerja.planning"
    label = "planning"
    verbose_name = "Perencanaan kinerja (SKP)"

    def ready(self) -> None:
        from kinerja.planning.goal_audit_labels import goal_audit_labels_register

        goal_audit_labels_register()
