from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "kinerja.evaluation"
    label = "evaluation"
    verbose_name = "Penilaian kinerja"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.evaluation.audit_labels import evaluation_audit_labels_register
        from kinerja.evaluation.demo import demo_seed
        from kinerja.evaluation.my_tasks import evaluation_cards_for

        demo_seed_register(self.label, demo_seed)
        evaluation_audit_labels_register()
        task_provider_register(evaluation_cards_for)
