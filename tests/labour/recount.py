"""Labour and talent figures counted again from the records, without the filtersets (for tests/core/test_figures.py).

Distinct persons by their `person_id`; registry membership from the registry's own table.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xiezuo.core import figures as registry
from xiezuo.labour.models import Employment, Trainee
from xiezuo.registry.models import Member
from xiezuo.talent.models import (
    CadreTrainee,
    CadreTraining,
    Dispatch,
    MinimumStay,
    Secondment,
    Team,
    TeamMember,
    TeamOutput,
)


def _prefix(code: str) -> str:
    return code.rstrip("0") if len(code.rstrip("0")) % 2 == 0 else code.rstrip("0") + "0"


def _rows(subject, model, region, org, *more):
    """(row tuples of `more`) of approved records of `model` that belong to the subject."""
    out = []
    for r in model.objects.filter(status="approved").values_list(region, org, *more):
        code, path, *rest = r
        if subject.kind == "organisation":
            ok = path is not None and path.startswith(subject.obj.path)
        elif subject.kind == "region":
            ok = code.startswith(_prefix(subject.obj.code))
        else:
            _east, west = registry.pairing_sides(subject.obj)
            ok = code.startswith(west)
        if ok:
            out.append(rest)
    return out


def _jobs(s, *more):
    return _rows(s, Employment, "region_id", "employer__path", "person_id", *more)


def _trainees(s, *more):
    return _rows(s, Trainee, "training_class__region_id", "training_class__host__path", "person_id", *more)


def _stays(s, model, *more):
    return _rows(s, model, "host_region_id", "home_unit__path", "person_id", *more)


def _members() -> set[int]:
    return set(Member.objects.values_list("pk", flat=True))


def _months(rows) -> float:
    today = dt.date.today()
    return round(sum(max(0, ((end or today) - start).days + 1) for _p, start, end in rows) / 30.4, 1)


def _qualifying(s) -> int:
    rules = dict(MinimumStay.objects.values_list("field", "days"))
    today = dt.date.today()
    return len({p for p, start, end, field in _stays(s, Dispatch, "start", "actual_end", "speciality")
                if ((end or today) - start).days >= rules.get(field, 180) and (end or start <= today)})


def _teams(s, kind):
    return len([k for (k,) in _rows(s, Team, "host_region_id", "helper_unit__path", "kind") if k == kind])


def _outputs(s, kind):
    return sum(n for k, n in _rows(s, TeamOutput, "team__host_region_id", "team__helper_unit__path", "kind", "count")
               if k == kind)


def _trainings(s) -> list[CadreTraining]:
    """Approved 两地培训 classes of the subject: by helped region; an organisation those it hosted or helped."""
    out = []
    for t in CadreTraining.objects.filter(status="approved").select_related("host", "helper_unit"):
        if s.kind == "organisation":
            ok = any(o is not None and o.path.startswith(s.obj.path) for o in (t.host, t.helper_unit))
        elif s.kind == "region":
            ok = t.helped_region_id.startswith(_prefix(s.obj.code))
        else:
            ok = t.helped_region_id.startswith(registry.pairing_sides(s.obj)[1])
        if ok:
            out.append(t)
    return out


def _training_participants(s) -> int:
    classes = _trainings(s)
    named = {r.person_id for r in CadreTrainee.objects.filter(status="approved", training__in=classes)}
    return len(named) + sum(t.counted_participants for t in classes)


def _pairs(s, kind) -> int:
    """School or hospital pairs (partners.Pairing of that kind) in force in the period, by their sides."""
    from xiezuo.partners.models import Pairing

    def side(p, name):
        region, org = getattr(p, f"{name}_region"), getattr(p, f"{name}_organisation")
        return region.code if region is not None else org.region_id

    n = 0
    for p in Pairing.objects.filter(status="approved", kind=kind).select_related(
            "helper_region", "helped_region", "helper_organisation", "helped_organisation"):
        if s.since and p.end_date and p.end_date < s.since or s.until and p.start_date > s.until:
            continue
        if s.kind == "organisation":
            ok = any(o is not None and o.path.startswith(s.obj.path)
                     for o in (p.helper_organisation, p.helped_organisation))
        elif s.kind == "region":
            ok = side(p, "helped").startswith(_prefix(s.obj.code))
        else:
            east, west = registry.pairing_sides(s.obj)
            ok = side(p, "helper").startswith(east) and side(p, "helped").startswith(west)
        n += ok
    return n


LABOUR_RECOUNT = {
    "labour.trainees": lambda s: len({r[0] for r in _trainees(s)}),
    "labour.trainees_completed": lambda s: len({p for p, c in _trainees(s, "completion") if c == "completed"}),
    "labour.trainees_registered": lambda s: len({r[0] for r in _trainees(s)} & _members()),
    "labour.placed": lambda s: len({r[0] for r in _jobs(s)}),
    "labour.placed_registered": lambda s: len({r[0] for r in _jobs(s)} & _members()),
    "labour.placed_east": lambda s: len({p for p, w in _jobs(s, "workplace") if w == "east"}),
    "labour.placed_local": lambda s: len({p for p, w in _jobs(s, "workplace") if w in ("local", "workshop")}),
    "labour.placed_workshop": lambda s: len({p for p, w in _jobs(s, "workplace") if w == "workshop"}),
    "labour.subsidies": lambda s: sum((t + b for _p, t, b in _jobs(s, "transport_subsidy", "stability_subsidy")),
                                      Decimal(0)),
    "talent.cadres": lambda s: len({p for p, d in _stays(s, Secondment, "direction") if d == "east_west"}),
    "talent.cadre_months": lambda s: _months([(p, a, b) for p, d, a, b in _stays(
        s, Secondment, "direction", "start", "actual_end") if d == "east_west"]),
    "talent.cadres_west_east": lambda s: len({p for p, d in _stays(s, Secondment, "direction") if d == "west_east"}),
    "talent.professionals": _qualifying,
    "talent.professional_months": lambda s: _months(_stays(s, Dispatch, "start", "actual_end")),
    "talent.school_teams": lambda s: _teams(s, "school"),
    "talent.hospital_teams": lambda s: _teams(s, "hospital"),
    "talent.team_members": lambda s: len({p for (p,) in _rows(s, TeamMember, "team__host_region_id",
                                                             "team__helper_unit__path", "person_id")}),
    "talent.operations": lambda s: _outputs(s, "operations"),
    "talent.departments": lambda s: _outputs(s, "departments"),
    "talent.school_pairs": lambda s: _pairs(s, "school"),
    "talent.hospital_pairs": lambda s: _pairs(s, "hospital"),
    "talent.cadre_trainings": lambda s: len(_trainings(s)),
    "talent.cadre_trainees": _training_participants,
}
