"""API: who am I. Token authentication: POST /api/v1/token/ with username and password."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


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
