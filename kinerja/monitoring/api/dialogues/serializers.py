"""What the dialogue API answers (a dialogue, its actions, the coaching feedback state, my
dialogues) and what it accepts (schedule or record, cancel, an action, a note, the answers)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kinerja.core.params import IdSerializerField, ModelCharField
from kinerja.monitoring.models import DialogueAction, PerformanceDialogue
from kinerja.monitoring.selectors.dialogues import ROLES, is_overdue

# --- output ---------------------------------------------------------------------------------


class DialogueOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    employee_id = serializers.IntegerField()
    employee_name = serializers.CharField(source="employee.full_name")
    appraiser_id = serializers.IntegerField()
    appraiser_name = serializers.CharField(source="appraiser.full_name")
    plan_id = serializers.IntegerField(allow_null=True)
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    scheduled_at = serializers.DateTimeField()
    held_at = serializers.DateTimeField(allow_null=True)
    place = serializers.CharField()
    agenda = serializers.CharField()
    notes = serializers.CharField()
    has_coaching_feedback = serializers.BooleanField(source="has_feedback", default=False)


class DialogueActionOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    dialogue_id = serializers.IntegerField()
    text = serializers.CharField()
    owner_id = serializers.IntegerField()
    owner_name = serializers.CharField(source="owner.full_name")
    due_date = serializers.DateField()
    done_at = serializers.DateTimeField(allow_null=True)
    done_note = serializers.CharField()
    overdue = serializers.SerializerMethodField()

    def get_overdue(self, action: DialogueAction) -> bool:
        return is_overdue(action)


class DialogueListOutputSerializer(serializers.Serializer[Any]):
    upcoming = DialogueOutputSerializer(many=True)
    recent = DialogueOutputSerializer(many=True)
    open_actions = DialogueActionOutputSerializer(many=True)


class DialogueCoachingOutputSerializer(serializers.Serializer[Any]):
    submitted = serializers.BooleanField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    may_fill = serializers.BooleanField()
    answers = serializers.DictField(child=serializers.IntegerField(), allow_null=True)
    comment = serializers.CharField(allow_null=True)


class DialogueDetailOutputSerializer(serializers.Serializer[Any]):
    dialogue = DialogueOutputSerializer()
    actions = DialogueActionOutputSerializer(many=True)
    coaching_feedback = DialogueCoachingOutputSerializer(allow_null=True)


# --- input ----------------------------------------------------------------------------------


class DialogueListInputSerializer(serializers.Serializer[Any]):
    peran = serializers.ChoiceField(
        choices=ROLES,
        required=False,
        allow_blank=True,
        default="",
        error_messages={
            "invalid_choice": "Peran “{input}” tidak dikenal; isi pegawai atau penilai."
        },
    )


class DialogueActionInputSerializer(serializers.Serializer[Any]):
    text = serializers.CharField(allow_blank=True, max_length=2000)
    owner_id = IdSerializerField()
    due_date = serializers.DateField()


class DialogueRecordInputSerializer(serializers.Serializer[Any]):
    held_at = serializers.DateTimeField()
    notes = serializers.CharField(allow_blank=True, max_length=20000)
    agenda = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)
    place = ModelCharField(
        PerformanceDialogue, "place", required=False, default="", allow_blank=True
    )
    actions = DialogueActionInputSerializer(many=True, required=False, default=list)


class DialogueCreateInputSerializer(serializers.Serializer[Any]):
    """Schedule (`scheduled_at`) or record one that took place (`held_at` and `notes`)."""

    employee_id = IdSerializerField()
    kind = ModelCharField(PerformanceDialogue, "kind", required=False, default="CHECK_IN")
    scheduled_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    held_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(required=False, default="", allow_blank=True, max_length=20000)
    agenda = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)
    place = ModelCharField(
        PerformanceDialogue, "place", required=False, default="", allow_blank=True
    )
    actions = DialogueActionInputSerializer(many=True, required=False, default=list)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if (attrs["scheduled_at"] is None) == (attrs["held_at"] is None):
            raise serializers.ValidationError(
                {
                    "scheduled_at": [
                        "Isi scheduled_at untuk menjadwalkan dialog, atau held_at (dengan notes) "
                        "untuk mencatat dialog yang sudah dilaksanakan; tidak keduanya."
                    ]
                }
            )
        return attrs


class DialogueCancelInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(allow_blank=True, max_length=8000)


class DialogueActionNoteInputSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)


class DialogueCoachingInputSerializer(serializers.Serializer[Any]):
    answers = serializers.DictField(child=serializers.IntegerField())
    comment = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)
