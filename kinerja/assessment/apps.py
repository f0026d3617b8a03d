from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "kinerja.assessment"
    label = "assessment"
    verbose_name = "Umpan balik 360"

    def ready(self) -> None:
        from kinerja.assessment.audit_labels import assessment_audit_labels_register
        from kinerja.assessment.demo import demo_seed
        from kinerja.assessment.my_tasks import assessment_cards_for
        from kinerja.assessment.reminders import assessment_reminders_register
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register

        demo_seed_register(self.label, demo_seed)
        assessment_audit_labels_register()
        task_provider_register(assessment_cards_for)
        assessment_reminders_register()
