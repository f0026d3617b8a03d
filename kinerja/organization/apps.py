from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "kinerja.organization"
    label = "organization"
    verbose_name = "Organisasi"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.organization.audit_labels import organization_audit_labels_register
        from kinerja.organization.demo import demo_seed
        from kinerja.organization.my_tasks import organization_cards_for

        demo_seed_register(self.label, demo_seed)
        task_provider_register(organization_cards_for)
        organization_audit_labels_register()
