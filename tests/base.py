"""Inherited tests for every record type. A subclass is data: the model, the personas and some rows.

See docs/adding-a-record-type.md §7.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from python_calamine import CalamineWorkbook
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from xiezuo.core.models import ChangeRecord, Job, Status
from xiezuo.core.registry import for_model
from xiezuo.core.services import create_record
from xiezuo.core.tabular import write_xlsx

PASSWORD = "xiezuo2026"


def changes_for(obj, action: str):
    return ChangeRecord.objects.filter(content_type=ContentType.objects.get_for_model(type(obj)),
                                       object_id=str(obj.pk), action=action)


def upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def xlsx_bytes(rows: list[dict]) -> bytes:
    headers = list(dict.fromkeys(k for row in rows for k in row))
    buffer = io.BytesIO()
    write_xlsx(buffer, headers, [[row.get(h) for h in headers] for row in rows])
    return buffer.getvalue()


def csv_bytes(rows: list[dict], encoding: str = "utf-8") -> bytes:
    headers = list(dict.fromkeys(k for row in rows for k in row))
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if row.get(h) is None else row.get(h) for h in headers])
    return text.getvalue().encode(encoding)


@pytest.mark.django_db
class RecordTypeTests:
    model = None
    editor = "gd_admin"      # may write inside the area
    outsider = "bijie_dafang"  # the record is outside this persona's area
    reader = "leader"        # read-only persona who can see the record
    approver = "admin"       # may approve the record

    # --- data a subclass gives -------------------------------------------------
    def valid_data(self) -> dict:
        raise NotImplementedError

    def changed_data(self) -> dict:
        raise NotImplementedError

    def import_rows(self) -> list[dict]:
        raise NotImplementedError

    def bad_import_rows(self) -> tuple[list[dict], str]:
        raise NotImplementedError

    def api_data(self) -> dict:
        data = dict(self.valid_data())
        return {k: v for k, v in data.items() if v not in ("", None)}

    # --- helpers -----------------------------------------------------------------
    @property
    def rt(self):
        return for_model(self.model)

    def make(self, user):
        """A record inside the editor's area, made through the same form and action function as the page."""
        form = self.rt.form(data=self.valid_data(), user=user(self.editor))
        assert form.is_valid(), form.errors
        plain, m2m = form.split()
        return create_record(self.model, plain, user(self.editor), m2m=m2m)

    def edit_data(self, obj, data: dict | None = None) -> dict:
        """An edit form as the page sends it: the changed values and the version the form was based on."""
        obj.refresh_from_db()
        return {**(self.changed_data() if data is None else data), "version": obj.version}

    def run_import(self, client, name: str, content: bytes) -> Job:
        response = client.post(self.rt.url("import"), {"file": upload(name, content)})
        assert response.status_code == 302, response.content[:500]
        return Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])

    # --- create, read, update, delete --------------------------------------------
    def test_create_through_page(self, login):
        before = self.model.objects.count()
        response = login(self.editor).post(self.rt.url("add"), self.valid_data())
        assert response.status_code == 302, response.content.decode()[:3000]
        assert self.model.objects.count() == before + 1
        obj = self.model.objects.order_by("-pk").first()
        assert changes_for(obj, "create").exists()

    def test_read_list_and_detail(self, login, user):
        obj = self.make(user)
        client = login(self.editor)
        assert client.get(self.rt.url("list")).status_code == 200
        response = client.get(self.rt.url("detail", obj.pk))
        assert response.status_code == 200
        assert "变更历史" in response.content.decode()

    def test_update_through_page_writes_history(self, login, user):
        obj = self.make(user)
        response = login(self.editor).post(self.rt.url("edit", obj.pk), self.edit_data(obj))
        assert response.status_code == 302, response.content.decode()[:3000]
        change = changes_for(obj, "update").get()
        assert change.changes, "an update records each field before and after"
        history = login(self.editor).get(self.rt.url("history", obj.pk)).content.decode()
        before, after = next(iter(change.changes.values()))
        assert str(after) in history

    def test_delete_through_page(self, login, user):
        obj = self.make(user)
        client = login(self.editor)
        assert client.get(self.rt.url("delete", obj.pk)).status_code == 200
        assert client.post(self.rt.url("delete", obj.pk)).status_code == 302
        assert not self.model.objects.filter(pk=obj.pk).exists()
        assert changes_for(obj, "delete").exists()

    def test_bad_form_shows_errors_not_a_stack_trace(self, login):
        response = login(self.editor).post(self.rt.url("add"), {})
        assert response.status_code == 400
        text = response.content.decode()
        assert "field-error" in text and "Traceback" not in text

    # --- import and export ---------------------------------------------------------
    def test_template_has_chinese_headers(self, login):
        response = login(self.editor).get(self.rt.url("template"))
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        wb = CalamineWorkbook.from_filelike(io.BytesIO(content))
        headers = wb.get_sheet_by_index(0).to_python()[0]
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in headers), headers
        assert "填写说明" in wb.sheet_names

    @pytest.mark.parametrize("fmt", ["xlsx", "csv-utf8", "csv-gb18030"])
    def test_import_good_file(self, login, fmt):
        rows = self.import_rows()
        content = {"xlsx": lambda: xlsx_bytes(rows), "csv-utf8": lambda: csv_bytes(rows, "utf-8-sig"),
                   "csv-gb18030": lambda: csv_bytes(rows, "gb18030")}[fmt]()
        name = "good.xlsx" if fmt == "xlsx" else "good.csv"
        before = self.model.objects.count()
        job = self.run_import(login(self.editor), name, content)
        assert job.state == Job.State.SUCCEEDED, (job.message, job.errors)
        assert self.model.objects.count() == before + len(rows)
        created = self.model.objects.filter(import_job=job)
        assert created.count() == len(rows)
        assert all(changes_for(obj, "create").exists() for obj in created)

    def test_import_bad_file_changes_nothing(self, login):
        rows, expected = self.bad_import_rows()
        good = self.import_rows()
        before = self.model.objects.count()
        job = self.run_import(login(self.editor), "bad.xlsx", xlsx_bytes(good + rows))
        assert job.state == Job.State.FAILED
        assert self.model.objects.count() == before
        messages = " ".join(str(e[3]) for e in job.errors)
        assert expected in messages, job.errors
        assert all(e[0] >= 2 for e in job.errors), "each error names its row"
        assert job.error_file, "an error report is offered for download"

    def test_import_missing_required_column(self, login):
        rows = self.import_rows()
        required = [label for _n, label, req in __import__("xiezuo.core.importer", fromlist=["columns"]).columns(
            self.rt, None) if req]
        assert required, "a record type has at least one required column"
        dropped = [{k: v for k, v in row.items() if k.rstrip("*") != required[0]} for row in rows]
        job = self.run_import(login(self.editor), "missing.csv", csv_bytes(dropped))
        assert job.state == Job.State.FAILED
        assert any("缺少必填列" in e[3] and required[0] in e[3] for e in job.errors), job.errors

    @pytest.mark.parametrize("fmt", ["xlsx", "csv"])
    def test_export(self, login, user, fmt):
        obj = self.make(user)
        client = login(self.editor)
        response = client.get(self.rt.url("export") + f"?format={fmt}")
        assert response.status_code == 302
        job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
        assert job.state == Job.State.SUCCEEDED, job.message
        download = client.get(f"/jobs/{job.pk}/download/result/")
        content = b"".join(download.streaming_content)
        if fmt == "csv":
            text = content.decode("utf-8-sig")
            assert str(obj.pk) in text
        else:
            rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
            assert any(str(obj.pk) == str(r[-1]).removesuffix(".0") for r in rows[1:])
        # An outsider's export never holds the record, and they cannot fetch the editor's file.
        other = login(self.outsider)
        assert other.get(f"/jobs/{job.pk}/").status_code == 404
        assert other.get(f"/jobs/{job.pk}/download/result/").status_code == 404

    # --- area scope and roles ------------------------------------------------------
    def test_scope_inside_outside_and_read_only(self, login, user):
        obj = self.make(user)
        assert login(self.editor).get(self.rt.url("detail", obj.pk)).status_code == 200
        outsider = login(self.outsider)
        for view in ("detail", "edit", "delete", "history"):
            assert outsider.get(self.rt.url(view, obj.pk)).status_code == 404, view
        listed = outsider.get(self.rt.url("list") + f"?q={obj}").content.decode()
        assert self.rt.url("detail", obj.pk) not in listed
        assert self.rt.url("detail", obj.pk) not in outsider.get(f"/search/?q={obj}").content.decode()
        reader = login(self.reader)
        assert reader.get(self.rt.url("detail", obj.pk)).status_code == 200
        assert reader.get(self.rt.url("edit", obj.pk)).status_code == 403
        assert reader.post(self.rt.url("delete", obj.pk)).status_code == 403
        assert reader.get(self.rt.url("add")).status_code == 403

    def api(self, user, username) -> APIClient:
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user(username))
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    def api_url(self, pk=None) -> str:
        base = f"/api/{self.rt.app_label}/{self.rt.model_name}/"
        return f"{base}{pk}/" if pk else base

    def test_api_crud_and_scope(self, user):
        editor = self.api(user, self.editor)
        response = editor.post(self.api_url(), self.api_data(), format="json")
        assert response.status_code == 201, response.content.decode()[:2000]
        pk = response.json()["id"]
        obj = self.model.objects.get(pk=pk)
        assert changes_for(obj, "create").exists()
        assert editor.get(self.api_url(pk)).status_code == 200
        assert self.api(user, self.outsider).get(self.api_url(pk)).status_code == 404
        assert pk not in [r["id"] for r in self.api(user, self.outsider).get(self.api_url()).json()["results"]]
        assert self.api(user, self.reader).patch(self.api_url(pk), {}, format="json").status_code == 403
        assert APIClient().get(self.api_url(pk)).status_code in (401, 403)
        assert editor.delete(self.api_url(pk)).status_code == 204
        assert changes_for(obj, "delete").exists()

    def test_api_schema_lists_the_type(self, login):
        schema = login(self.editor).get("/api/schema/").content.decode()
        assert self.api_url() in schema

    # --- lifecycle -------------------------------------------------------------------
    def test_lifecycle_and_lock(self, login, user):
        obj = self.make(user)
        if not self.rt.lifecycle:
            # Reference data (organisations) has no approval: every transition is refused.
            for action in ("submit", "approve", "return", "reopen"):
                response = login(self.approver).post(self.rt.url("transition", obj.pk, action=action))
                assert response.status_code == 403, action
            return
        editor = login(self.editor)
        transition = lambda client, action, **data: client.post(  # noqa: E731
            self.rt.url("transition", obj.pk, action=action), data)
        assert transition(editor, "approve").status_code == 403 or self.editor == self.approver
        assert transition(editor, "submit").status_code == 302
        obj.refresh_from_db()
        assert obj.status == Status.SUBMITTED
        assert editor.get(self.rt.url("edit", obj.pk)).status_code == 403, "submitted records are locked"
        approver = login(self.approver)
        assert transition(approver, "approve").status_code == 302
        obj.refresh_from_db()
        assert obj.status == Status.APPROVED
        assert editor.post(self.rt.url("edit", obj.pk), self.changed_data()).status_code == 403
        assert editor.post(self.rt.url("delete", obj.pk)).status_code == 403
        transition(approver, "return")  # without a reason: refused
        obj.refresh_from_db()
        assert obj.status == Status.APPROVED
        assert transition(approver, "return", reason="数据需核实").status_code == 302
        obj.refresh_from_db()
        assert obj.status == Status.RETURNED and obj.return_reason == "数据需核实"
        assert editor.get(self.rt.url("edit", obj.pk)).status_code == 200, "returned records can be corrected"
        transition(editor, "submit")
        transition(approver, "approve")
        transition(approver, "reopen")  # without a reason: refused
        obj.refresh_from_db()
        assert obj.status == Status.APPROVED
        assert transition(approver, "reopen", reason="补充附件").status_code == 302
        obj.refresh_from_db()
        assert obj.status == Status.DRAFT
        actions = list(ChangeRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=str(obj.pk)
        ).values_list("action", flat=True))
        for action in ("submit", "approve", "return", "reopen"):
            assert action in actions

    # --- maker-checker and versions (issue 10) ---------------------------------------------
    def transition_url(self, obj, action: str) -> str:
        return self.rt.url("transition", obj.pk, action=action)

    def test_submitter_cannot_approve_or_return(self, login, user):
        obj = self.make(user)
        approver = login(self.approver)
        if not self.rt.lifecycle:
            assert approver.post(self.transition_url(obj, "submit")).status_code == 403
            return
        # The approver submits the record themselves: they may no longer judge it, on the page or the API.
        assert approver.post(self.transition_url(obj, "submit")).status_code == 302
        obj.refresh_from_db()
        assert obj.status == Status.SUBMITTED and obj.submitted_by == user(self.approver)
        page = approver.get(self.rt.url("detail", obj.pk)).content.decode()
        assert self.transition_url(obj, "approve") not in page and self.transition_url(obj, "return") not in page
        assert "此记录由您提交" in page
        assert approver.post(self.transition_url(obj, "approve")).status_code == 403
        assert approver.post(self.transition_url(obj, "return"), {"reason": "自己退回"}).status_code == 403
        api = self.api(user, self.approver)
        response = api.post(self.api_url(obj.pk) + "approve/", {}, format="json")
        assert response.status_code == 403 and "提交人不能审核" in response.json()["detail"]
        assert api.post(self.api_url(obj.pk) + "return/", {"reason": "x"}, format="json").status_code == 403
        obj.refresh_from_db()
        assert obj.status == Status.SUBMITTED
        assert not changes_for(obj, "approve").exists() and not changes_for(obj, "return").exists()

    def test_stale_version_refused_on_the_page(self, login, user):
        obj = self.make(user)
        mine = login(self.editor)
        form = mine.get(self.rt.url("edit", obj.pk)).content.decode()
        assert f'name="version" value="{obj.version}"' in form
        based_on = obj.version
        # Someone else saves first.
        assert login(self.editor).post(self.rt.url("edit", obj.pk), self.edit_data(obj)).status_code == 302
        change = changes_for(obj, "update").get()
        obj.refresh_from_db()
        stored, version = self.rt.model.objects.filter(pk=obj.pk).values().get(), obj.version
        assert version == based_on + 1
        # My form, opened before that save, sends the old values back: refused, nothing saved, told what changed.
        response = mine.post(self.rt.url("edit", obj.pk), {**self.valid_data(), "version": based_on})
        assert response.status_code == 409
        text = response.content.decode()
        assert "已被他人修改" in text and "您的修改未保存" in text
        field = next(iter(change.changes))
        assert str(self.model._meta.get_field(field).verbose_name) in text
        assert f'name="version" value="{version}"' in text, "the re-shown form holds the current version"
        assert self.rt.model.objects.filter(pk=obj.pk).values().get() == stored
        assert changes_for(obj, "update").count() == 1
        # A form with no version at all is refused too.
        assert mine.post(self.rt.url("edit", obj.pk), self.valid_data()).status_code == 400
        assert changes_for(obj, "update").count() == 1

    def test_stale_version_refused_by_the_api(self, login, user):
        obj = self.make(user)
        api = self.api(user, self.editor)
        response = api.get(self.api_url(obj.pk))
        assert response.status_code == 200
        old = response["ETag"]
        assert old == f'"{obj.version}"' and response.json()["version"] == obj.version
        based_on = obj.version
        assert login(self.editor).post(self.rt.url("edit", obj.pk), self.edit_data(obj)).status_code == 302
        obj.refresh_from_db()
        stored = self.rt.model.objects.filter(pk=obj.pk).values().get()
        stale = api.patch(self.api_url(obj.pk), {}, format="json", HTTP_IF_MATCH=old)
        assert stale.status_code == 412, stale.content[:500]
        assert "已被他人修改" in stale.json()["detail"] and stale.json()["version"] == obj.version
        assert api.patch(self.api_url(obj.pk), {"version": based_on}, format="json").status_code == 409
        assert api.patch(self.api_url(obj.pk), {}, format="json").status_code == 428
        assert api.put(self.api_url(obj.pk), self.api_data(), format="json").status_code == 428
        assert self.rt.model.objects.filter(pk=obj.pk).values().get() == stored
        # Based on the current version the edit goes through; status never changes by an edit.
        fresh = api.get(self.api_url(obj.pk))
        response = api.patch(self.api_url(obj.pk), {"status": "approved"}, format="json",
                             HTTP_IF_MATCH=fresh["ETag"])
        assert response.status_code == 200, response.content[:500]
        obj.refresh_from_db()
        assert response["ETag"] == f'"{obj.version}"' != fresh["ETag"]
        assert obj.status == Status.DRAFT
