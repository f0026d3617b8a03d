from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "kinerja.surveys"
    label = "surveys"
    verbose_name = "Survei kepuasan masyarakat dan standar pelayanan"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from kinerja.core.demo import demo_seed_register
        from kinerja.core.my_tasks import task_provider_register
        from kinerja.organization.models import ServiceUnit
        from kinerja.surveys.audit_labels import surveys_audit_labels_register
        from kinerja.surveys.demo import demo_seed
        from kinerja.surveys.models import Service
        from kinerja.surveys.my_tasks import survey_cards_for
        from kinerja.surveys.selectors import form_cache_forget

        demo_seed_register(self.label, demo_seed)
        surveys_audit_labels_register()
        task_provider_register(survey_cards_for)
        for model in (ServiceUnit, Service):
            uid = f"skm-form-{model.__name__}"
            post_save.connect(form_cache_forget, sender=model, dispatch_uid=uid)
            post_delete.connect(form_cache_forget, sender=model, dispatch_uid=uid)
