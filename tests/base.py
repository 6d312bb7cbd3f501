"""Inherited tests for every record type. A subclass is data: the model, the personas and some rows.

See docs/adding-a-record-type.md §7.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
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

    # --- writes outside the area: create, move, link (one gate in core for every type) -------------------------
    def outside_data(self) -> dict:
        """Form data placed outside the editor's area: by default `valid_data()` with every region and every
        area-scoped choice swapped for one the editor may not name. A subclass gives its own where the default
        cannot find such a row in the demo data, or where the swapped rows must agree with each other."""
        return self._swapped(self.valid_data(), api=False)

    def api_outside_data(self) -> dict:
        """The same for the API's JSON (keys, lists of keys)."""
        return self._swapped(self.api_data(), api=True)

    def _swapped(self, data: dict, api: bool) -> dict:
        editor = get_user_model().objects.get(username=self.editor)
        out = dict(data)
        for name, value in data.items():
            swapped = outside_value(self.rt.form(user=None), self.model, name, value, editor, api)
            if swapped is not None:
                out[name] = swapped
        if out == data:
            raise NotImplementedError(f"{type(self).__name__}: give outside_data() (no row outside the editor's "
                                      "area to swap in)")
        return out

    def _swapped_names(self, data: dict, api: bool = False) -> list[str]:
        base = self.api_data() if api else self.valid_data()
        return [k for k, v in data.items() if base.get(k) != v]

    def _link_names(self, data: dict, api: bool = False) -> list[str]:
        names = self._swapped_names(data, api)
        return [n for n in names if self.model._meta.get_field(n).is_relation]

    def _gate_data(self):
        """The swapped values of `outside_data()` as model values, straight to the action function: what arrives
        there when a form or serializer forgets to narrow a choice."""
        outside = self.outside_data()
        form = self.rt.form(user=None)
        plain, m2m = {}, {}
        for name in self._swapped_names(outside):
            f = self.model._meta.get_field(name)
            value = outside[name]
            key = getattr(form.fields.get(name), "to_field_name", None) or "pk"
            if not f.is_relation:  # a plain field the subclass changed to keep the record consistent
                plain[name] = form.fields[name].clean(value)
            elif f.many_to_many:
                items = value if isinstance(value, list) else str(value).replace("、", " ").split()
                m2m[name] = list(f.related_model.objects.filter(pk__in=items))
            else:
                plain[name] = f.related_model.objects.get(**{key: value})
        return plain, m2m

    def test_create_outside_area_refused(self, login, user):
        from xiezuo.core.scope import OutOfScope

        before = self.model.objects.count()
        page = login(self.editor).post(self.rt.url("add"), self.outside_data())
        assert page.status_code == 400, page.content.decode()[:2000]
        assert self.model.objects.count() == before
        api = self.api(user, self.editor).post(self.api_url(), self.api_outside_data(), format="json")
        assert api.status_code in (400, 403), api.content.decode()[:2000]
        assert self.model.objects.count() == before
        # Behind every form: the same data through the action function is refused by the gate itself.
        form = self.rt.form(data=self.outside_data(), user=None)
        assert form.is_valid(), form.errors
        plain, m2m = form.split()
        with pytest.raises(OutOfScope):
            create_record(self.model, plain, user(self.editor), m2m=m2m)
        assert self.model.objects.count() == before

    def test_move_outside_area_refused(self, login, user):
        from xiezuo.core.audit import snapshot
        from xiezuo.core.scope import OutOfScope
        from xiezuo.core.services import update_record

        obj = self.make(user)
        stored = snapshot(self.model.objects.get(pk=obj.pk))
        outside = self.outside_data()
        swapped = self._swapped_names(outside)
        form = self.rt.form(instance=obj, user=user(self.editor))
        movable = [n for n in swapped if n in form.fields and not form.fields[n].disabled]
        # Edits name the version they were based on (ignored where a type keeps none).
        version = {"version": obj.version} if hasattr(obj, "version") else {}
        page = login(self.editor).post(self.rt.url("edit", obj.pk), {**outside, **version})
        if movable:
            assert page.status_code == 400, page.content.decode()[:2000]
            assert snapshot(self.model.objects.get(pk=obj.pk)) == stored
        else:
            # Nothing the form offers can move the record: an edit may go through, but the place stays.
            now = snapshot(self.model.objects.get(pk=obj.pk))
            assert {k: now.get(k) for k in swapped} == {k: stored.get(k) for k in swapped}
            stored = now
        api_swapped = {k: v for k, v in self.api_outside_data().items()
                       if k in self._swapped_names(self.api_outside_data(), api=True)}
        api = self.api(user, self.editor).patch(self.api_url(obj.pk), {**api_swapped, **version}, format="json")
        assert api.status_code in (400, 403) or not movable, api.content.decode()[:2000]
        assert snapshot(self.model.objects.get(pk=obj.pk)) == stored
        plain, m2m = self._gate_data()
        with pytest.raises(OutOfScope):
            update_record(self.model.objects.get(pk=obj.pk), plain, user(self.editor), m2m=m2m)
        assert snapshot(self.model.objects.get(pk=obj.pk)) == stored

    def test_link_outside_area_refused(self, login, user):
        """Each region or area-scoped field on its own, the rest in the area: refused on the page and the API."""
        outside, api_outside = self.outside_data(), self.api_outside_data()
        before = self.model.objects.count()
        client, api = login(self.editor), self.api(user, self.editor)
        for name in self._link_names(outside):
            page = client.post(self.rt.url("add"), {**self.valid_data(), name: outside[name]})
            assert page.status_code == 400, (name, page.content.decode()[:2000])
            assert self.model.objects.count() == before, name
        for name in self._link_names(api_outside, api=True):
            response = api.post(self.api_url(), {**self.api_data(), name: api_outside[name]}, format="json")
            assert response.status_code in (400, 403), (name, response.content.decode()[:2000])
            assert self.model.objects.count() == before, name

    def test_choices_are_the_users_own(self, login, user):
        """No drop-down on the list (filters) or the add form offers a row the user may not see."""
        import re

        from django import forms

        from xiezuo.core.scope import is_scoped_model

        def scoped_selects(fields) -> dict:
            return {name: f.queryset.model for name, f in fields.items()
                    if isinstance(f, forms.ModelChoiceField) and isinstance(f.widget, forms.Select | forms.SelectMultiple)
                    and is_scoped_model(f.queryset.model)}

        for username in dict.fromkeys([self.editor, self.outsider]):
            u = user(username)
            client = login(username)
            for view in ("list", "add"):
                response = client.get(self.rt.url(view))
                if response.status_code == 403 and username != self.editor and view == "add":
                    continue  # a read-only outsider has no add form to offer anything on
                assert response.status_code == 200, (username, view)
                html = response.content.decode()
                fields = self.rt.form(user=u).fields if view == "add" else \
                    self.rt.filterset(queryset=self.model.objects.none()).form.fields
                expected = scoped_selects(fields)
                rendered = dict(re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S))
                for name, model in expected.items():
                    assert name in rendered, (username, view, name)
                    offered = {int(v) for v in re.findall(r'<option value="(\d+)"', rendered[name])}
                    visible = set(model.objects.restrict(u, "view").values_list("pk", flat=True))
                    assert offered <= visible, (username, view, name, offered - visible)


    # --- speed: no page's queries grow with its rows (issue 12) ------------------------------------
    def _visible_rows(self, user, wanted: int) -> int:
        """At least `wanted` records the reader sees: the demo data's, and some the editor makes if too few."""
        reader = user(self.reader)
        for _ in range(wanted):
            if self.model.objects.restrict(reader).count() >= wanted:
                break
            self.make(user)
        count = self.model.objects.restrict(reader).count()
        assert count >= wanted, f"{type(self).__name__}: the reader sees {count} records; {wanted} are needed"
        return count

    def _queries(self, client, url: str, **headers) -> tuple[int, str]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.content[:500])
        return len(ctx.captured_queries), response.content.decode()

    def _scoped_links(self) -> int:
        """Area-scoped models the rows point at: which of their rows the reader may open is asked once per model
        and page, and only when some row points at one (so a page of 1 may ask fewer than a page of 3)."""
        from xiezuo.core.scope import is_scoped_model

        return len({f.related_model for f in self.model._meta.get_fields()
                    if f.is_relation and (f.concrete or f.many_to_many) and not f.auto_created
                    and is_scoped_model(f.related_model)})

    def test_list_queries_do_not_grow_with_rows(self, login, user, settings):
        """The list page and the API list cost the same queries for 1 row as for 3 (a page of N or 3N), but for
        the reader's visibility of linked rows, asked once per linked model."""
        self._visible_rows(user, 3)
        slack = self._scoped_links()
        client = login(self.reader)
        client.get(self.rt.url("list"))  # the session's first request does some bookkeeping once
        counts = {}
        for size in (1, 3):
            settings.XIEZUO_PAGE_SIZE = size
            counts[size], page = self._queries(client, self.rt.url("list"))
            assert page.count('class="record-link"') == size, f"the page shows {size} row(s)"
        assert counts[3] <= counts[1] + slack, f"list page: {counts[1]} queries for 1 row, {counts[3]} for 3"
        api = self.api(user, self.reader)
        api.get(self.api_url() + "?limit=1")  # the throttle's counter is made by the first request
        for size in (1, 3):
            counts[size], body = self._queries(api, self.api_url() + f"?limit={size}")
            assert len(__import__("json").loads(body)["results"]) == size
        assert counts[3] <= counts[1] + slack, f"API list: {counts[1]} queries for 1 object, {counts[3]} for 3"

    def test_detail_queries_do_not_grow_with_history(self, login, user):
        """A record's page and its history cost the same queries after more changes."""
        obj = self.make(user)
        client = login(self.editor)
        before = {view: self._queries(client, self.rt.url(view, obj.pk))[0] for view in ("detail", "history")}
        for data in (self.changed_data(), self.valid_data()):
            response = client.post(self.rt.url("edit", obj.pk), self.edit_data(obj, data))
            assert response.status_code == 302, response.content.decode()[:2000]
        assert changes_for(obj, "update").count() == 2
        after = {view: self._queries(client, self.rt.url(view, obj.pk)) for view in ("detail", "history")}
        assert "变更历史" in after["detail"][1]
        for view in ("detail", "history"):
            assert after[view][0] <= before[view], f"{view}: {before[view]} queries, then {after[view][0]}"


def outside_value(form, model, name: str, value, user, api: bool):
    """A value for field `name` that `user` may not name on a record, or None when there is none to give."""
    from xiezuo.core.scope import is_scoped_model, linkable_regions
    from xiezuo.geo.models import Region

    try:
        f = model._meta.get_field(name)
    except Exception:
        return None
    if not f.is_relation or value in (None, "", []):
        return None
    if f.related_model is Region:
        first = value[0] if isinstance(value, list) else str(value).replace("、", " ").split()[0]
        level = Region.objects.get(code=str(first)).level
        outside = Region.objects.filter(level=level).exclude(
            code__in=linkable_regions(user).values("code")).order_by("code").first()
        if outside is None:
            return None
        return [outside.code] if (f.many_to_many and api) else outside.code
    if not is_scoped_model(f.related_model):
        return None
    related = f.related_model
    outside = related.objects.exclude(pk__in=related.objects.restrict(user, "link").values("pk")).order_by("pk").first()
    if outside is None:
        return None
    if f.many_to_many:
        return [outside.pk]
    field = form.fields.get(name)
    key = getattr(field, "to_field_name", None) if not api else None
    return getattr(outside, key) if key else outside.pk
