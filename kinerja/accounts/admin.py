from django.contrib import admin

from kinerja.accounts.forms import AdminLoginForm
from kinerja.accounts.models import User

# The admin login follows the same lockout and audit as the login page.
admin.site.login_form = AdminLoginForm


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    list_display = ["username", "full_name", "role", "agency", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "full_name"]
    readonly_fields = ["password", "last_login", "date_joined"]
