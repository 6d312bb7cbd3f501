from __future__ import annotations

from xiezuo.core.tables import Table


class TaskTable(Table):
    columns = ("name", "kind", "region", "date", "amount")
    money_columns = ("amount",)  # stored in yuan, shown in 万元
    ordering = ("-date", "-pk")
