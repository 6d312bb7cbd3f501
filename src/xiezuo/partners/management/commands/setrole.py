"""`xiezuo setrole 用户名 --channel-role registry=editor`: change a user's default role or a channel's role."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.management.base import Command as TranslatedCommand
from xiezuo.core.permissions import Role


class Command(TranslatedCommand):
    help = gettext_lazy("设置用户的默认角色和/或某一频道（应用）的角色；频道=default 即取消该频道的角色。")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=Role.values, help=_("默认角色，用于未单独设置的频道"))
        parser.add_argument("--channel-role", action="append", default=[], metavar="CHANNEL=ROLE",
                            help=_("如 registry=editor；registry=default 取消该频道单独的角色"))

    def handle(self, *args, **opts):
        from xiezuo.partners.services import set_channel_role

        user = get_user_model().objects.filter(username=opts["username"]).select_related("profile").first()
        if user is None or not hasattr(user, "profile"):
            raise CommandError(_("没有此用户或其没有用户资料：%(name)s") % {"name": opts["username"]})
        if opts["role"]:
            user.profile.role = opts["role"]
            user.profile.save(update_fields=["role"])
        for item in opts["channel_role"]:
            channel, sep, role = item.partition("=")
            if not sep:
                raise CommandError(_("--channel-role 须为 板块=角色（收到 %(item)s）") % {"item": item})
            try:
                set_channel_role(user, channel.strip(), None if role == "default" else role)
            except ValueError as exc:
                raise CommandError(str(exc)) from None
        roles = {e.channel: e.get_role_display() for e in user.profile.channel_roles.all()}
        listed = "，".join(f"{c}：{r}" for c, r in sorted(roles.items())) or _("无")
        self.stdout.write(_("%(name)s：默认角色 %(role)s；分板块角色 %(channels)s") % {
            "name": user.username, "role": user.profile.get_role_display(), "channels": listed})
