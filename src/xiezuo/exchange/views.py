"""Extra context of the visit and agreement detail pages: linked records, each through `restrict`."""

from __future__ import annotations

from xiezuo.core.permissions import can

from .models import Agreement, Meeting, Participant, Visit
from .summary import enterprise_visits


def visit_context(request, visit: Visit) -> dict:
    user = request.user
    agreements = list(Agreement.objects.restrict(user).filter(visits=visit))
    return {
        "participants": Participant.objects.restrict(user).filter(visit=visit).select_related("organisation"),
        "meetings": Meeting.objects.restrict(user).filter(visit=visit),
        "outcome_agreements": agreements,
        # Outcomes outside the reader's area are counted, never named. (Other channels add their outcomes,
        # e.g. the projects of a visit, as panels of their own.)
        "hidden_outcomes": visit.agreements.count() - len(agreements),
        "enterprise_visits": enterprise_visits(visit),
        "group_lines": visit.group_lines(),
        "can_add_child": can(user, "add", Meeting),
    }


def agreement_context(request, agreement: Agreement) -> dict:
    return {"visits": Visit.objects.restrict(request.user).filter(agreements=agreement)}
