"""Bulk actions on a record list: submit, approve, return (one reason for all) or delete the ticked records.

Two steps, both POST to `<type>/bulk/`: the list's form sends the action and the ticked ids and gets a
confirmation page listing the records; confirming runs the action on each record through the same action
functions as the detail page (core/services.py `transition_record` / `delete_record`), so permission, area
and maker-checker rules are the same, one record at a time. The result page says per record what was done or
refused and why. A record outside the user's view is named only by its id.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from .permissions import can
from .registry import RecordType
from .services import delete_record, transition_record
from .text import is_digits

# Action → (button label, past tense for the result page).
ACTIONS = {
    "submit": (gettext_lazy("提交"), gettext_lazy("已提交")),
    "approve": (gettext_lazy("审核通过"), gettext_lazy("已审核通过")),
    "return": (gettext_lazy("退回"), gettext_lazy("已退回")),
    "delete": (gettext_lazy("删除"), gettext_lazy("已删除")),
}
LIFECYCLE_ONLY = ("submit", "approve", "return")
MAX_RECORDS = 200


def bulk_actions(user, rt: RecordType) -> list[tuple[str, str]]:
    """The bulk actions the user's role allows on this type at all (each record is still checked)."""
    out = []
    for action, (label, _done) in ACTIONS.items():
        if action in LIFECYCLE_ONLY and not rt.lifecycle:
            continue
        if can(user, action, rt.model):
            out.append((action, str(label)))
    return out


class RecordBulkView(LoginRequiredMixin, View):
    record_type: RecordType = None
    template_name = "core/record_bulk.html"

    def post(self, request):
        rt = self.record_type
        action = request.POST.get("action", "")
        if action not in dict(bulk_actions(request.user, rt)):
            raise PermissionDenied(_("您的角色不允许此批量操作。"))
        ids = []
        for raw in request.POST.getlist("pk"):
            if is_digits(raw) and int(raw) not in ids:
                ids.append(int(raw))
        if not ids:
            from django.contrib import messages

            messages.error(request, _("请先勾选要操作的记录。"))
            return redirect(rt.url("list"))
        if len(ids) > MAX_RECORDS:
            return HttpResponseBadRequest(_("一次最多操作 %(n)s 条记录。") % {"n": MAX_RECORDS})
        visible = {obj.pk: obj for obj in rt.model.objects.restrict(request.user, "view").filter(pk__in=ids)}
        label, done = ACTIONS[action]
        context = {"rt": rt, "action": action, "action_label": label, "ids": ids}
        if request.POST.get("confirm") != "1":
            rows = [(pk, visible.get(pk)) for pk in ids]
            return render(request, self.template_name, {**context, "step": "confirm", "rows": rows})
        reason = request.POST.get("reason", "").strip()
        if action == "return" and not reason:
            rows = [(pk, visible.get(pk)) for pk in ids]
            return render(request, self.template_name, {
                **context, "step": "confirm", "rows": rows, "reason_error": _("退回时必须填写原因。")}, status=400)
        results = [(pk, visible.get(pk), *self.run(action, visible.get(pk), request.user, reason, str(done)))
                   for pk in ids]
        return render(request, self.template_name, {
            **context, "step": "result", "results": results, "done_count": sum(1 for r in results if r[2])})

    @staticmethod
    def run(action: str, obj, user, reason: str, done: str) -> tuple[bool, str]:
        """(done?, what to tell the user) for one record, through the same action functions as its page."""
        if obj is None:
            return False, _("记录不存在或不在您的查看范围内。")
        try:
            if action == "delete":
                delete_record(obj, user)
            else:
                transition_record(obj, action, user, reason=reason if action == "return" else "")
        except PermissionDenied as exc:
            status = obj.get_status_display() if hasattr(obj, "get_status_display") else ""
            message = str(exc) or _("您的角色或记录状态不允许此操作。")
            return False, f"{message}（{_('当前状态')}：{status}）" if status else message
        except ValidationError as exc:
            return False, " ".join(exc.messages)
        except (ProtectedError, RestrictedError):
            return False, _("该记录仍被其他记录引用，无法删除。")
        return True, done
