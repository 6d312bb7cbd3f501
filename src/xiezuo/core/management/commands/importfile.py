from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from xiezuo.core import jobs
from xiezuo.core.models import Job
from xiezuo.core.registry import REGISTRY


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
        job = jobs.run(Job.objects.get(pk=job.pk))
        for row in job.errors[:50]:
            self.stderr.write(f"第 {row[0]} 行 {row[1]} 列（{row[2]}）：{row[3]}")
        if job.state != Job.State.SUCCEEDED:
            raise CommandError(job.message)
        self.stdout.write(job.message)

    def kind_and_params(self, name: str):
        if name in REGISTRY:
            return "import_records", {"record_type": name}
        if name in jobs.HANDLERS:
            return name, {}
        raise CommandError(f"未知的记录类型：{name}（可选：{'、'.join(REGISTRY)}）")
