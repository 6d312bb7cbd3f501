from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from xiezuo.core.jobs import work


class Command(BaseCommand):
    help = ("Run background jobs (imports, exports) and periodic tasks (reminders, e-mail). Start as many as you "
            "like: each job, and each periodic slot, is claimed once.")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run what is queued, then stop")
        parser.add_argument("--poll", type=float, default=1.0)
        parser.add_argument("--max-jobs", type=int, default=None)
        parser.add_argument("--no-periodic", action="store_true",
                            help="do not run the periodic tasks (reminders, e-mail); another worker runs them")

    def handle(self, *args, **opts):
        done = work(once=opts["once"], poll=opts["poll"], max_jobs=opts["max_jobs"],
                    periodic=not opts["no_periodic"])
        self.stdout.write(_("工作进程结束，共运行 %(n)s 个任务") % {"n": done})
