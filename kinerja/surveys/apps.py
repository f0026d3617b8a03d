from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "kinerja.surveys"
    label = "surveys"
    verbose_name = "Survei kepuasan masyarakat dan standar pelayanan"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.surveys.audit_labels import surveys_audit_labels_register
        from kinerja.surveys.demo import demo_seed
        from kinerja.surveys.my_tasks import standard_cards_for

        demo_seed_register(self.label, demo_seed)
        surveys_audit_labels_register()
        task_provider_register(standard_cards_for)
