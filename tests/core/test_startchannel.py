"""`xiezuo startchannel` makes a channel app whose inherited tests pass; a broken app fails at start-up;
the translation and data-dictionary checks name what is stale.

Each test works on a copy of the source in a temporary folder, through new processes (the app is found
when settings are read), on SQLite, and removes the copy afterwards: nothing is written to this tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
NAME = "scaffoldcheck"
# A test file the scaffold does not write: the new channel reads in English and Traditional, and
# `xiezuo demo` runs its hook (found, not listed).
CHANNEL_LANGUAGES = '''
import pytest
from xiezuo.core.management.commands.demo import demo_hooks

pytestmark = pytest.mark.django_db


def menu(client, language):
    client.cookies["django_language"] = language
    page = client.get("/scaffoldcheck/trainingprogramme/").content.decode()
    return page[page.index('id="sidebar"'):page.index("</aside>")]


def test_new_channel_in_every_language(login):
    client = login("qiannan")
    assert "劳务协作" in menu(client, "zh-hans") and "培训项目" in menu(client, "zh-hans")
    # Traditional is converted with Taiwan phrases (s2twp): 项目 reads 專案.
    assert "勞務協作" in menu(client, "zh-hant") and "培訓專案" in menu(client, "zh-hant")
    english = menu(client, "en")
    assert "Labour cooperation" in english and "Training programmes" in english
    assert "劳务协作" not in english and "培训项目" not in english


def test_demo_hook_is_found():
    assert "xiezuo.scaffoldcheck.demo" in [module.__name__ for _config, module in demo_hooks()]
'''


@pytest.fixture
def checkout(tmp_path_factory):
    """The parts of the checkout a channel touches, copied; removed after the test."""
    target = tmp_path_factory.mktemp("checkout")
    try:
        shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        (target / "tests").mkdir()
        for name in ("__init__.py", "base.py", "conftest.py"):
            shutil.copy(ROOT / "tests" / name, target / "tests" / name)
        (target / "scripts").mkdir()
        for name in ("i18n.py", "i18n_en.py", "data_dictionary.py"):
            shutil.copy(ROOT / "scripts" / name, target / "scripts" / name)
        (target / "docs").mkdir()
        shutil.copy(ROOT / "docs" / "data-dictionary.md", target / "docs" / "data-dictionary.md")
        shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
        (target / "var").mkdir()
        yield target
    finally:
        shutil.rmtree(target, ignore_errors=True)


def run(checkout: Path, *argv: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """A process on the checkout's source and its own SQLite files, whatever database this suite runs on."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XIEZUO_", "DJANGO_", "PYTEST_"))}
    env.update(PYTHONPATH=str(checkout / "src"), DJANGO_SETTINGS_MODULE="xiezuo.settings", XIEZUO_VAR_DIR=str(checkout / "var"),
               PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, *argv], cwd=checkout, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_startchannel_makes_an_app_whose_inherited_tests_pass(checkout):
    assert not (ROOT / "src" / "xiezuo" / NAME).exists()
    made = run(checkout, "-m", "xiezuo.cli", "startchannel", NAME, "--model", "TrainingProgramme", "--label", "培训项目",
               "--group", "劳务协作", "--group-english", "Labour cooperation")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "已创建频道应用 scaffoldcheck：培训项目（TrainingProgramme）" in made.stdout
    app = checkout / "src" / "xiezuo" / NAME
    for name in ("models.py", "choices.py", "filtersets.py", "forms.py", "tables.py", "serializers.py", "records.py",
                 "urls.py", "apps.py", "demo.py", "figures.py", "migrations/0001_initial.py"):
        assert (app / name).is_file(), name
    assert 'menu_group=GROUP' in (app / "records.py").read_text() and 'GROUP = _("劳务协作")' in (
        app / "records.py").read_text()
    assert '"培训项目": "Training programmes"' in (checkout / "scripts" / "i18n_en.py").read_text()
    assert "`scaffoldcheck_trainingprogramme` — 培训项目" in (checkout / "docs" / "data-dictionary.md").read_text()

    # What CI checks holds for the new app: lint, current translations and dictionary, no missing migration.
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", f"src/xiezuo/{NAME}", f"tests/{NAME}"],
                          cwd=checkout, capture_output=True, text=True)  # with the copy's pyproject.toml
    assert lint.returncode == 0, lint.stdout + lint.stderr
    for argv in (["scripts/i18n.py", "--check"], ["scripts/data_dictionary.py", "--check"],
                 ["-m", "django", "makemigrations", "--check", "--dry-run"]):
        done = run(checkout, *argv)
        assert done.returncode == 0, (argv, done.stdout + done.stderr)

    (checkout / "tests" / NAME / "test_languages.py").write_text(CHANNEL_LANGUAGES, encoding="utf-8")
    tests = run(checkout, "-m", "pytest", f"tests/{NAME}", "-q", "-p", "no:cacheprovider")
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]
    # Every inherited test of RecordTypeTests (parametrised exports count twice) + the 2 above.
    from tests.base import RecordTypeTests

    def cases(test) -> int:
        marks = [m for m in getattr(test, "pytestmark", []) if m.name == "parametrize"]
        return len(marks[0].args[1]) if marks else 1

    inherited = sum(cases(getattr(RecordTypeTests, n)) for n in dir(RecordTypeTests) if n.startswith("test_"))
    assert f"{inherited + 2} passed" in tests.stdout, tests.stdout[-2000:]
    assert not (ROOT / "src" / "xiezuo" / NAME).exists() and not (ROOT / "tests" / NAME).exists()


def test_startchannel_refuses_a_taken_or_bad_name_and_writes_nothing():
    with pytest.raises(CommandError, match="已有名为“exchange”的应用"):
        call_command("startchannel", "exchange")
    with pytest.raises(CommandError, match="须为小写英文字母"):
        call_command("startchannel", "Newchannel")
    with pytest.raises(CommandError, match="模型名“training”须为英文驼峰形式"):
        call_command("startchannel", "newchannel", "--model", "training")
    with pytest.raises(CommandError, match="模型名“Organisation”与生成代码所用的名称重复"):
        call_command("startchannel", "newchannel", "--model", "Organisation")
    with pytest.raises(CommandError, match="不能含引号"):
        call_command("startchannel", "newchannel", "--label", '培训"项目')
    assert not (ROOT / "src" / "xiezuo" / "newchannel").exists() and not (ROOT / "src" / "xiezuo" / "Newchannel").exists()


def test_a_broken_urls_py_stops_the_start_and_an_app_without_one_is_skipped(checkout):
    app = checkout / "src" / "xiezuo" / "brokenchannel"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "records.py").write_text("")
    (app / "apps.py").write_text("from django.apps import AppConfig\n\n\nclass BrokenConfig(AppConfig):\n"
                                 "    name = 'xiezuo.brokenchannel'\n")
    # An app without urls.py has no pages, and the site starts.
    checked = run(checkout, "-m", "xiezuo.cli", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # A urls.py whose own import fails stops `check` and `serve`, naming the missing module.
    (app / "urls.py").write_text("from .viewz import page  # noqa\n\napp_name = 'brokenchannel'\nurlpatterns = []\n")
    for argv in (["check"], ["serve", "--port", "0"]):
        done = run(checkout, "-m", "xiezuo.cli", *argv, timeout=120)
        assert done.returncode != 0, argv
        assert "No module named 'xiezuo.brokenchannel.viewz'" in done.stderr, (argv, done.stderr[-2000:])


def test_checks_name_the_stale_translation_and_table(checkout):
    po = checkout / "src" / "xiezuo" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    text = po.read_text(encoding="utf-8")
    entry = 'msgid "退回原因"\nmsgstr "Reason for return"\n'
    assert entry in text
    po.write_text(text.replace(entry, ""), encoding="utf-8")
    i18n = run(checkout, "scripts/i18n.py", "--check")
    assert i18n.returncode == 1
    assert "en/LC_MESSAGES/django.po lacks 1 message(s) the code uses: “退回原因”" in i18n.stderr, i18n.stderr
    assert po.read_text(encoding="utf-8") == text.replace(entry, ""), "a check changes nothing"

    en = checkout / "scripts" / "i18n_en.py"
    en.write_text(en.read_text(encoding="utf-8").replace('"退回原因": "Reason for return",', ""), encoding="utf-8")
    assert run(checkout, "scripts/i18n.py").returncode == 0
    i18n = run(checkout, "scripts/i18n.py", "--check")
    assert i18n.returncode == 1 and "1 message(s) have no English" in i18n.stderr and "“退回原因”" in i18n.stderr

    dictionary = checkout / "docs" / "data-dictionary.md"
    dictionary.write_text(dictionary.read_text(encoding="utf-8").replace("| `helper_region` |", "| `helper` |"),
                          encoding="utf-8")
    stale = run(checkout, "scripts/data_dictionary.py", "--check")
    assert stale.returncode == 1
    assert "`partners_pairing` — 结对关系" in stale.stderr and "helper_region" in stale.stderr, stale.stderr
