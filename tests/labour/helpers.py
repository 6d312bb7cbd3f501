"""Valid resident ID numbers for the labour and talent tests (GB 11643 check character)."""

from __future__ import annotations

from xiezuo.core.idcard import check_char


def ident(county: str = "522701", birth: str = "19900505", serial: int = 123) -> str:
    body = f"{county[:6]}{birth}{serial:03d}"
    return body + check_char(body)
