"""The indicators used in practice and the 2017–2020 methods (weights total 100; thresholds are data)."""

from __future__ import annotations

from django.db import migrations


def seed(apps, schema_editor):
    from xiezuo.assessment.catalogue import INDICATORS

    Indicator = apps.get_model("assessment", "Indicator")
    Method = apps.get_model("assessment", "Method")
    for order, (code, name, area, unit, key, money, weight, definition) in enumerate(INDICATORS):
        Indicator.objects.get_or_create(code=code, defaults={
            "name": name, "area": area, "unit": unit, "figure_key": key, "money": money, "weight": weight,
            "definition": definition, "order": order * 10})
    for year in range(2017, 2021):
        Method.objects.get_or_create(year=year)


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
