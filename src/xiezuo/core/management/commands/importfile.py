from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core import jobs
from xiezuo.core.management.base import Command as TranslatedCommand
from xiezuo.core.models import Job
from xiezuo.core.registry import REGISTRY

from ._progress import progress_bar


def failure_message(job: Job) -> str:
    """The job's message, with the error report's full path instead of "download it" (this is no web page)."""
    message = job.message
    if job.error_file:
        for said in (_("请下载错误清单，修改后重新上传。"), _("请下载错误清单")):
            message = message.replace(said, "")
        message = _("%(message)s。\n错误清单（修改后重新导入）：%(path)s") % {
            "message": message.rstrip("，。,. "), "path": Path(job.error_file.path).resolve()}
    return message


class Command(TranslatedCommand):
    help = gettext_lazy("把文件导入为一种记录，作为后台任务（除非 --queue，立即运行）。")

    def add_arguments(self, parser):
        parser.add_argument("record_type", help=_("应用.模型，如 partners.organisation；建档立卡名册填 registry"))
        parser.add_argument("path")
        parser.add_argument("--user", required=True)
        parser.add_argument("--queue", action="store_true", help=_("交给后台工作进程运行"))

    def handle(self, *args, **opts):
        user = get_user_model().objects.filter(username=opts["user"]).first()
        if user is None:
            raise CommandError(_("用户不存在：%(name)s") % {"name": opts["user"]})
        path = Path(opts["path"])
        if not path.exists():
            raise CommandError(_("文件不存在：%(path)s") % {"path": path})
        kind, params = self.kind_and_params(opts["record_type"])
        with open(path, "rb") as fh:
            job = Job(kind=kind, user=user, title=_("命令行导入：%(name)s") % {"name": path.name},
                      params={**params, "language": translation.get_language()}, input_name=path.name)
            job.input_file.save(path.name, File(fh), save=False)
            job.save()
        if opts["queue"]:
            self.stdout.write(_("已排队：%(pk)s") % {"pk": job.pk})
            return
        jobs.claim(job.pk, "cli")
        with progress_bar(self.stderr._out, _("导入 %(name)s") % {"name": path.name}) as observer:
            job = jobs.run(Job.objects.get(pk=job.pk), observer)
        for row in job.errors[:50]:
            if row[0] in (None, ""):  # a problem of the whole file (missing columns): no row to name
                self.stderr.write(str(row[3]))
                continue
            self.stderr.write(_("第 %(row)s 行 %(column)s 列（%(heading)s）：%(message)s") % {
                "row": row[0], "column": row[1], "heading": row[2], "message": row[3]})
        if len(job.errors) > 50:
            self.stderr.write(_("……另有 %(n)s 处错误，见错误清单。") % {"n": len(job.errors) - 50})
        if job.state != Job.State.SUCCEEDED:
            raise CommandError(failure_message(job))
        self.stdout.write(job.message)

    def kind_and_params(self, name: str):
        if name in REGISTRY:
            return "import_records", {"record_type": name}
        if name in jobs.HANDLERS:
            return name, {}
        raise CommandError(_("未知的记录类型：%(name)s（可选：%(types)s）") % {"name": name, "types": "、".join(REGISTRY)})
