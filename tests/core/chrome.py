"""What of a page is interface (chrome) and what is data, for the tests that check every page's language.

A page's text is read with the standard HTML parser: text nodes (not scripts, styles or text areas), and the
attributes a user reads (placeholder, title, aria-label, alt, a button's value). Text inside an element that
names its own language (`lang="zh-hans"`: the language switcher's endonyms) is the language's name, not chrome.

Data is whatever the database holds as text: every text column of every model (names of regions,
organisations, people, projects, notes…) and the values kept in the change history. A run of Chinese
characters in the page that is exactly one of those values (or its Traditional form, Taiwan's or Hong Kong's)
is data; any other run is interface text that was not translated.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html.parser import HTMLParser

from django.apps import apps
from django.db import models

from xiezuo.core.text import data_to_traditional, to_traditional

HAN = re.compile(r"[\u3400-\u9fff]+")
# Words an English page quotes in Chinese on purpose: what users type or find in Chinese files (headers of the
# national registry's export, a value spelling), named so that they can recognise them.
FILE_WORDS = {"公民身份号码", "身份证号", "姓名", "孙子女", "之孙子", "户主", "与户主关系", "是", "否"}
SKIP_TAGS = {"script", "style", "textarea", "template"}
READ_ATTRS = {"placeholder", "title", "aria-label", "alt"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.texts: list[str] = []

    def _skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = self._skipped() or tag in SKIP_TAGS or (tag != "html" and "lang" in attrs)
        if not skipped:
            for name in READ_ATTRS:
                if attrs.get(name):
                    self.texts.append(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
                self.texts.append(attrs["value"])
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            self.texts.append(data.strip())


def page_texts(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    return parser.texts


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _history_values() -> set[str]:
    """Old and new values kept in the change history, but yes/no and choices (interface words, translated)."""
    from django.contrib.contenttypes.models import ContentType

    from xiezuo.core.models import ChangeRecord

    values = set()
    for ct_id, changes, note, repr_ in ChangeRecord.objects.values_list("content_type_id", "changes", "note",
                                                                       "object_repr"):
        values.update(v for v in (note, repr_) if v)
        model = ContentType.objects.get_for_id(ct_id).model_class()
        for name, pair in (changes or {}).items():
            try:
                field = model._meta.get_field(name)
            except Exception:
                field = None
            if field is not None and (getattr(field, "choices", None) or isinstance(field, models.BooleanField)):
                continue
            values.update(t.strip() for t in _strings(pair) if HAN.search(t))
    return values


def data_values() -> set[str]:
    """Every text the database holds (read afresh: a test may have added records)."""
    values: set[str] = set()
    values.update(_history_values())
    for model in apps.get_models():
        if model._meta.label == "core.ChangeRecord":
            continue
        if not model.__module__.startswith("xiezuo.") and model._meta.app_label not in ("auth",):
            continue
        fields = [f.attname for f in model._meta.concrete_fields
                  if isinstance(f, (models.CharField, models.TextField, models.JSONField))
                  and f.name not in ("search_key", "password", "row_digest")]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            for value in row:
                if isinstance(value, str) and value and value[:1] in "[{":
                    try:
                        value = json.loads(value)
                    except ValueError:
                        pass
                for text in _strings(value):
                    if HAN.search(text):
                        values.add(text.strip())
    return values


@lru_cache(maxsize=4)
def _runs(frozen: frozenset) -> frozenset:
    """Each data value's Han runs (a value such as “黔南州 · 都匀市” shows as two runs), Simplified and Traditional."""
    runs = set()
    for value in frozen:
        for form in {value, data_to_traditional(value), to_traditional(value),
                     data_to_traditional(value, "hk"), to_traditional(value, "hk")}:
            runs.update(HAN.findall(form))
    return frozenset(runs)


def untranslated(html: str, language: str, data: set[str]) -> list[str]:
    """The runs of interface text on a page that are still Simplified Chinese (any Chinese, for English)."""
    allowed = _runs(frozenset(data))
    region = "hk" if language == "zh-hk" else "tw"

    def wrong(run: str) -> bool:
        if run in allowed or (language == "en" and run in FILE_WORDS):
            return False
        return language == "en" or data_to_traditional(run, region) != run  # s2tw / s2hk would change it

    found = []
    for text in page_texts(html):
        for run in HAN.findall(text):
            if not wrong(run):
                continue
            # Data run into interface text (“大方县协作办的待辦”): take the data out, judge what is left.
            rest = run
            for value in sorted((v for v in allowed if len(v) > 1 and v in run), key=len, reverse=True):
                rest = rest.replace(value, " ")
            if rest != run and not any(wrong(part) for part in HAN.findall(rest)):
                continue
            found.append(run)
    return list(dict.fromkeys(found))
