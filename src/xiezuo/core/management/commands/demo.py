from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.bulkwrite import refresh_statistics
from xiezuo.core.management.base import Command as TranslatedCommand


class Command(TranslatedCommand):
    help = gettext_lazy("建立数据库，载入行政区划和演示数据，再启动后台工作进程和网站。")

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help=_("只载入数据"))
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **opts):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        demo_secret_key()
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(_("数据库已就绪"))
        call_command("loadregions")
        load_demo(self.stdout)
        refresh_statistics()  # the demo's tables, all of them
        if opts["no_serve"]:
            return
        worker = subprocess.Popen([sys.executable, "-m", "xiezuo.cli", "worker"])
        self.stdout.write(_("后台工作进程已启动（pid %(pid)s）") % {"pid": worker.pid})
        try:
            call_command("serve", host=opts["host"], port=opts["port"])
        finally:
            worker.terminate()


def demo_hooks() -> list:
    """`(app config, its demo module)` for every app of ours that ships `demo.py`, in INSTALLED_APPS order.

    Found, not listed: a new channel's `demo.py` (with `load(acting_user)`) runs without editing this file.
    Only a missing `demo` module is skipped; an error inside one stops the demo with its traceback.
    """
    hooks = []
    for config in apps.get_app_configs():
        if not config.name.startswith("xiezuo."):
            continue
        if importlib.util.find_spec(f"{config.name}.demo") is None:
            continue
        hooks.append((config, importlib.import_module(f"{config.name}.demo")))
    # A hook that reads other channels' records (assessment) says `AFTER_CHANNELS = True` and runs last.
    return sorted(hooks, key=lambda h: bool(getattr(h[1], "AFTER_CHANNELS", False)))


def demo_secret_key() -> None:
    """Without a configured key, the demo makes a random one, kept in var/secret_key (read by settings).

    `xiezuo serve` refuses the published development key when debug mode is off, as the demo runs.
    """
    from xiezuo.core.checks import secret_key_problem

    if not secret_key_problem(settings.SECRET_KEY):
        return
    import os
    import secrets

    path = settings.DEMO_SECRET_KEY_FILE
    if not path.is_file():
        # Written whole under another name, then linked: a second demo starting at the same moment keeps the
        # first one's key and never reads a half-written file.
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(secrets.token_urlsafe(50))
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink(missing_ok=True)
    settings.SECRET_KEY = path.read_text(encoding="utf-8").strip()


def load_demo(stdout=None) -> None:
    """Each app may ship `demo.py` with `load(acting_user)`; they run in INSTALLED_APPS order."""
    User = get_user_model()
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        admin = User.objects.create_superuser("admin", password="xiezuo2026", first_name="系统管理员")
    hooks = demo_hooks()
    # The data is written in the site's language whatever the terminal's (its messages follow LANG).
    for config, module in hooks:
        with translation.override(settings.LANGUAGE_CODE):
            module.load(admin)
        if stdout:
            stdout.write(_("演示数据已加载：%(part)s") % {"part": config.verbose_name})
    # A channel whose demo links to what a later channel's demo made (workers who are registry members) does it
    # here, once every app has loaded: channels run in name order and never import each other.
    with translation.override(settings.LANGUAGE_CODE):
        for _config, module in hooks:
            if hasattr(module, "load_late"):
                module.load_late(admin)
