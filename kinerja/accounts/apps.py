from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kinerja.accounts"
    label = "accounts"
    verbose_name = "Akun"

    def ready(self) -> None:
        from kinerja.accounts.audit_labels import accounts_audit_labels_register

        accounts_audit_labels_register()
