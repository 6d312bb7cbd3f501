from __future__ import annotations

import shutil
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core import jobs
from xiezuo.core.management.base import Command as TranslatedCommand
from xiezuo.core.models import Job
from xiezuo.core.registry import REGISTRY

from ._progress import progress_bar


class Command(TranslatedCommand):
    help = gettext_lazy("把一种记录（用户管辖范围内的）导出为 .xlsx 或 .csv。")

    def add_arguments(self, parser):
        parser.add_argument("record_type")
        parser.add_argument("path")
        parser.add_argument("--user", required=True)
        parser.add_argument("--query", default="", help=_("筛选条件，写法同列表页地址，如 kind=school"))

    def handle(self, *args, **opts):
        if opts["record_type"] not in REGISTRY:
            raise CommandError(_("未知的记录类型：%(name)s（可选：%(types)s）") % {
                "name": opts["record_type"], "types": "、".join(REGISTRY)})
        user = get_user_model().objects.filter(username=opts["user"]).first()
        if user is None:
            raise CommandError(_("用户不存在：%(name)s") % {"name": opts["user"]})
        target = Path(opts["path"])
        fmt = target.suffix.lstrip(".").lower()
        if fmt not in ("xlsx", "csv"):
            raise CommandError(_("输出文件须为 .xlsx 或 .csv"))
        job = Job.objects.create(kind="export_records", user=user, title=_("命令行导出：%(name)s") % {"name": target.name},
                                 params={"record_type": opts["record_type"], "query": opts["query"], "format": fmt,
                                         "language": translation.get_language()})
        jobs.claim(job.pk, "cli")
        with progress_bar(self.stderr._out, _("导出 %(name)s") % {"name": target.name}) as observer:
            job = jobs.run(Job.objects.get(pk=job.pk), observer)
        if job.state != Job.State.SUCCEEDED:
            raise CommandError(job.message)
        with job.result_file.open("rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        self.stdout.write(f"{job.message} → {target}")
