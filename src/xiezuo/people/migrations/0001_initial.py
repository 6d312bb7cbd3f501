# The person moves from the registry to this base app without touching its table: `registry_person` keeps its
# name, columns, sequence and unique index, so the registry's bulk SQL and existing databases are unchanged.
# State only here; registry 0006_labour_person_to_people drops the registry's state of the model.

import django.db.models.expressions
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("registry", "0005_record_version"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Person",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("id_number", models.CharField(max_length=18, verbose_name="身份证号")),
                        ("name", models.CharField(max_length=50, verbose_name="姓名")),
                        ("sex", models.CharField(choices=[("1", "男"), ("2", "女")], max_length=1, verbose_name="性别")),
                        ("birth_date", models.DateField(verbose_name="出生日期")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                    ],
                    options={
                        "verbose_name": "人员",
                        "verbose_name_plural": "人员",
                        "db_table": "registry_person",
                        "constraints": [models.UniqueConstraint(django.db.models.expressions.F("id_number"),
                                                                name="registry_person_unique_id_number",
                                                                violation_error_message="此身份证号已登记。")],
                    },
                ),
            ],
        ),
    ]
