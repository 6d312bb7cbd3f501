"""The reporting-rate figures counted again without the machinery (for tests/core/test_figures.py): for every
approved round of progress reports, each due unit inside the subject has reported when a submitted or approved
report in the period lies on a task it leads, cooperates on or supervises (with the units below it), and on
time when the earliest such report was submitted (or entered, if never submitted) by the end of the due date."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from xiezuo.core.models import ChangeRecord
from xiezuo.core.scope import code_prefix


def _in(unit, subject) -> bool:
    if subject.kind == "organisation":
        return unit.path.startswith(subject.obj.path)
    if subject.kind == "region":
        return unit.region_id.startswith(code_prefix(subject.obj.code))
    return False


def _reported_at(report) -> dt.datetime:
    ct = ContentType.objects.get(app_label="workplan", model="progressreport")
    submits = ChangeRecord.objects.filter(content_type=ct, object_id=str(report.pk), action="submit") \
        .order_by("time").values_list("time", flat=True)
    return submits[0] if submits else report.created_at


def _units_rows(subject):
    from xiezuo.workplan.models import ProgressReport, ReportingRound

    rows = []  # (reported, on time) per due unit of each round
    for rnd in ReportingRound.objects.filter(status="approved"):
        assert rnd.record_types.strip() == "进展报告" and not rnd.figures.strip(), "recount knows progress rounds"
        end = timezone.make_aware(dt.datetime.combine(rnd.due_date, dt.time.max))
        for unit in rnd.due_units.all():
            if not _in(unit, subject):
                continue
            times = []
            for r in ProgressReport.objects.filter(status__in=("submitted", "approved"),
                                                   report_date__range=(rnd.period_start, rnd.period_end)):
                units = [r.task.lead_unit, r.task.supervisor, *r.task.cooperating_units.all()]
                by_creator = getattr(getattr(r.created_by, "profile", None), "organisation", None)
                if any(u is not None and u.path.startswith(unit.path) for u in [*units, by_creator]):
                    times.append(_reported_at(r))
            rows.append((bool(times), bool(times) and min(times) <= end))
    return rows


def _rate(subject, timely: bool) -> float:
    rows = _units_rows(subject)
    if not rows:
        return 0.0
    done = sum(1 for reported, on_time in rows if (on_time if timely else reported))
    return round(100 * done / len(rows), 1)


def _rounds(subject) -> int:
    from xiezuo.workplan.models import ReportingRound

    return sum(1 for rnd in ReportingRound.objects.filter(status="approved")
               if any(_in(u, subject) for u in rnd.due_units.all()))


WORKPLAN_RECOUNT = {
    "workplan.rounds": _rounds,
    "workplan.reporting_rate": lambda s: _rate(s, timely=False),
    "workplan.timely_rate": lambda s: _rate(s, timely=True),
}
