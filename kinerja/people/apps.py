from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kinerja.people"
    label = "people"
    verbose_name = "Kepegawaian"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.people.audit_labels import people_audit_labels_register
        from kinerja.people.demo import demo_seed
        from kinerja.people.my_tasks import people_cards_for

        demo_seed_register(self.label, demo_seed)
        task_provider_register(people_cards_for)
        people_audit_labels_register()
