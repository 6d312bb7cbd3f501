from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.bulkwrite import refresh_statistics
from xiezuo.core.management.base import Command as TranslatedCommand
from xiezuo.geo.loader import DATA, load_regions
from xiezuo.geo.models import Region


class Command(TranslatedCommand):
    help = gettext_lazy("载入随附的行政区划代码（广东、贵州，至村级）。")

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DATA))
        parser.add_argument("--province", action="append", help=_("两位省级代码；可重复"))

    def handle(self, *args, **opts):
        added = load_regions(opts["file"], tuple(opts["province"]) if opts["province"] else None)
        if added:
            refresh_statistics(Region)
        self.stdout.write(_("已加载行政区划 %(n)s 条") % {"n": added})
