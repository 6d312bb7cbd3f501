"""`xiezuo startchannel NAME`: a new channel app with one record type, in one step.

Writes `src/xiezuo/NAME/` (model, choices, filterset, form, table, serializer, registration with
its menu group, urls, apps.py, demo hook, figures stub) and `tests/NAME/test_records.py` (the
inherited suite, data only) from `core/channel_template/`, then makes the first migration,
adds the English of the labels it knows to `scripts/i18n_en.py`, refreshes the translation
catalogues and rewrites `docs/data-dictionary.md`. Settings find the app by its shape (an
`apps.py` and a `records.py`), so no list is edited. It works in a checkout of the source.
If a step fails, everything it wrote is taken back.
"""

from __future__ import annotations

import json
import keyword
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from string import Template

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.management.base import Command as TranslatedCommand

TEMPLATE = Path(__file__).resolve().parents[2] / "channel_template"
# The English of the template's own labels; the record type's and group's come from the options.
KNOWN_ENGLISH = {
    "名称": "Name", "类型": "Type", "地区": "Region", "参与单位": "Organisations taking part", "日期": "Date",
    "金额（元）": "Amount (yuan)", "备注": "Note", "其他": "Other", "日期自": "Date from", "日期至": "Date to",
    "地区代码（含下级）": "Region code (and below)", "金额不能为负数。": "Amounts cannot be negative.",
}
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MODEL = re.compile(r"^[A-Z][A-Za-z0-9]*$")
# Names the generated modules import; a model of the same name would shadow them.
TAKEN = {"Record", "ScopeSpec", "ValidationError", "RecordForm", "RecordFilterSet", "Table", "RecordSerializer",
         "RecordType", "RecordTypeTests", "Organisation", "AppConfig"}


def words(camel: str) -> str:
    """`TrainingProgramme` → `Training programme`."""
    parts = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*", camel) or [camel]
    return " ".join([parts[0], *(p.lower() for p in parts[1:])])


class Command(TranslatedCommand):
    help = gettext_lazy("新建频道应用：一种记录类型及其菜单分组、演示数据入口、翻译与测试。")

    def add_arguments(self, parser):
        parser.add_argument("name", help=_("应用名称及网址前缀，小写：labour、talent …"))
        parser.add_argument("--model", help=_("记录类型的类名，如 TrainingProgramme"))
        parser.add_argument("--label", help=_("其中文名称，如 培训项目"))
        parser.add_argument("--english", help=_("其英文名称（默认由类名生成）"))
        parser.add_argument("--group", help=_("频道的中文名称，即菜单分组（默认同 --label）"))
        parser.add_argument("--group-english", help=_("频道的英文名称（默认由应用名称生成）"))
        parser.add_argument("--no-i18n", action="store_true",
                            help=_("不更新翻译目录（之后运行 scripts/i18n.py；需要 gettext）"))

    def handle(self, *args, **opts):
        name = opts["name"]
        model = opts["model"] or "".join(p.capitalize() for p in name.split("_")) + "Record"
        label = opts["label"] or f"{name}记录"
        group = opts["group"] or label
        root = Path(settings.BASE_DIR).resolve().parent.parent
        app_dir, tests_dir = Path(settings.BASE_DIR) / name, root / "tests" / name
        self.check_names(name, model, label, group, root, app_dir, tests_dir)
        fields = {"app": name, "App": "".join(p.capitalize() for p in name.split("_")), "Model": model,
                  "model": model.lower(), "label": label, "group": group,
                  # In the order isort wants, which depends on the app's name.
                  "test_imports": "\n".join(sorted([f"from xiezuo.{name}.models import {model}",
                                                     "from xiezuo.partners.models import Organisation"]))}
        plural = opts["english"] or words(model) + "s"
        english = {**KNOWN_ENGLISH, label: plural,
                   group: opts["group_english"] or name.replace("_", " ").capitalize(),
                   # The figures stub's labels (figures.py).
                   f"已审核的{label}记录数。": f"Approved {plural.lower()}.",
                   f"{label}金额": f"{plural}: amount",
                   f"已审核的{label}金额合计。": f"Total amount of approved {plural.lower()}."}
        i18n_en = root / "scripts" / "i18n_en.py"
        saved_en = i18n_en.read_text(encoding="utf-8")
        dictionary = root / "docs" / "data-dictionary.md"
        saved_dictionary = dictionary.read_text(encoding="utf-8") if dictionary.exists() else None
        locale = Path(settings.BASE_DIR) / "locale"
        saved_locale = {p: p.read_bytes() for p in locale.rglob("django.[pm]o")}
        try:
            written = self.copy(TEMPLATE / "app", app_dir, fields) + self.copy(TEMPLATE / "tests", tests_dir, fields)
            self.run(root, "-m", "django", "makemigrations", name, "-n", "initial", "-v", "0")
            added = self.add_english(i18n_en, name, english, written)
            if opts["no_i18n"] or not shutil.which("xgettext"):
                self.stdout.write(_("未刷新翻译目录（需要 gettext）：稍后运行 %(command)s") % {
                    "command": ".venv/bin/python scripts/i18n.py"})
            else:
                self.run(root, str(root / "scripts" / "i18n.py"))
            self.run(root, str(root / "scripts" / "data_dictionary.py"))
        except BaseException:
            # Take everything back: a half-made app would be found by settings and break the site.
            shutil.rmtree(app_dir, ignore_errors=True)
            shutil.rmtree(tests_dir, ignore_errors=True)
            i18n_en.write_text(saved_en, encoding="utf-8")
            if saved_dictionary is not None:
                dictionary.write_text(saved_dictionary, encoding="utf-8")
            for path, content in saved_locale.items():
                path.write_bytes(content)
            raise
        rel = lambda p: p.relative_to(root)  # noqa: E731
        self.stdout.write(self.style.SUCCESS(_("已创建频道应用 %(name)s：%(label)s（%(model)s），菜单组“%(group)s”") % {
            "name": name, "label": label, "model": model, "group": group}))
        for path in [*written, *sorted((app_dir / "migrations").glob("0001_*.py"))]:
            self.stdout.write(f"  {rel(path)}")
        self.stdout.write("  " + _("%(file)s：新增英文 %(n)s 条；%(dictionary)s 已更新") % {
            "file": "scripts/i18n_en.py", "n": added, "dictionary": "docs/data-dictionary.md"})
        self.stdout.write(_("下一步：写明模型字段与演示数据后，运行 %(command)s") % {
            "command": f".venv/bin/pytest {rel(tests_dir)} -q"})

    def check_names(self, name, model, label, group, root, app_dir, tests_dir) -> None:
        if not NAME.match(name) or keyword.iskeyword(name):
            raise CommandError(_("应用名“%(name)s”须为小写英文字母、数字和下划线，以字母开头（如 labour）。") % {"name": name})
        if not MODEL.match(model):
            raise CommandError(_("模型名“%(model)s”须为英文驼峰形式，以大写字母开头（如 TrainingProgramme）。") % {
                "model": model})
        if model in TAKEN:
            raise CommandError(_("模型名“%(model)s”与生成代码所用的名称重复，请换一个。") % {"model": model})
        for text in (label, group):
            if not text.strip() or any(ch in text for ch in '"\\\n'):
                raise CommandError(_("名称“%(text)s”不能为空，也不能含引号、反斜杠或换行。") % {"text": text})
        if any(c.label == name for c in apps.get_app_configs()):
            raise CommandError(_("已有名为“%(name)s”的应用。") % {"name": name})
        for path in (app_dir, tests_dir):
            if path.exists():
                raise CommandError(_("%(path)s 已存在。") % {"path": path})
        for needed in ("tests/base.py", "scripts/i18n.py", "scripts/data_dictionary.py"):
            if not (root / needed).is_file():
                raise CommandError(_("找不到 %(path)s：startchannel 须在源代码目录中运行（git clone 后 pip install -e .）。") % {
                    "path": root / needed})

    def copy(self, source: Path, target: Path, fields: dict) -> list[Path]:
        written = []
        for path in sorted(source.rglob("*-tpl")):
            out = target / path.relative_to(source).with_name(path.name.removesuffix("-tpl"))
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(Template(path.read_text(encoding="utf-8")).substitute(fields), encoding="utf-8")
            written.append(out)
        return written

    def add_english(self, i18n_en: Path, name: str, english: dict, written: list[Path]) -> int:
        """Append the English of the new app's labels that `i18n_en.py` lacks, so the English UI is English."""
        known = runpy.run_path(str(i18n_en))["EN"]
        used = set()
        for path in written:
            used.update(re.findall(r'_\("([^"]+)"\)', path.read_text(encoding="utf-8")))
        new = {k: v for k, v in english.items() if k in used and k not in known}
        if new:
            lines = "".join(f"    {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)},\n"
                            for k, v in new.items())
            with i18n_en.open("a", encoding="utf-8") as out:
                out.write(f"\n# {name} (xiezuo startchannel): check these when the labels change.\nEN.update({{\n"
                          f"{lines}}})\n")
        return len(new)

    def run(self, root: Path, *argv: str) -> None:
        # A new process, so that settings find the new app (this one's INSTALLED_APPS were read at start).
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "xiezuo.settings",
               "PYTHONPATH": os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")])}
        done = subprocess.run([sys.executable, *argv], cwd=root, env=env, capture_output=True, text=True)
        if done.returncode:
            raise CommandError(_("%(command)s 失败：") % {"command": " ".join(argv)} + f"\n{done.stdout}{done.stderr}")
