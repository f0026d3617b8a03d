from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kinerja.people"
    label = "people"
    verbose_name = "Kepegawaian"

    def ready(self) -> None:
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.people.audit_labels import people_audit_labels_register
        from kinerja.people.my_tasks import people_cards_for

        task_provider_register(people_cards_for)
        people_audit_labels_register()
