from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from xiezuo.core.bulkwrite import refresh_statistics
from xiezuo.geo.loader import DATA, load_regions
from xiezuo.geo.models import Region


class Command(BaseCommand):
    help = "Load the shipped region codes (Guangdong and Guizhou to village level)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DATA))
        parser.add_argument("--province", action="append", help="two-digit province code; repeatable")

    def handle(self, *args, **opts):
        added = load_regions(opts["file"], tuple(opts["province"]) if opts["province"] else None)
        if added:
            refresh_statistics(Region)
        self.stdout.write(_("已加载行政区划 %(n)s 条") % {"n": added})
