"""The base of the product's management commands: help texts in the terminal's language (see xiezuo/cli.py)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from .arguments import translate_help


class Command(BaseCommand):
    """A command whose `help` is a lazy translation (its message id Chinese, English in scripts/i18n_en.py)."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        # argparse needs a str; made now, in the language the command line speaks.
        self.help = str(self.help)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        translate_help(parser)
        return parser
