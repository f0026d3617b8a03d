from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "kinerja.organization"
    label = "organization"
    verbose_name = "Organisasi"
