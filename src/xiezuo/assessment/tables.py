from __future__ import annotations

from xiezuo.core.tables import Table


class TargetTable(Table):
    columns = ("pairing", "year", "indicator", "value")
    ordering = ("-year", "-pk")
