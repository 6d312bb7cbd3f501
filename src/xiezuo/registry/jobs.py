"""The registry import as a background job: `registry_import` (alias `registry` for `xiezuo import registry …`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files import File
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from xiezuo.core.jobs import HANDLERS, JobError, job_handler
from xiezuo.core.models import Job
from xiezuo.core.permissions import can
from xiezuo.core.tabular import FileProblem, write_xlsx

from .importing.pipeline import ImportRejected, run_import
from .models import Household

KIND = "registry_import"
ERROR_HEADERS = [gettext_noop("行号"), gettext_noop("列"), gettext_noop("列名"), gettext_noop("问题")]


def write_error_file(job: Job, errors) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "errors.xlsx"
        write_xlsx(str(path), [_(h) for h in ERROR_HEADERS], errors.iter_rows(), sheet=_("错误清单"), widths=[8, 10, 20, 70])
        with open(path, "rb") as fh:
            job.error_file.save(_("错误清单-%(name)s.xlsx") % {"name": Path(job.input_name).stem}, File(fh), save=False)


@job_handler(KIND)
def registry_import(job: Job, progress) -> dict:
    if not can(job.user, "import", Household):
        raise JobError(_("您的角色不允许导入。"))
    try:
        result = run_import(Path(job.input_file.path), job.input_name, job.user, job=job, progress=progress,
                            synthetic=bool(job.params.get("synthetic")))
    except FileProblem as exc:
        job.errors = [["", "-", "-", str(exc)]]  # a problem of the whole file: no row number
        raise JobError(str(exc)) from None
    except ImportRejected as exc:
        job.errors = [list(r) for r in exc.errors.head(1000).iter_rows()]
        write_error_file(job, exc.errors)
        raise JobError(_("发现 %(n)s 处错误，未导入任何记录。请下载错误清单，修改后重新上传。")
                       % {"n": f"{exc.errors.height:,}"}) from None
    if not result.changed:
        message = _("已核对 %(rows)s 行，与系统中的数据完全一致，没有任何改动。") % {"rows": f"{result.rows:,}"}
    else:
        message = _("已导入 %(rows)s 行：新增 %(hc)s 户、%(mc)s 人；更新 %(hu)s 户、%(mu)s 人；移出 %(mr)s 人。") % {
            "rows": f"{result.rows:,}", "hc": f"{result.households_created:,}", "mc": f"{result.members_created:,}",
            "hu": f"{result.households_updated:,}", "mu": f"{result.members_updated:,}",
            "mr": f"{result.members_removed:,}"}
    if result.rows_unchanged:
        message += _("其中 %(n)s 行与上次导入的内容完全相同，未重复校验。") % {"n": f"{result.rows_unchanged:,}"}
    if result.ignored_columns:
        message += _("已忽略的列：%(columns)s。") % {"columns": "、".join(result.ignored_columns)}
    progress(100, message)
    return result.as_dict()


HANDLERS["registry"] = registry_import  # `xiezuo import registry FILE --user U`
