"""Extra parts of the project and allocation detail pages, and the project outcomes on visit and agreement pages."""

from __future__ import annotations

from .models import FundDisbursement, Project, parse_milestones


def project_context(request, project) -> dict:
    user = request.user
    disbursements = FundDisbursement.objects.restrict(user).filter(project=project).select_related("allocation")
    try:
        milestones = parse_milestones(project.milestones)
    except ValueError:
        milestones = []
    return {"disbursements": disbursements, "fiscal_total": sum(d.amount for d in disbursements),
            "visits": project.visits.restrict(user), "milestones": milestones}


def allocation_context(request, allocation) -> dict:
    disbursements = FundDisbursement.objects.restrict(request.user).filter(allocation=allocation).select_related(
        "project")
    return {"disbursements": disbursements, "disbursed": allocation.disbursed(), "balance": allocation.balance()}


def visit_outcomes(request, visit) -> dict:
    """The projects that came out of a visit (the link is held on the project: 来自活动)."""
    projects = list(Project.objects.restrict(request.user).filter(visits=visit).select_related("region"))
    # Projects outside the reader's area are counted, never named.
    hidden = Project._base_manager.filter(visits=visit).count() - len(projects)
    return {"outcome_projects": projects, "hidden_outcome_projects": hidden}


def agreement_projects(request, agreement) -> dict:
    return {"projects": Project.objects.restrict(request.user).filter(agreement=agreement).select_related("region")}
