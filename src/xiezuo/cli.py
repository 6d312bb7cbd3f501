"""The `xiezuo` command: serve, migrate, demo, worker, createuser, import, export, startchannel (and any Django command)."""

from __future__ import annotations

import os
import sys


def gettext_noop(message: str) -> str:
    """Marks a message for extraction (scripts/i18n.py); Django's own needs settings, not yet there on import."""
    return message


ALIASES = {"serve": "serve", "migrate": "migrate", "demo": "demo", "worker": "worker",
           "createuser": "createuser", "import": "importfile", "export": "exportfile"}
# Marked for translation (Django is not set up when this module loads); shown in the command line's language.
USAGE = gettext_noop("""用法: xiezuo <命令> [参数]

  serve        启动网站（gunicorn，多进程）：xiezuo serve [--host 127.0.0.1] [--port 8000] [--workers N]
  migrate      建立或升级数据库
  demo         建库、加载行政区划与演示数据、启动工作进程和网站
  worker       运行后台任务工作进程（可同时运行多个）
  createuser   创建用户：xiezuo createuser 用户名 --role editor --region 522700000000
  import       导入文件：xiezuo import partners.organisation 文件.xlsx --user 用户名
  export       导出记录：xiezuo export partners.pairing 输出.xlsx --user 用户名
  startchannel 新建频道应用（一种记录类型及其菜单、演示数据、翻译与测试）：
               xiezuo startchannel labour --model TrainingProgramme --label 培训项目 --group 劳务协作
  其他 Django 管理命令也可直接使用，如 xiezuo check --deploy
""")


def cli_language(environ=os.environ) -> str | None:
    """The language of the command line's messages: XIEZUO_LANGUAGE (zh-hans, zh-hant, zh-hk, en), else the
    terminal's locale as LC_ALL, LC_MESSAGES or LANG name it (en_US.UTF-8 → English, zh_TW → 繁體中文,
    zh_HK → 繁體中文（香港）), read as the site reads a browser's languages. None (C, POSIX, another language): the
    product's default."""
    from xiezuo.core.languages import requested_language

    chosen = environ.get("XIEZUO_LANGUAGE", "").strip()
    if chosen:
        return requested_language(chosen)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            return requested_language(value.split(".")[0].split("@")[0])
    return None


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django
    from django.utils import translation

    django.setup()
    translation.activate(cli_language() or translation.get_language())
    from xiezuo.core.management.arguments import install

    install()  # argparse's own words (usage, options, errors) in that language too
    if len(argv) < 2 or argv[1] in ("-h", "--help", "help"):
        print(translation.gettext(USAGE))
        return
    argv[1] = ALIASES.get(argv[1], argv[1])
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
