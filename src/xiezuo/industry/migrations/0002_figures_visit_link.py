"""The visit → project outcome link moves to the project (来自活动): only industry refers to exchange.

Existing links are copied from the visit's old field before exchange drops it
(exchange 0003_figures_drop_projects runs after this one).
"""

from django.db import migrations, models


def copy_links(apps, schema_editor):
    Visit = apps.get_model("exchange", "Visit")
    Project = apps.get_model("industry", "Project")
    old = Visit._meta.get_field("projects").remote_field.through
    new = Project._meta.get_field("visits").remote_field.through
    new.objects.bulk_create([new(project_id=p, visit_id=v) for v, p in old.objects.values_list("visit_id", "project_id")],
                            batch_size=1000, ignore_conflicts=True)


def copy_back(apps, schema_editor):
    Visit = apps.get_model("exchange", "Visit")
    Project = apps.get_model("industry", "Project")
    old = Visit._meta.get_field("projects").remote_field.through
    new = Project._meta.get_field("visits").remote_field.through
    old.objects.bulk_create([old(project_id=p, visit_id=v) for p, v in new.objects.values_list("project_id", "visit_id")],
                            batch_size=1000, ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ("exchange", "0002_initial"),
        ("industry", "0001_initial"),
    ]
    run_before = [("exchange", "0003_figures_drop_projects")]

    operations = [
        migrations.AddField(
            model_name="project",
            name="visits",
            field=models.ManyToManyField(blank=True, related_name="projects", to="exchange.visit",
                                         verbose_name="来自活动"),
        ),
        migrations.RunPython(copy_links, copy_back),
    ]
