"""The `xiezuo` command: createuser, import and export through the same machinery as the pages."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from python_calamine import CalamineWorkbook

from tests.base import xlsx_bytes
from xiezuo.core.scope import get_scope
from xiezuo.partners.models import Organisation, UserProfile

pytestmark = pytest.mark.django_db


def test_createuser_with_role_and_area():
    call_command("createuser", "county01", "--password", "long-enough-1", "--role", "editor",
                 "--region", "522701000000")
    profile = UserProfile.objects.get(user__username="county01")
    assert profile.role == "editor"
    assert get_scope(profile.user).region_prefixes == ["522701"]
    with pytest.raises(CommandError, match="未知的行政区划代码"):
        call_command("createuser", "county02", "--password", "long-enough-1", "--region", "529999000000")


def test_import_and_export_commands(tmp_path):
    source = tmp_path / "orgs.xlsx"
    source.write_bytes(xlsx_bytes([{"单位名称": "命令行导入测试企业", "单位类型": "企业", "所在地区": "520521000000"}]))
    call_command("importfile", "partners.organisation", str(source), "--user", "bijie_dafang")
    assert Organisation.objects.filter(name="命令行导入测试企业", import_job__isnull=False).exists()
    errors = io.StringIO()
    with pytest.raises(CommandError, match="未导入任何记录"):
        call_command("importfile", "partners.organisation", str(source), "--user", "bijie_dafang", stderr=errors)
    assert "第 2 行 A 列" in errors.getvalue() and "已存在" in errors.getvalue()
    target = tmp_path / "out.xlsx"
    call_command("exportfile", "partners.organisation", str(target), "--user", "bijie_dafang",
                 "--query", "q=命令行")
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "单位名称" and [r[0] for r in rows[1:]] == ["命令行导入测试企业"]


def test_cli_entry_point_help(capsys):
    from xiezuo.cli import main

    main(["xiezuo", "--help"])
    assert "worker" in capsys.readouterr().out
