"""Regions' search keys with place-name readings (都匀 duyun, 长顺 changshun): taken from the shipped regions.csv,
whose keys scripts/regions/build_readings.py makes with geo/readings.py. Rows not in the file keep their key."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "regions.csv"


def refresh_keys(apps, schema_editor):
    Region = apps.get_model("geo", "Region")
    if not Region.objects.exists():
        return
    with open(DATA, encoding="utf-8", newline="") as fh:
        keys = {r["code"]: r["search_key"] for r in csv.DictReader(fh)}
    stale = [r for r in Region.objects.only("code", "search_key") if r.code in keys and r.search_key != keys[r.code]]
    for r in stale:
        r.search_key = keys[r.code]
    Region.objects.bulk_update(stale, ["search_key"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]
    operations = [migrations.RunPython(refresh_keys, migrations.RunPython.noop)]
