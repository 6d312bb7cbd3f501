"""The one search box: records by name (either script), full pinyin or initials; regions by place-name pinyin.

Records keep no pinyin column. For a pinyin query (`dymj`, `duyun`), the names of the records the user may
see are read and their pinyin computed (cached per name, `text.pinyin_keys`); a record matches when the query
begins its full pinyin or initials, or, from three letters on, occurs inside them (“maojian” finds 都匀毛尖茶
基地). Only names and titles are read this way, not notes, and at most PINYIN_SCAN_LIMIT records of a type;
types too large to count on the home page (the registry's households and members) are searched by text only.
"""

from __future__ import annotations

from .filtersets import name_fields as _names
from .filtersets import pinyin_ids, text_query
from .registry import REGISTRY
from .tables import fetch_plan
from .text import is_pinyin_query

HITS = 20


def name_fields(rt) -> list[str]:
    return _names(getattr(rt.filterset, "search_fields", ()))


def search_records(user, query: str) -> list[dict]:
    """Per record type the user may see: up to HITS records found by text, and by pinyin for a pinyin query."""
    groups = []
    pinyin = is_pinyin_query(query)
    for rt in REGISTRY.values():
        fields = getattr(rt.filterset, "search_fields", ())
        visible = rt.model.objects.restrict(user)
        qs = visible.filter(text_query(rt.model, query, fields))
        # A hit shows as its name, which may read related rows (a household's village): joined here, not read
        # hit by hit (a search for `dy` ran a query for each of its ~70 hits).
        joins = fetch_plan(rt.model, ())[0]
        hits = list(qs.select_related(*joins)[:HITS])
        more = len(hits) == HITS and qs.count() > HITS
        names = name_fields(rt)
        if pinyin and names and rt.home_count and len(hits) < HITS:
            seen = {h.pk for h in hits}
            extra = [pk for pk in pinyin_ids(visible, names, query) if pk not in seen]
            room = HITS - len(hits)
            hits += list(visible.filter(pk__in=extra[:room]).select_related(*joins))
            more = more or len(extra) > room
        if hits:
            groups.append({"rt": rt, "hits": hits, "more": more})
    return groups
