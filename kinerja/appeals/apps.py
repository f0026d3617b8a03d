from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "kinerja.appeals"
    label = "appeals"
    verbose_name = "Keberatan"

    def ready(self) -> None:
        from kinerja.appeals.audit_labels import appeals_audit_labels_register
        from kinerja.appeals.demo import demo_seed
        from kinerja.appeals.evaluation_notes import appeals_evaluation_notes
        from kinerja.appeals.my_tasks import appeals_cards_for
        from kinerja.appeals.reminders import appeals_reminders_register
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.evaluation.notes import evaluation_note_provider_register

        demo_seed_register(self.label, demo_seed)
        appeals_audit_labels_register()
        task_provider_register(appeals_cards_for)
        appeals_reminders_register()
        evaluation_note_provider_register(appeals_evaluation_notes)
