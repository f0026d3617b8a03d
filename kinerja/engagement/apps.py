from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "kinerja.engagement"
    label = "engagement"
    verbose_name = "Sosialisasi"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import home_notice_provider_register, task_provider_register
        from kinerja.engagement.audit_labels import engagement_audit_labels_register
        from kinerja.engagement.demo import demo_seed
        from kinerja.engagement.my_tasks import engagement_cards_for, engagement_notices_for

        demo_seed_register(self.label, demo_seed)
        engagement_audit_labels_register()
        task_provider_register(engagement_cards_for)
        home_notice_provider_register(engagement_notices_for)
