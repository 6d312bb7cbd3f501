"""The command line as an operator uses it: progress as a job goes, the error report's path, password rules,
no traceback without a terminal; the job pages' warning when no worker runs."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tests.base import xlsx_bytes
from xiezuo.core import jobs
from xiezuo.core.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _simplified_afterwards():
    """Requests in English or Traditional leave their language active in this thread; the next test starts in
    the default language."""
    yield
    translation.activate("zh-hans")


def test_import_shows_progress_and_the_error_report_path(tmp_path):
    good = tmp_path / "orgs.xlsx"
    good.write_bytes(xlsx_bytes([{"单位名称": "进度测试企业", "单位类型": "企业", "所在地区": "520521000000"}]))
    err, out = io.StringIO(), io.StringIO()
    call_command("importfile", "partners.organisation", str(good), "--user", "bijie_dafang", stderr=err, stdout=out)
    lines = err.getvalue().splitlines()
    assert any("正在读取文件" in line for line in lines), lines
    assert lines[-1].strip().startswith("100%")
    assert "已导入 1 条记录" in out.getvalue()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx_bytes([{"单位名称": "进度测试企业2", "单位类型": "没有这种类型", "所在地区": "520521000000"}]))
    err = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("importfile", "partners.organisation", str(bad), "--user", "bijie_dafang", stderr=err)
    message = str(refused.value)
    assert "请下载错误清单" not in message
    path = Path(message.split("错误清单（修改后重新导入）：")[1].strip())
    assert path.is_absolute() and path.is_file() and path.suffix == ".xlsx"
    assert path.name.startswith("错误清单-bad") and not path.name.endswith(".xlsx.xlsx")
    assert "第 2 行" in err.getvalue()
    # A problem of the whole file (a required column missing) names no row: its sentence alone.
    headless = tmp_path / "headless.xlsx"
    headless.write_bytes(xlsx_bytes([{"单位名称": "缺列测试企业"}]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("importfile", "partners.organisation", str(headless), "--user", "bijie_dafang", stderr=err)
    said = [line for line in err.getvalue().splitlines() if "缺少必填列" in line]
    assert said and said[0].startswith("缺少必填列：单位类型、所在地区"), err.getvalue()


def test_export_shows_progress(tmp_path):
    err = io.StringIO()
    call_command("exportfile", "partners.organisation", str(tmp_path / "o.csv"), "--user", "qiannan", stderr=err)
    assert "已导出" in err.getvalue() and err.getvalue().splitlines()[-1].strip().startswith("100%")


@pytest.mark.parametrize("password,said", [("1", "密码不符合要求"), ("83920174651", "只包含数字"),
                                           ("password123", "太常见"), ("county09pw", "太相似")])
def test_createuser_refuses_weak_passwords(password, said):
    with pytest.raises(CommandError, match=said):
        call_command("createuser", "county09", "--password", password, "--region", "522701000000")
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="county09").exists()


def test_createuser_requires_an_area_except_for_a_superuser():
    with pytest.raises(CommandError, match="--region"):
        call_command("createuser", "noarea", "--password", "long-enough-1", "--role", "editor")
    call_command("createuser", "root2", "--password", "long-enough-1", "--superuser", stdout=io.StringIO())


def test_createuser_refusals_in_the_commands_language():
    """The account's own refusals (unknown region, unit, role; a taken name) in the language the command speaks."""
    from django.utils import translation

    cases = [(["--region", "999999000000"], "未知的行政区划代码：999999000000", "Unknown region code: 999999000000"),
             (["--organisation", "不存在的单位"], "未知的单位：不存在的单位", "Unknown organisation: 不存在的单位")]
    for args, chinese, english in cases:
        with pytest.raises(CommandError, match=chinese):
            call_command("createuser", "refused1", "--password", "long-enough-1", *args)
        with translation.override("en"), pytest.raises(CommandError, match=english):
            call_command("createuser", "refused1", "--password", "long-enough-1", *args)
    with translation.override("en"), pytest.raises(CommandError, match="The username is taken: qiannan"):
        call_command("createuser", "qiannan", "--password", "long-enough-1", "--region", "522700000000")


def test_createuser_without_a_terminal_says_what_to_do(worker_env):
    """Run as a script would (stdin not a terminal, no --password): a sentence and exit 1, no traceback."""
    env = {**worker_env, "DJANGO_SETTINGS_MODULE": "xiezuo.settings"}
    done = subprocess.run([sys.executable, "-m", "xiezuo.cli", "createuser", "noterm", "--region", "522701000000"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert "没有终端" in done.stderr and "--password" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("environ,language", [
    ({}, None), ({"LANG": "C.UTF-8"}, None), ({"LANG": "POSIX"}, None), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_GB.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh-hant"), ({"LC_MESSAGES": "zh_HK.UTF-8"}, "zh-hk"),
    ({"LANG": "zh_CN.UTF-8"}, "zh-hans"), ({"LANG": "de_DE.UTF-8"}, None),
    ({"XIEZUO_LANGUAGE": "zh_Hant", "LANG": "en_US.UTF-8"}, "zh-hant"), ({"XIEZUO_LANGUAGE": "EN"}, "en"),
    ({"XIEZUO_LANGUAGE": "fr", "LANG": "en_US.UTF-8"}, None)])
def test_the_command_line_speaks_the_terminals_language(environ, language):
    from xiezuo.cli import cli_language

    assert cli_language(environ) == language


def cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    """`xiezuo …` as an operator runs it in a script: no terminal on stdin."""
    return subprocess.run([sys.executable, "-m", "xiezuo.cli", *args], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, env={**env, "DJANGO_SETTINGS_MODULE": "xiezuo.settings"}, timeout=120)


def test_command_line_messages_in_english_and_traditional(worker_env):
    """The usage, a refusal and the deploy checks in the language LANG or XIEZUO_LANGUAGE names; nothing Chinese
    left in English."""
    plain = {k: v for k, v in worker_env.items() if k not in ("XIEZUO_LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    english = {**plain, "LANG": "en_US.UTF-8"}
    usage = cli(english, "help")
    assert usage.returncode == 0 and usage.stdout.startswith("Usage: xiezuo <command>")
    example = "--label 培训项目 --group 劳务协作"  # a channel's own labels are Chinese data
    assert example in usage.stdout
    assert not re.search(r"[\u4e00-\u9fff]", usage.stdout.replace(example, "")), usage.stdout
    refused = cli(english, "createuser", "noterm", "--region", "522701000000")
    assert refused.returncode == 1
    assert "No terminal to ask for a password on: give it with --password." in refused.stderr
    assert "Traceback" not in refused.stderr
    deploy = cli({**english, "XIEZUO_TLS": "", "XIEZUO_SECURE_COOKIES": ""}, "check", "--deploy")
    assert "(xiezuo.E004) The session and CSRF cookies are not Secure" in deploy.stderr, deploy.stderr
    assert not re.search(r"[\u4e00-\u9fff]", deploy.stderr), deploy.stderr
    traditional = cli({**plain, "LANG": "zh_TW.UTF-8"}, "createuser", "noarea", "--password", "long-enough-1")
    assert "請給出管轄範圍" in traditional.stderr, traditional.stderr
    assert "用法: xiezuo <命令> [參數]" in cli({**english, "XIEZUO_LANGUAGE": "zh-hant"}, "help").stdout
    assert "用法: xiezuo <命令> [参数]" in cli({**plain, "LANG": "C.UTF-8"}, "help").stdout


@pytest.mark.parametrize("command", ["import", "export", "createuser", "setrole", "serve", "worker", "demo",
                                     "loadregions", "startchannel"])
def test_each_commands_help_in_the_terminals_language(worker_env, command):
    """`xiezuo <command> --help`: the product's own description and options in Chinese by default, in English for
    an English locale (Django's common options stay as Django writes them)."""
    plain = {k: v for k, v in worker_env.items() if k not in ("XIEZUO_LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    chinese = cli({**plain, "LANG": "C.UTF-8"}, command, "--help")
    english = cli({**plain, "LANG": "en_US.UTF-8"}, command, "--help")
    assert chinese.returncode == english.returncode == 0, chinese.stderr + english.stderr
    description = chinese.stdout.split("\n\n")[1]
    assert re.search(r"[\u4e00-\u9fff]", description), chinese.stdout
    assert not re.search(r"[\u4e00-\u9fff]", english.stdout.split("\n\n")[1]), english.stdout
    # argparse's own words and Django's common options too (core/management/arguments.py).
    assert chinese.stdout.startswith("用法：") and "显示本帮助并退出" in chinese.stdout, chinese.stdout
    assert "输出详细程度" in chinese.stdout and "跳过系统检查。" in chinese.stdout, chinese.stdout
    assert not re.search(r"show this help|positional arguments|Verbosity level|Skip system", chinese.stdout)
    assert english.stdout.startswith("usage: ") and "show this help message and exit" in english.stdout
    assert "Verbosity level; 0=minimal output" in english.stdout, english.stdout
    traditional = cli({**plain, "LANG": "zh_TW.UTF-8"}, command, "--help")
    assert traditional.stdout.startswith("用法：") and "顯示本幫助並退出" in traditional.stdout


def test_the_command_lines_errors_in_its_language(worker_env):
    """argparse's own errors (a missing argument) read in the terminal's language, as the product's do."""
    plain = {k: v for k, v in worker_env.items() if k not in ("XIEZUO_LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    chinese = cli({**plain, "LANG": "C.UTF-8"}, "import")
    assert chinese.returncode != 0 and "错误：缺少以下参数：record_type, path, --user" in chinese.stderr, chinese.stderr
    english = cli({**plain, "LANG": "en_US.UTF-8"}, "import")
    assert "error: the following arguments are required: record_type, path, --user" in english.stderr


def test_deploy_checks_name_no_schema_collisions(worker_env):
    """The API schema is generated by `check --deploy`: its enumerations are named without warnings."""
    deploy = cli({**worker_env, "XIEZUO_LANGUAGE": "en"}, "check", "--deploy")
    assert "drf_spectacular" not in deploy.stderr, deploy.stderr


def test_job_pages_warn_when_no_worker_is_seen(login, user, settings):
    from django.core.cache import cache

    settings.XIEZUO_JOBS_EAGER = False
    cache.delete(jobs.WORKER_SEEN_KEY)
    job = Job.objects.create(kind="export_records", user=user("qiannan"), title="无人处理的导出",
                             params={"record_type": "partners.organisation", "query": "", "format": "csv"})
    client = login("qiannan")
    for url in (f"/jobs/{job.pk}/", "/jobs/"):
        page = client.get(url).content.decode()
        assert 'id="worker-warning"' in page and "xiezuo worker" in page, url
    jobs.note_worker_alive()
    assert 'id="worker-warning"' not in client.get(f"/jobs/{job.pk}/").content.decode()
    cache.set(jobs.WORKER_SEEN_KEY, time.time() - settings.XIEZUO_JOB_STALE_SECONDS - 5, None)
    assert 'id="worker-warning"' in client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    client.cookies["django_language"] = "en"
    try:
        english = client.get(f"/jobs/{job.pk}/").content.decode()
    finally:
        translation.activate("zh-hans")
    assert "xiezuo worker" in english and "No worker has run" in english
    job.state = Job.State.SUCCEEDED
    job.save()
    assert 'id="worker-warning"' not in client.get(f"/jobs/{job.pk}/").content.decode()


def test_a_worker_notes_it_is_alive(worker_env, settings):
    from django.core.cache import cache

    settings.XIEZUO_JOBS_EAGER = False
    cache.delete(jobs.WORKER_SEEN_KEY)
    assert not jobs.worker_seen_recently()
    done = subprocess.run([sys.executable, "-m", "xiezuo.cli", "worker", "--once", "--no-periodic"],
                          env={**worker_env, "DJANGO_SETTINGS_MODULE": "xiezuo.settings"}, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert jobs.worker_seen_recently()
