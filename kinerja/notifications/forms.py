"""The channel choice form (the service decides; its refusal is shown under the field)."""

from __future__ import annotations

from django import forms

from kinerja.notifications.models import Channel


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(
        label="Terima pemberitahuan lewat",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        help_text=(
            "Pemberitahuan selalu masuk ke kotak masuk. Dengan email, salinannya juga dikirim "
            "ke alamat email akun Anda."
        ),
    )
