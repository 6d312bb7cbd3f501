"""The command line's own words in its language: argparse's (usage, option groups, `-h`, its errors) and the help
of Django's common options (`--verbosity`, `--settings`…), which Python and Django ship in English only.

`install()` (xiezuo/cli.py) points argparse's message function at these, after the command line's language is
active; a message not listed here passes unchanged."""

from __future__ import annotations

from django.utils.translation import gettext


def _(message: str) -> str:
    """Marks a message for extraction; importable without settings (scripts/i18n_en.py reads `WORDS`)."""
    return message


# argparse's and Django's text → its Chinese message id (English in scripts/i18n_en.py is the text itself).
WORDS = {
    "usage: ": _("用法："),
    "positional arguments": _("位置参数"),
    "options": _("选项"),
    "show this help message and exit": _("显示本帮助并退出"),
    "show program's version number and exit": _("显示程序版本号并退出"),
    "the following arguments are required: %s": _("缺少以下参数：%s"),
    "unrecognized arguments: %s": _("无法识别的参数：%s"),
    "expected one argument": _("需要一个值"),
    "argument %(argument_name)s: %(message)s": _("参数 %(argument_name)s：%(message)s"),
    "invalid choice: %(value)r (choose from %(choices)s)": _("无效的选项：%(value)r（可选：%(choices)s）"),
    "invalid %(type)s value: %(value)r": _("无效的 %(type)s 值：%(value)r"),
    "ambiguous option: %(option)s could match %(matches)s": _("选项不明确：%(option)s 可指 %(matches)s"),
    "not allowed with argument %s": _("不能与参数 %s 同时使用"),
    "%(prog)s: error: %(message)s\n": _("%(prog)s：错误：%(message)s\n"),
    # Django's common options (django/core/management/base.py).
    "Show program's version number and exit.": _("显示程序版本号并退出。"),
    "Verbosity level; 0=minimal output, 1=normal output, 2=verbose output, 3=very verbose output":
        _("输出详细程度：0 最少，1 正常，2 详细，3 非常详细"),
    'The Python path to a settings module, e.g. "myproject.settings.main". If this isn\'t provided, the '
    "DJANGO_SETTINGS_MODULE environment variable will be used.":
        _("设置模块的 Python 路径，如 xiezuo.settings；未给出时用环境变量 DJANGO_SETTINGS_MODULE。"),
    'A directory to add to the Python path, e.g. "/home/djangoprojects/myproject".':
        _("加入 Python 路径的目录。"),
    "Display a full stack trace on CommandError exceptions.": _("命令出错时显示完整的调用栈。"),
    "Don't colorize the command output.": _("输出不着色。"),
    "Force colorization of the command output.": _("强制输出着色。"),
    "Skip system checks.": _("跳过系统检查。"),
}


def translate(message: str) -> str:
    """`message` (argparse's or Django's English) in the command line's language."""
    chinese = WORDS.get(message)
    return message if chinese is None else gettext(chinese)


def translate_help(parser) -> None:
    """The help texts Django gave its common options, in the command line's language (argparse's own words go
    through `translate` once `install` ran)."""
    for action in parser._actions:
        if isinstance(action.help, str):
            action.help = translate(action.help)


def install() -> None:
    import argparse

    argparse._ = translate
