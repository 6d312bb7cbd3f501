from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.jobs import work
from xiezuo.core.management.base import Command as TranslatedCommand


class Command(TranslatedCommand):
    help = gettext_lazy("运行后台任务（导入、导出）和定时任务（提醒、邮件）。可启动任意多个：每个任务、每个定时时段只由一个进程领取。")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help=_("运行完排队中的任务后退出"))
        parser.add_argument("--poll", type=float, default=1.0)
        parser.add_argument("--max-jobs", type=int, default=None)
        parser.add_argument("--no-periodic", action="store_true",
                            help=_("不运行定时任务（提醒、邮件），由另一个工作进程运行"))

    def handle(self, *args, **opts):
        done = work(once=opts["once"], poll=opts["poll"], max_jobs=opts["max_jobs"],
                    periodic=not opts["no_periodic"])
        self.stdout.write(_("工作进程结束，共运行 %(n)s 个任务") % {"n": done})
