"""Refresh the interface translations.

Message ids are the Simplified Chinese text (the default language). This
script extracts them, fills Traditional Chinese by converting with OpenCC
(s2t) wherever no human translation exists, fills English from `i18n_en.py`,
and compiles the .mo files (committed, so a deployment needs no gettext).

    .venv/bin/python scripts/i18n.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "xiezuo"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from i18n_en import EN  # noqa: E402

from xiezuo.core.text import to_traditional  # noqa: E402


def main() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "xiezuo.settings"}
    manage = [sys.executable, "-m", "django"]
    subprocess.run([*manage, "makemessages", "-l", "zh_Hant", "-l", "en", "--no-obsolete", "--no-location",
                    "-i", "static/*", "-i", "migrations/*"], cwd=SRC, env=env, check=True)
    missing = []
    for lang in ("zh_Hant", "en"):
        path = SRC / "locale" / lang / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        for entry in po:
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.msgstr = ""
            if lang == "zh_Hant":
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: to_traditional(entry.msgid), 1: to_traditional(entry.msgid_plural)}
                elif not entry.msgstr:
                    entry.msgstr = to_traditional(entry.msgid)
            else:
                text = EN.get(entry.msgid)
                if entry.msgid_plural:
                    plural = EN.get(entry.msgid_plural, text)
                    if text:
                        entry.msgstr_plural = {0: text, 1: plural}
                elif text:
                    entry.msgstr = text
                elif not entry.msgstr:
                    missing.append(entry.msgid)
        po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
    print(f"English: {len(missing)} strings fall back to Chinese")
    if "-v" in sys.argv:
        print("\n".join(missing))


if __name__ == "__main__":
    main()
