from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "kinerja.organization"
    label = "organization"
    verbose_name = "Organisasi"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.organization.demo import demo_seed

        demo_seed_register(self.label, demo_seed)
