from typing import Any

from django.db import models

from jaring.audit.models import AuditEvent


def audit_record(
    *,
    action: str,
    actor: Any = None,
    actor_label: str = "",
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    office: Any = None,
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Appends one audit event. Call it inside the service's transaction so both land or neither does."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        action=action,
        actor=user,
        actor_label=actor_label or (user.get_username() if user else "sistem"),
        object_type=object_type,
        object_id=object_id,
        office=office,
        summary=summary[:300],
        data=data or {},
    )
