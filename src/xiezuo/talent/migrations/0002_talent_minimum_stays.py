# The shortest stay that counts a dispatched professional: half a year for every field until a deployment
# sets its own (the assessment's rule is data).

from django.db import migrations

FIELDS = ["teacher", "doctor", "nurse", "agriculture", "other"]


def add(apps, schema_editor):
    MinimumStay = apps.get_model("talent", "MinimumStay")
    for field in FIELDS:
        MinimumStay.objects.get_or_create(field=field, defaults={"days": 180})


class Migration(migrations.Migration):

    dependencies = [("talent", "0001_initial")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
