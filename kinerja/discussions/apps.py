from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "kinerja.discussions"
    label = "discussions"
    verbose_name = "Diskusi dan versi"
