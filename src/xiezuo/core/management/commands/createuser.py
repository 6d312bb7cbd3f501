from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from xiezuo.core.permissions import Role


class Command(BaseCommand):
    help = "Create a user with a role and an area (region codes and/or organisations)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", help="omit to be asked")
        parser.add_argument("--name", default="")
        parser.add_argument("--role", choices=[r.value for r in Role], default=Role.VIEWER)
        parser.add_argument("--region", action="append", default=[], help="12-digit region code; repeatable")
        parser.add_argument("--organisation", action="append", default=[], help="organisation name; repeatable")
        parser.add_argument("--superuser", action="store_true")
        parser.add_argument("--can-view-id-numbers", action="store_true")
        parser.add_argument("--channel-role", action="append", default=[], metavar="CHANNEL=ROLE",
                            help="role in one channel (app), e.g. registry=editor; repeatable. "
                                 "Channels not named take --role.")

    def handle(self, *args, **opts):
        from xiezuo.partners.services import create_account

        password = opts["password"]
        if not password:
            import getpass

            password = getpass.getpass("密码：")
        channel_roles = {}
        for item in opts["channel_role"]:
            channel, sep, role = item.partition("=")
            if not sep or role not in Role.values:
                raise CommandError(f"--channel-role 须为 板块=角色，角色可选：{'、'.join(Role.values)}（收到 {item}）")
            channel_roles[channel.strip()] = role
        try:
            user = create_account(
                opts["username"], password, name=opts["name"], role=opts["role"], region_codes=opts["region"],
                organisation_names=opts["organisation"], superuser=opts["superuser"],
                can_view_id_numbers=opts["can_view_id_numbers"], channel_roles=channel_roles,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"已创建用户 {user.username}")
