from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.urls import get_resolver


class Command(BaseCommand):
    help = "Serve the site with waitress (production-grade WSGI server, static files by WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, **opts):
        from waitress import serve

        from xiezuo.wsgi import application

        # Load every app's URLs now, so that a broken urls.py stops the start instead of failing each request.
        get_resolver().check()
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"协作平台已启动：http://{opts['host']}:{opts['port']}/")
        serve(application, host=opts["host"], port=opts["port"], threads=opts["threads"])
