"""Members keep their file row's fingerprint (a re-import sets unchanged rows aside); the person's unique ID number
becomes an index of its own on SQLite too (a first load builds it once); summary figures lose an index no one reads
by."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("geo", "0001_initial"),
        ("registry", "0002_bulk_tables"),
    ]

    operations = [
        migrations.AddField(
            model_name="member",
            name="row_digest",
            field=models.BigIntegerField(blank=True, editable=False, null=True, verbose_name="导入行指纹"),
        ),
        migrations.AlterField(
            model_name="summaryfigure",
            name="region",
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="+", to="geo.region", verbose_name="地区"),
        ),
        migrations.RemoveConstraint(
            model_name="person",
            name="registry_person_unique_id_number",
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(models.F("id_number"), name="registry_person_unique_id_number",
                                               violation_error_message="此身份证号已登记。"),
        ),
    ]
