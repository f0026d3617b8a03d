from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kinerja.core"
    label = "core"
    verbose_name = "Inti"

    def ready(self) -> None:
        from django.urls import register_converter

        from kinerja.core import task_limits  # noqa: F401 - connects the task_finished receiver
        from kinerja.core.form_rendering import error_phrases_install
        from kinerja.core.params import IdConverter

        # `<id:…>` instead of `<int:…>`: ids past the database's range are a 404, not a 500.
        register_converter(IdConverter, "id")
        error_phrases_install()
