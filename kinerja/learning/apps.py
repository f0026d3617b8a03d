from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "kinerja.learning"
    label = "learning"
    verbose_name = "Pengembangan kompetensi"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.evaluation.hooks import predikat_hook_register
        from kinerja.learning.audit_labels import learning_audit_labels_register
        from kinerja.learning.demo import demo_seed
        from kinerja.learning.my_tasks import learning_cards_for
        from kinerja.learning.services.coaching import coaching_plan_ensure

        demo_seed_register(self.label, demo_seed)
        learning_audit_labels_register()
        task_provider_register(learning_cards_for)
        predikat_hook_register(coaching_plan_ensure)
