"""The indicators used in practice and the 2017–2020 methods (weights total 100; thresholds are data)."""

from __future__ import annotations

from django.db import migrations


def seed(apps, schema_editor):
    from xiezuo.assessment.catalogue import seed

    seed(apps.get_model("assessment", "Indicator"), apps.get_model("assessment", "Method"))


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
