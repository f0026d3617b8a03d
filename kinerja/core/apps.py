from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kinerja.core"
    label = "core"
    verbose_name = "Inti"

    def ready(self) -> None:
        from kinerja.core.form_rendering import error_phrases_install

        error_phrases_install()
