from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kinerja.accounts"
    label = "accounts"
    verbose_name = "Akun"

    def ready(self) -> None:
        from kinerja.accounts.audit_labels import accounts_audit_labels_register
        from kinerja.accounts.demo import demo_seed
        from kinerja.core.demo import demo_seed_register

        demo_seed_register(self.label, demo_seed)
        accounts_audit_labels_register()
