from __future__ import annotations

import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.management.base import Command as TranslatedCommand
from xiezuo.core.permissions import Role


class Command(TranslatedCommand):
    help = gettext_lazy("新建用户：角色与管辖范围（区划代码和/或单位）。")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", help=_("不填则在终端询问；须符合密码规则"))
        parser.add_argument("--name", default="")
        parser.add_argument("--role", choices=[r.value for r in Role], default=Role.VIEWER)
        parser.add_argument("--region", action="append", default=[], help=_("12 位行政区划代码；可重复"))
        parser.add_argument("--organisation", action="append", default=[], help=_("单位名称；可重复"))
        parser.add_argument("--superuser", action="store_true")
        parser.add_argument("--can-view-id-numbers", action="store_true")
        parser.add_argument("--channel-role", action="append", default=[], metavar="CHANNEL=ROLE",
                            help=_("某一频道（应用）的角色，如 registry=editor；可重复。未列出的频道用 --role。"))

    def handle(self, *args, **opts):
        from xiezuo.partners.services import create_account

        if not (opts["superuser"] or opts["region"] or opts["organisation"]):
            raise CommandError(_("请给出管辖范围：--region 区划代码 或 --organisation 单位名称（可重复）。"
                                 "没有管辖范围的账号看不到任何记录；只有系统管理员（--superuser）不需要。"))
        password = opts["password"] or self.ask_password()
        try:
            validate_password(password, user=get_user_model()(username=opts["username"], first_name=opts["name"]))
        except ValidationError as exc:
            raise CommandError(_("密码不符合要求：%(reasons)s") % {"reasons": " ".join(exc.messages)}) from None
        channel_roles = {}
        for item in opts["channel_role"]:
            channel, sep, role = item.partition("=")
            if not sep or role not in Role.values:
                raise CommandError(_("--channel-role 须为 板块=角色，角色可选：%(roles)s（收到 %(item)s）") % {
                    "roles": "、".join(Role.values), "item": item})
            channel_roles[channel.strip()] = role
        try:
            user = create_account(
                opts["username"], password, name=opts["name"], role=opts["role"], region_codes=opts["region"],
                organisation_names=opts["organisation"], superuser=opts["superuser"],
                can_view_id_numbers=opts["can_view_id_numbers"], channel_roles=channel_roles,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(_("已创建用户 %(name)s") % {"name": user.username})

    def ask_password(self) -> str:
        """Asked twice on a terminal; without one (a script, a container) there is nobody to ask."""
        if not sys.stdin.isatty():
            raise CommandError(_("没有终端，无法询问密码：请用 --password 给出密码。"))
        import getpass

        try:
            first = getpass.getpass(_("密码："))
            second = getpass.getpass(_("再输入一次："))
        except (EOFError, KeyboardInterrupt):
            raise CommandError(_("未输入密码，未创建用户。")) from None
        if first != second:
            raise CommandError(_("两次输入的密码不一致，未创建用户。"))
        return first
