# The person now lives in the base app `people` (same table, `registry_person`): the member's key points there and
# the registry forgets its own state of the model. Nothing in the database changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0005_record_version"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="member",
                    name="person",
                    field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, primary_key=True,
                                               related_name="membership", serialize=False, to="people.person",
                                               verbose_name="人员"),
                ),
                migrations.DeleteModel(name="Person"),
            ],
        ),
    ]
