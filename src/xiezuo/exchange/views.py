"""Extra context of the visit and agreement detail pages: linked records, each through `restrict`."""

from __future__ import annotations

from django.apps import apps

from xiezuo.core.permissions import can

from .models import Agreement, Meeting, Participant, Visit
from .summary import enterprise_visits


def visit_context(request, visit: Visit) -> dict:
    user = request.user
    project_model = apps.get_model("industry", "Project")
    agreements = list(Agreement.objects.restrict(user).filter(visits=visit))
    projects = list(project_model.objects.restrict(user).filter(visits=visit).select_related("region"))
    return {
        "participants": Participant.objects.restrict(user).filter(visit=visit).select_related("organisation"),
        "meetings": Meeting.objects.restrict(user).filter(visit=visit),
        "outcome_agreements": agreements,
        "outcome_projects": projects,
        # Outcomes outside the reader's area are counted, never named.
        "hidden_outcomes": visit.agreements.count() + visit.projects.count() - len(agreements) - len(projects),
        "enterprise_visits": enterprise_visits(visit),
        "group_lines": visit.group_lines(),
        "can_add_child": can(user, "add", Meeting),
    }


def agreement_context(request, agreement: Agreement) -> dict:
    user = request.user
    project_model = apps.get_model("industry", "Project")
    return {
        "visits": Visit.objects.restrict(user).filter(agreements=agreement),
        "projects": project_model.objects.restrict(user).filter(agreement=agreement).select_related("region"),
    }
