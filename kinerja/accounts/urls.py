from django.urls import path

from kinerja.accounts import views

app_name = "accounts"

urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("kata-sandi/", views.password_change, name="password_change"),
    path("token/", views.api_token_list, name="token_list"),
    path("token/<id:token_id>/cabut/", views.api_token_revoke_view, name="token_revoke"),
    path("kunci/", views.login_lock_list, name="lock_list"),
    path("kunci/<id:lock_id>/buka/", views.login_lock_unlock, name="lock_unlock"),
]
