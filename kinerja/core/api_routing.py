"""One URL, one view class per operation.

REST puts list (GET) and create (POST) on the same URL, but they differ in who may do them.
Each operation is written as its own APIView (own docstring, schema and permission classes);
`api_operations(get=ListApi, post=CreateApi)` serves them from one URL pattern, and each
request is checked with the permission classes of the operation it calls.
"""

from __future__ import annotations

from typing import Any

from rest_framework.views import APIView


class OperationsApi(APIView):
    """Base of the views built by `api_operations`: dispatches rights per HTTP method."""

    operations: dict[str, type[APIView]] = {}

    def get_permissions(self) -> list[Any]:
        method = (self.request.method or "").lower()
        operation = self.operations.get(method)
        classes = operation.permission_classes if operation else self.permission_classes
        return [permission() for permission in classes]


def api_operations(**operations: type[APIView]) -> type[OperationsApi]:
    """A view class answering each HTTP method (`get=`, `post=`, …) with its operation's handler."""
    attributes: dict[str, Any] = {"operations": operations}
    for method, view in operations.items():
        attributes[method] = getattr(view, method)
    name = "".join(view.__name__.removesuffix("Api") for view in operations.values()) + "Api"
    return type(name, (OperationsApi,), attributes)
