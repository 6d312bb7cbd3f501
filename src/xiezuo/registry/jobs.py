"""The registry import as a background job: `registry_import` (alias `registry` for `xiezuo import registry …`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files import File

from xiezuo.core.jobs import HANDLERS, JobError, job_handler
from xiezuo.core.models import Job
from xiezuo.core.permissions import can
from xiezuo.core.tabular import FileProblem, write_xlsx

from .importing.pipeline import ImportRejected, run_import
from .models import Household

KIND = "registry_import"
ERROR_HEADERS = ["行号", "列", "列名", "问题"]


def write_error_file(job: Job, errors) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "errors.xlsx"
        write_xlsx(str(path), ERROR_HEADERS, errors.iter_rows(), sheet="错误清单", widths=[8, 10, 20, 70])
        with open(path, "rb") as fh:
            job.error_file.save(f"错误清单-{Path(job.input_name).stem}.xlsx", File(fh), save=False)


@job_handler(KIND)
def registry_import(job: Job, progress) -> dict:
    if not can(job.user, "import", Household):
        raise JobError("您的角色不允许导入。")
    try:
        result = run_import(Path(job.input_file.path), job.input_name, job.user, job=job, progress=progress,
                            synthetic=bool(job.params.get("synthetic")))
    except FileProblem as exc:
        job.errors = [["", "-", "-", str(exc)]]  # a problem of the whole file: no row number
        raise JobError(str(exc)) from None
    except ImportRejected as exc:
        job.errors = [list(r) for r in exc.errors.head(1000).iter_rows()]
        write_error_file(job, exc.errors)
        raise JobError(f"发现 {exc.errors.height:,} 处错误，未导入任何记录。请下载错误清单，修改后重新上传。") from None
    if not result.changed:
        message = f"已核对 {result.rows:,} 行，与系统中的数据完全一致，没有任何改动。"
    else:
        message = (f"已导入 {result.rows:,} 行：新增 {result.households_created:,} 户、"
                   f"{result.members_created:,} 人；更新 {result.households_updated:,} 户、"
                   f"{result.members_updated:,} 人；移出 {result.members_removed:,} 人。")
    if result.rows_unchanged:
        message += f"其中 {result.rows_unchanged:,} 行与上次导入的内容完全相同，未重复校验。"
    if result.ignored_columns:
        message += f"已忽略的列：{'、'.join(result.ignored_columns)}。"
    progress(100, message)
    return result.as_dict()


HANDLERS["registry"] = registry_import  # `xiezuo import registry FILE --user U`
