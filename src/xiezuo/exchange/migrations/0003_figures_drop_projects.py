"""Visits no longer hold their projects: industry's 0002_figures_visit_link copied the links to the project
(来自活动) and runs before this migration, so that exchange refers to no other channel."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("exchange", "0002_initial"),
    ]

    operations = [
        migrations.RemoveField(model_name="visit", name="projects"),
    ]
