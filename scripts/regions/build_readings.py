"""Write the place-name reading table and refresh the regions' search keys from geo/readings.py.

    .venv/bin/python scripts/regions/build_readings.py           # rewrite both files (then commit them)
    .venv/bin/python scripts/regions/build_readings.py --check   # exit 1 when either is stale

`src/xiezuo/geo/data/readings.csv` lists every region name of `regions.csv` that holds a character pypinyin
reads in more than one way across the region list (长 zhǎng/cháng, 都 dōu/dū, 重, 行, 番, 埔 …) or a
character or word of `geo/readings.py`, with the reading its search key uses. Reviewing a
reading means reading this table; changing one means changing `geo/readings.py` and running this script.
The search keys in `regions.csv` (its last column) are made with the same readings.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "src" / "xiezuo" / "geo" / "data"


def ambiguous_characters(names) -> set[str]:
    """Characters that pypinyin, reading whole names, reads differently in different names."""
    from pypinyin import Style, lazy_pinyin

    readings = defaultdict(set)
    for name in names:
        syllables = lazy_pinyin(name, style=Style.NORMAL, errors=lambda text: ["-"] * len(text))
        if len(syllables) != len(name):
            continue
        for ch, s in zip(name, syllables, strict=True):
            if s != "-":
                readings[ch].add(s)
    return {ch for ch, found in readings.items() if len(found) > 1}


def region_rows() -> tuple[list[str], list[dict]]:
    with open(DATA / "regions.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def readings_table(names) -> str:
    from xiezuo.geo.readings import PLACE_CHARS, PLACE_WORDS, place_pinyin

    wanted = ambiguous_characters(names) | set(PLACE_CHARS)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "pinyin"])
    for name in sorted({n for n in names if wanted & set(n) or any(w in n for w in PLACE_WORDS)}):
        writer.writerow([name, " ".join(place_pinyin(name))])
    return out.getvalue()


def regions_csv(fields, rows) -> str:
    from xiezuo.core.text import place_search_key

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({**r, "search_key": place_search_key(r["name"])})
    return out.getvalue()


def main(argv: list[str]) -> int:
    fields, rows = region_rows()
    names = [r["name"] for r in rows]
    wanted = {DATA / "readings.csv": readings_table(names), DATA / "regions.csv": regions_csv(fields, rows)}
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        if stale:
            print("Stale: " + ", ".join(str(p.relative_to(ROOT)) for p in stale)
                  + ". Run scripts/regions/build_readings.py and commit them.", file=sys.stderr)
            return 1
        print("Place-name readings are current.")
        return 0
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
    print(f"{len(stale)} file(s) written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
