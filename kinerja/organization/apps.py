from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "kinerja.organization"
    label = "organization"
    verbose_name = "Organisasi"

    def ready(self) -> None:
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.organization.audit_labels import organization_audit_labels_register
        from kinerja.organization.my_tasks import organization_cards_for

        task_provider_register(organization_cards_for)
        organization_audit_labels_register()
