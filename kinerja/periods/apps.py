from django.apps import AppConfig


class PeriodsConfig(AppConfig):
    name = "kinerja.periods"
    label = "periods"
    verbose_name = "Periode penilaian"
