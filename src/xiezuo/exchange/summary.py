"""Figures of a visit that more than one page needs."""

from __future__ import annotations

from .choices import ENTERPRISE_KINDS


def enterprise_visits(visit) -> int:
    """Enterprise-visits (企业家次) of one record: the stated count, else the enterprises in the delegation."""
    if visit.enterprise_visits_reported is not None:
        return visit.enterprise_visits_reported
    return visit.delegation_units.filter(kind__in=ENTERPRISE_KINDS).count()
