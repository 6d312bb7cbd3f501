from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from xiezuo.core import jobs
from xiezuo.core.models import Job
from xiezuo.core.registry import REGISTRY

from ._progress import progress_bar


def failure_message(job: Job) -> str:
    """The job's message, with the error report's full path instead of "download it" (this is no web page)."""
    message = job.message
    if job.error_file:
        message = message.replace("请下载错误清单，修改后重新上传。", "").replace("请下载错误清单", "").rstrip("，。 ")
        message = f"{message}。\n错误清单（修改后重新导入）：{Path(job.error_file.path).resolve()}"
    return message


class Command(BaseCommand):
    help = "Import a file into a record type, as a job (run now unless --queue)."

    def add_arguments(self, parser):
        parser.add_argument("record_type", help="app.model, e.g. partners.organisation, or 'registry' for the registry")
        parser.add_argument("path")
        parser.add_argument("--user", required=True)
        parser.add_argument("--queue", action="store_true", help="leave the job to a worker")

    def handle(self, *args, **opts):
        user = get_user_model().objects.filter(username=opts["user"]).first()
        if user is None:
            raise CommandError(f"用户不存在：{opts['user']}")
        path = Path(opts["path"])
        if not path.exists():
            raise CommandError(f"文件不存在：{path}")
        kind, params = self.kind_and_params(opts["record_type"])
        with open(path, "rb") as fh:
            job = Job(kind=kind, user=user, title=f"命令行导入：{path.name}", params=params, input_name=path.name)
            job.input_file.save(path.name, File(fh), save=False)
            job.save()
        if opts["queue"]:
            self.stdout.write(f"已排队：{job.pk}")
            return
        jobs.claim(job.pk, "cli")
        with progress_bar(self.stderr._out, f"导入 {path.name}") as observer:
            job = jobs.run(Job.objects.get(pk=job.pk), observer)
        for row in job.errors[:50]:
            self.stderr.write(f"第 {row[0]} 行 {row[1]} 列（{row[2]}）：{row[3]}")
        if len(job.errors) > 50:
            self.stderr.write(f"……另有 {len(job.errors) - 50} 处错误，见错误清单。")
        if job.state != Job.State.SUCCEEDED:
            raise CommandError(failure_message(job))
        self.stdout.write(job.message)

    def kind_and_params(self, name: str):
        if name in REGISTRY:
            return "import_records", {"record_type": name}
        if name in jobs.HANDLERS:
            return name, {}
        raise CommandError(f"未知的记录类型：{name}（可选：{'、'.join(REGISTRY)}）")
