from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kinerja.people"
    label = "people"
    verbose_name = "Kepegawaian"

    def ready(self) -> None:
        from kinerja.core.demo import demo_seed_register
        from kinerja.people.demo import demo_seed

        demo_seed_register(self.label, demo_seed)
