"""Load the committed region CSV (built by scripts/regions/build_regions.py) in bulk."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from django.db import transaction

from xiezuo.core.text import place_search_key

from .models import Region

DATA = Path(__file__).parent / "data" / "regions.csv"


def _date(text: str):
    return dt.date.fromisoformat(text) if text else None


def load_regions(path: Path = DATA, provinces: tuple[str, ...] | None = None, batch: int = 5000) -> int:
    """Insert the regions not yet present (by code); returns how many were added. Idempotent."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not provinces or r["code"][:2] in provinces]
    existing = set(Region.objects.values_list("code", flat=True))
    new = [r for r in rows if r["code"] not in existing]
    rows.sort(key=lambda r: int(r["level"]))  # parents before children
    new.sort(key=lambda r: int(r["level"]))
    with transaction.atomic():
        objs = [
            Region(code=r["code"], name=r["name"], level=int(r["level"]), parent_id=r["parent_code"] or None,
                   valid_from=_date(r["valid_from"]), valid_to=_date(r["valid_to"]),
                   search_key=r.get("search_key") or place_search_key(r["name"]))
            for r in new
        ]
        Region.objects.bulk_create(objs, batch_size=batch)
        # A code that ended points to the current code with the same name stem in the same parent.
        for old in Region.objects.filter(valid_to__isnull=False, successor__isnull=True):
            stem = old.name[:-1]
            succ = Region.objects.filter(parent_id=old.parent_id, valid_to__isnull=True,
                                         name__startswith=stem, level=old.level).exclude(code=old.code).first()
            if succ:
                old.successor = succ
                old.save(update_fields=["successor"])
    return len(new)
