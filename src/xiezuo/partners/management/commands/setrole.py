"""`xiezuo setrole 用户名 --channel-role registry=editor`: change a user's default role or a channel's role."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from xiezuo.core.permissions import Role


class Command(BaseCommand):
    help = "Set a user's default role and/or their role in one channel (app); CHANNEL=default removes it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=Role.values, help="the default role, for channels not listed")
        parser.add_argument("--channel-role", action="append", default=[], metavar="CHANNEL=ROLE",
                            help="e.g. registry=editor; registry=default removes the channel's own role")

    def handle(self, *args, **opts):
        from xiezuo.partners.services import set_channel_role

        user = get_user_model().objects.filter(username=opts["username"]).select_related("profile").first()
        if user is None or not hasattr(user, "profile"):
            raise CommandError(f"没有此用户或其没有用户资料：{opts['username']}")
        if opts["role"]:
            user.profile.role = opts["role"]
            user.profile.save(update_fields=["role"])
        for item in opts["channel_role"]:
            channel, sep, role = item.partition("=")
            if not sep:
                raise CommandError(f"--channel-role 须为 板块=角色（收到 {item}）")
            try:
                set_channel_role(user, channel.strip(), None if role == "default" else role)
            except ValueError as exc:
                raise CommandError(str(exc)) from None
        roles = {e.channel: e.get_role_display() for e in user.profile.channel_roles.all()}
        listed = "，".join(f"{c}：{r}" for c, r in sorted(roles.items())) or "无"
        self.stdout.write(f"{user.username}：默认角色 {user.profile.get_role_display()}；分板块角色 {listed}")
