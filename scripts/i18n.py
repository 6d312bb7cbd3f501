"""Refresh the interface translations, or check that they are current.

Message ids are the Simplified Chinese text (the default language). This
script extracts them, fills the two Traditional Chinese catalogues by converting with OpenCC
(zh_Hant: s2twp, Taiwan characters and phrases; zh_HK: s2hk, Hong Kong characters; see
core/text.py and core/languages.py), fills English from `i18n_en.py`, and compiles the .mo
files (committed, so a deployment needs no gettext).

    .venv/bin/python scripts/i18n.py           # refresh src/xiezuo/locale (then commit it)
    .venv/bin/python scripts/i18n.py -v        # … and list the strings without English
    .venv/bin/python scripts/i18n.py --check   # CI: exit 1, naming what is stale; changes nothing

`--check` fails when a catalogue lacks a message the code uses (or keeps one it no longer
uses, or a translation `i18n_en.py` changed), when a compiled .mo differs from its .po, or
when any message has no English (the English interface would show it in Chinese).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "xiezuo"
LANGS = ("zh_Hant", "zh_HK", "en")
# Catalogue → the region of core.text.to_traditional; its messages are always the converter's output.
CONVERTED = {"zh_Hant": "tw", "zh_HK": "hk"}
# Chinese has one plural form. makemessages copies Plural-Forms from Django's own catalogue of the language, and
# Django has none for zh_HK: its placeholder (plural=EXPRESSION) would make the compiled catalogue unloadable.
CHINESE_PLURALS = "nplurals=1; plural=0;"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from i18n_en import EN  # noqa: E402

from xiezuo.core.text import to_traditional  # noqa: E402


def po_path(lang: str) -> Path:
    return SRC / "locale" / lang / "LC_MESSAGES" / "django.po"


def catalogue(entries) -> dict:
    """Message → translation, leaving out the header (its dates change on every run)."""
    return {(e.msgctxt, e.msgid, e.msgid_plural): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in entries if e.msgid and not e.obsolete}


def compiled(lang: str) -> dict:
    """What the .mo holds, in the same shape as the .po's translated entries."""
    path = po_path(lang).with_suffix(".mo")
    return catalogue(polib.mofile(str(path))) if path.exists() else {}


def translated(po) -> dict:
    return catalogue(e for e in po if e.translated())


def refresh() -> list[str]:
    """Extract, fill and compile every catalogue in place; return the messages without English."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "xiezuo.settings", "PYTHONPATH": str(ROOT / "src")}
    manage = [sys.executable, "-m", "django"]
    subprocess.run([*manage, "makemessages", *(f"-l{lang}" for lang in LANGS), "--no-obsolete", "--no-location",
                    "-i", "static/*", "-i", "migrations/*", "-v", "0"], cwd=SRC, env=env, check=True)
    missing = []
    for lang in LANGS:
        path = po_path(lang)
        po = polib.pofile(str(path))
        if lang in CONVERTED:
            po.metadata["Plural-Forms"] = CHINESE_PLURALS
        for entry in po:
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.msgstr = ""
            if lang in CONVERTED:
                region = CONVERTED[lang]
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: to_traditional(entry.msgid, region),
                                           1: to_traditional(entry.msgid_plural, region)}
                else:  # always from the converter, so that a change of its profile reaches every message
                    entry.msgstr = to_traditional(entry.msgid, region)
            else:
                text = EN.get(entry.msgid)
                if entry.msgid_plural:
                    # A (singular, plural) pair in i18n_en.py for a count ("%(n)s 项": "1 item" / "2 items").
                    text, plural = text if isinstance(text, tuple) else (text, EN.get(entry.msgid_plural, text))
                    if text:
                        entry.msgstr_plural = {0: text, 1: plural}
                    else:
                        missing.append(entry.msgid)
                elif text:
                    entry.msgstr = text
                elif not entry.msgstr:
                    missing.append(entry.msgid)
        po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
    return missing


def plural_forms(lang: str) -> str | None:
    path = po_path(lang)
    return polib.pofile(str(path)).metadata.get("Plural-Forms", "") if path.exists() else None


def plurals_valid(lang: str) -> bool:
    import gettext

    header = plural_forms(lang) or ""
    try:
        gettext.c2py(header.split("plural=", 1)[1].rstrip(";"))
    except (IndexError, ValueError, SyntaxError):
        return False
    return True


def quoted(keys, limit: int = 8) -> str:
    shown = "、".join(f"“{k[1]}”" for k in list(keys)[:limit])
    return shown + (f" … and {len(keys) - limit} more" if len(keys) > limit else "")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    files = [p for lang in LANGS for p in (po_path(lang), po_path(lang).with_suffix(".mo"))]
    saved = {p: p.read_bytes() if p.exists() else None for p in files}
    before = {lang: catalogue(polib.pofile(str(po_path(lang)))) if po_path(lang).exists() else {}
              for lang in LANGS}
    before_mo = {lang: compiled(lang) for lang in LANGS}
    before_translated = {lang: translated(polib.pofile(str(po_path(lang)))) if po_path(lang).exists() else {}
                         for lang in LANGS}
    before_plurals = {lang: plural_forms(lang) for lang in LANGS}
    after: dict = {}
    try:
        missing = refresh()
        after = {lang: catalogue(polib.pofile(str(po_path(lang)))) for lang in LANGS}
    finally:
        for lang in LANGS:
            unchanged = (before[lang] == after.get(lang) and before_mo[lang] == before_translated[lang]
                         and before_plurals[lang] == (plural_forms(lang) if after else None))
            # A check changes nothing; a refresh that found nothing new keeps the files as they were,
            # so that only the header's date would not make a diff to commit.
            if check or unchanged:
                for p in (po_path(lang), po_path(lang).with_suffix(".mo")):
                    if saved[p] is None:
                        p.unlink(missing_ok=True)
                    else:
                        p.write_bytes(saved[p])
    if not check:
        print(f"English: {len(missing)} strings fall back to Chinese")
        if "-v" in argv:
            print("\n".join(missing))
        return 0
    problems = []
    for lang in LANGS:
        rel = po_path(lang).relative_to(ROOT)
        new = [k for k in after[lang] if k not in before[lang]]
        gone = [k for k in before[lang] if k not in after[lang]]
        changed = [k for k in after[lang] if k in before[lang] and after[lang][k] != before[lang][k]]
        if new:
            problems.append(f"{rel} lacks {len(new)} message(s) the code uses: {quoted(new)}")
        if gone:
            problems.append(f"{rel} keeps {len(gone)} message(s) the code no longer uses: {quoted(gone)}")
        if changed:
            problems.append(f"{rel} has {len(changed)} translation(s) that differ from a refresh: {quoted(changed)}")
        if not plurals_valid(lang):
            problems.append(f"{rel} has no usable Plural-Forms header (gettext cannot load it)")
        if before_mo[lang] != before_translated[lang]:
            problems.append(f"{rel.with_suffix('.mo')} is not compiled from {rel.name}")
    if missing:
        problems.append(f"{len(missing)} message(s) have no English (add them to scripts/i18n_en.py): "
                        + quoted([(None, m) for m in missing]))
    if problems:
        print("Translations are stale:\n  - " + "\n  - ".join(problems)
              + "\nRun `.venv/bin/python scripts/i18n.py` and commit src/xiezuo/locale.", file=sys.stderr)
        return 1
    print("Translations are current.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
