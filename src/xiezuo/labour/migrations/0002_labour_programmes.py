# The programmes the 2019 symposium names (report 000), and "other": rows of data a deployment may extend.

from django.db import migrations

PROGRAMMES = ["广东技工", "粤菜师傅", "南粤家政", "其他"]


def add(apps, schema_editor):
    Programme = apps.get_model("labour", "Programme")
    for name in PROGRAMMES:
        Programme.objects.get_or_create(name=name)


class Migration(migrations.Migration):

    dependencies = [("labour", "0001_initial")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
