"""API: who am I, and tokens: POST /api/v1/token/ with username and password.

The token endpoint goes through the same login guard as the login page (lockout, throttle,
audit) and answers the token once, with its expiry.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.api_tokens import api_token_issue
from kinerja.accounts.login_guard import login_attempt


class MeOutputSerializer(serializers.Serializer[object]):
    username = serializers.CharField()
    full_name = serializers.CharField()
    role = serializers.CharField()
    agency_id = serializers.IntegerField(allow_null=True)


class MeApi(APIView):
    @extend_schema(responses=MeOutputSerializer, summary="Akun yang sedang masuk")
    def get(self, request: Request) -> Response:
        user = request.user
        data = {
            "username": user.username,
            "full_name": getattr(user, "full_name", ""),
            "role": getattr(user, "role", ""),
            "agency_id": getattr(user, "agency_id", None),
        }
        return Response(MeOutputSerializer(data).data)


class TokenInputSerializer(serializers.Serializer[object]):
    username = serializers.CharField(max_length=64)
    password = serializers.CharField(max_length=256, trim_whitespace=False)
    name = serializers.CharField(max_length=100, required=False, allow_blank=True)


class TokenOutputSerializer(serializers.Serializer[object]):
    token = serializers.CharField(help_text="Kunci token; hanya ditampilkan sekali.")
    token_id = serializers.IntegerField()
    expires_at = serializers.DateTimeField()


class TokenObtainApi(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=TokenInputSerializer,
        responses=TokenOutputSerializer,
        summary="Minta token API (berlaku API_TOKEN_DAYS hari)",
    )
    def post(self, request: Request) -> Response:
        data = TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        outcome = login_attempt(
            request=request._request,
            login_name=data.validated_data["username"],
            password=data.validated_data["password"],
            channel="api",
        )
        if outcome.lock is not None:
            until = timezone.localtime(outcome.lock.locked_until)
            seconds = max(1, int((outcome.lock.locked_until - timezone.now()).total_seconds()))
            return Response(
                {
                    "detail": "Terlalu banyak percobaan masuk yang gagal; akun dikunci "
                    f"sementara sampai pukul {until:%H.%M} WIB.",
                    "locked_until": until.isoformat(),
                },
                status=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(seconds)},
            )
        if outcome.user is None:
            return Response(
                {"detail": "NIP/nama pengguna atau kata sandi salah."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            issued = api_token_issue(actor=outcome.user, name=data.validated_data.get("name", ""))
        except ValidationError as exc:
            return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
        return Response(
            TokenOutputSerializer(
                {
                    "token": issued.key,
                    "token_id": issued.token.pk,
                    "expires_at": issued.token.expires_at,
                }
            ).data
        )
