"""How sales are counted, as querysets: the list filters, the figures and the chart all use these.

* `certified_q`: the product was certified (认定, or later withdrawn) on every day the sale stands for — the
  date of sale, or the whole month when only the month is known. The same rule as `Sale.count_problem`.
* `once`: among the rows of a queryset, one report per invoice or contract (the first entered, i.e. the
  lowest id of the rows that passed the other filters — with `status=approved`, the first approved report);
  rows without a document number are each their own sale.
"""

from __future__ import annotations

from django.db.models import F, Min, Q

from .choices import CertificationStage
from .models import BUDGET_KINDS


def certified_q(prefix: str = "") -> Q:
    p = f"{prefix}product__"
    end_ok = ((Q(**{f"{p}valid_to__isnull": True}) | Q(**{f"{p}valid_to__gte": F(f"{prefix}period_end")}))
              & (Q(**{f"{p}withdrawn_on__isnull": True})
                 | Q(**{f"{p}withdrawn_on__gte": F(f"{prefix}period_end")})))
    return (Q(**{f"{p}stage__in": [CertificationStage.CERTIFIED, CertificationStage.WITHDRAWN]})
            & Q(**{f"{p}valid_from__isnull": False})
            & Q(**{f"{p}valid_from__lte": F(f"{prefix}period_start")}) & end_ok)


def government_q() -> Q:
    return Q(buyer__kind__in=BUDGET_KINDS)


def once(qs):
    """One row per document key among `qs` (the first by id), and every row without a key."""
    firsts = qs.exclude(document_key="").order_by().values("document_key").annotate(first=Min("pk")) \
        .values("first")
    return qs.filter(Q(document_key="") | Q(pk__in=firsts))


def duplicates(qs):
    """Rows of `qs` that repeat an invoice or contract already reported by an earlier row of `qs`."""
    return qs.exclude(pk__in=once(qs).values("pk"))
