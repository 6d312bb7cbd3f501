from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.urls import get_resolver

from xiezuo.core.checks import KEY_HINT, secret_key_problem


class Command(BaseCommand):
    help = "Serve the site with waitress (production-grade WSGI server, static files by WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, **opts):
        # The development key is published in the source: anyone could forge sessions and tokens with it.
        problem = secret_key_problem(settings.SECRET_KEY)
        if problem and not settings.DEBUG:
            raise CommandError(f"拒绝启动：{problem}{KEY_HINT}，或以 XIEZUO_SECRET_KEY_FILE 指定密钥文件。"
                               "（仅开发调试时可设置 XIEZUO_DEBUG=1 使用开发密钥。）")
        from waitress import serve

        from xiezuo.wsgi import application

        # Load every app's URLs now, so that a broken urls.py stops the start instead of failing each request.
        get_resolver().check()
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
            call_command("createcachetable", verbosity=0)  # idempotent: the API throttles' shared counters
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"协作平台已启动：http://{opts['host']}:{opts['port']}/")
        serve(application, host=opts["host"], port=opts["port"], threads=opts["threads"])
