"""V02 (villages, schools and hospitals paired, one indicator) split into villages (V02), school pairs (V03) and
hospital pairs (V04), the last two computed by the talent channel's figures (catalogue.split_pairs)."""

from __future__ import annotations

from django.db import migrations


def split(apps, schema_editor):
    from xiezuo.assessment.catalogue import split_pairs

    split_pairs(apps.get_model("assessment", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("assessment", "0003_summary")]
    operations = [migrations.RunPython(split, migrations.RunPython.noop)]
