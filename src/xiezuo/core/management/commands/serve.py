from __future__ import annotations

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import get_resolver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.checks import key_hint, secret_key_problem
from xiezuo.core.management.base import Command as TranslatedCommand


def default_workers() -> int:
    """Processes: two per CPU, at most 16. Pages are Python work (rendering, serializing): bench/pages.py on 2 CPUs
    served as many requests a second with 4 processes × 1 thread as with the web's usual 5 × 2, with a lower p95
    and less CPU a request (figures in docs/operations.md)."""
    return min(2 * (os.cpu_count() or 1), 16)


class Command(TranslatedCommand):
    help = gettext_lazy("用 gunicorn 运行网站：多个进程（默认为 CPU 数 × 2），每个进程默认一个线程；静态文件由 WhiteNoise 提供。")

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("XIEZUO_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("XIEZUO_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("XIEZUO_WORKERS", "0") or 0),
                            help=_("进程数（默认 CPU 数 × 2，或 XIEZUO_WORKERS）"))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("XIEZUO_THREADS", "1")),
                            help=_("每个进程的线程数（默认 1，或 XIEZUO_THREADS）"))
        parser.add_argument("--timeout", type=int, default=int(os.environ.get("XIEZUO_REQUEST_TIMEOUT", "120")),
                            help=_("请求卡住多少秒后重启其进程（默认 120）"))

    def handle(self, *args, **opts):
        # The development key is published in the source: anyone could forge sessions and tokens with it.
        problem = secret_key_problem(settings.SECRET_KEY)
        if problem and not settings.DEBUG:
            raise CommandError(_("拒绝启动：%(problem)s%(hint)s，或以 XIEZUO_SECRET_KEY_FILE 指定密钥文件。"
                                 "（仅开发调试时可设置 XIEZUO_DEBUG=1 使用开发密钥。）") % {
                                     "problem": problem, "hint": key_hint()})
        # Load every app's URLs now, so that a broken urls.py stops the start instead of failing each request.
        get_resolver().check()
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
            call_command("createcachetable", verbosity=0)  # idempotent: the API throttles' shared counters
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        workers = opts["workers"] or default_workers()
        threads = max(1, opts["threads"])
        self.stdout.write(_("协作平台已启动：%(url)s（%(workers)s 个进程 × %(threads)s 个线程）") % {
            "url": f"http://{opts['host']}:{opts['port']}/", "workers": workers, "threads": threads})
        self.stdout.flush()
        serve(opts["host"], opts["port"], workers, threads, opts["timeout"])


def serve(host: str, port: int, workers: int, threads: int, timeout: int) -> None:
    """gunicorn with threaded workers; on a system without it (Windows), waitress in one process."""
    from django.db import connections

    from xiezuo.wsgi import application

    # The processes are forked from this one: none may inherit its database connections.
    connections.close_all()
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:  # pragma: no cover - gunicorn runs on every Unix
        from waitress import serve as waitress_serve

        waitress_serve(application, host=host, port=port, threads=max(8, threads * workers))
        return

    class Server(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers, "threads": threads, "worker_class": "gthread",
                "timeout": timeout, "graceful_timeout": 30, "keepalive": 5,
                # A process is replaced now and then, so that no slow growth of memory lasts.
                "max_requests": 5000, "max_requests_jitter": 500,
                "accesslog": os.environ.get("XIEZUO_ACCESS_LOG") or None, "errorlog": "-",
                "loglevel": os.environ.get("XIEZUO_SERVER_LOG_LEVEL", "warning"),
                "proc_name": "xiezuo",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return application

    Server().run()
