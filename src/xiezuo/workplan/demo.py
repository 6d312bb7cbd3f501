"""Demo data of the 工作机制 channel, loaded by `xiezuo demo` (and the tests' database) after the base apps.

Only what a published source states: put the facts of a report here, each record citing it in
`source_document`, entered as approved (see exchange/demo.py). Until then the channel has none.
"""

from __future__ import annotations


def load(acting_user) -> None:
    # from xiezuo.core.services import create_record
    # from xiezuo.partners.demo import SEED_000
    #
    # from .models import Task
    #
    # if Task.objects.filter(name="…").exists():
    #     return  # loading twice changes nothing
    # create_record(Task, {"name": "…", "region_id": "522700000000", "date": …,
    #                        "source_document": SEED_000}, acting_user, note="演示数据")
    return None
