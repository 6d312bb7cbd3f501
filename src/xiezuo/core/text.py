"""Chinese text normalisation: script folding (opencc), pinyin keys, width and spaces."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_t2s = opencc.OpenCC("t2s")
_s2t = opencc.OpenCC("s2t")
_SPACES = re.compile(r"\s+")


def to_simplified(text: str) -> str:
    return _t2s.convert(text) if text else text


def to_traditional(text: str) -> str:
    return _s2t.convert(text) if text else text


def clean(value: str) -> str:
    """Full-width to half-width (NFKC), trim, and fold runs of spaces: what every imported cell gets."""
    if not value:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def fold(text: str) -> str:
    """A key that ignores script, width, case and spaces: for search and matching headers."""
    return to_simplified(clean(text)).replace(" ", "").lower()


@lru_cache(maxsize=100_000)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a Chinese name, e.g. 黔南 → ("qiannan", "qn")."""
    # Loaded on first use: its dictionaries take about 55 MB, which a process that only reads and imports records
    # (a worker, most web requests) need not hold.
    from pypinyin import Style, lazy_pinyin

    simplified = to_simplified(name)
    syllables = lazy_pinyin(simplified, style=Style.NORMAL, errors="ignore")
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables if s).lower()
    return full, initials


def search_key(name: str) -> str:
    """One string holding the simplified name, its pinyin and initials, separated by `|`."""
    full, initials = pinyin_keys(name)
    return f"{fold(name)}|{full}|{initials}"


def is_pinyin_query(query: str) -> bool:
    return bool(query) and query.isascii() and query.replace(" ", "").isalpha()
