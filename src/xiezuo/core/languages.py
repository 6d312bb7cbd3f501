"""The interface languages and what each means for text: which Traditional (Taiwan or Hong Kong) a language is.

Four languages: 简体中文 (zh-hans, the message ids), 繁體中文 (zh-hant: Taiwan characters and phrases), 繁體中文
（香港） (zh-hk: Hong Kong characters) and English. Code that shows text in the reader's script asks
`traditional_region()` here instead of comparing language codes, so a page, a table cell, an export and a job's
messages agree on every Traditional language.

Django knows zh-hk only as an alias of zh-hant (LANG_INFO's "fallback"), so making it a language of its own
needs two things Django does not do by itself (`install()`, called once from CoreConfig.ready):

- LANG_INFO gets a zh-hk entry, so `{% get_language_info_list %}` (the language switcher) names it
  "繁體中文（香港）" with code zh-hk instead of showing zh-hant's entry twice;
- the messages of Django, DRF and django-filter (form errors, paging, sign-in) have catalogues for zh_Hant but
  none for zh_HK; left alone, Django falls back from zh-hk to the default language and a Hong Kong page would
  show them in Simplified. Under zh-hk they fall back to zh-hant instead, converted to Hong Kong characters
  (their words stay Taiwan's: 使用者名稱, 欄位; a round trip through Simplified would invent Mainland ones).
"""

from __future__ import annotations

import gettext as gettext_module

from django.utils.translation import get_language

HONG_KONG = "zh-hk"
TAIWAN = "zh-hant"
# Language code → the region of its Traditional forms (core.text's `region` argument).
TRADITIONAL = {TAIWAN: "tw", HONG_KONG: "hk"}

# What browsers and programs send (lower case) → our language. Hong Kong and Macau read Hong Kong characters;
# Taiwan and a bare zh-Hant read Taiwan's.
REQUESTED = {
    "zh-hk": HONG_KONG, "zh-mo": HONG_KONG, "zh-hant-hk": HONG_KONG, "zh-hant-mo": HONG_KONG,
    "zh-tw": TAIWAN, "zh-hant": TAIWAN, "zh-hant-tw": TAIWAN,
    "zh-hans": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-my": "zh-hans", "zh": "zh-hans",
}


def requested_language(code: str) -> str | None:
    """One Accept-Language entry (zh-HK, zh-Hant-TW, en-GB…) → the language of ours it asks for, or None."""
    code = code.strip().lower().replace("_", "-")
    if code in REQUESTED:
        return REQUESTED[code]
    if code.startswith("zh-hant"):
        return TAIWAN
    if code.startswith("zh-hans"):
        return "zh-hans"
    if code == "en" or code.startswith("en-"):
        return "en"
    return None


def traditional_region(language: str | None = None) -> str | None:
    """"tw" or "hk" when the language (by default the active one) is a Traditional one, else None."""
    return TRADITIONAL.get((language if language is not None else get_language() or "").lower())


class _HongKongFallback(gettext_module.NullTranslations):
    """Messages the site's catalogue lacks (Django's, DRF's): zh-hant's translation, in Hong Kong characters."""

    @staticmethod
    def _taiwan():
        from django.utils.translation import trans_real

        return trans_real.translation(TAIWAN)  # cached by Django; rebuilt when the settings change

    def gettext(self, message):
        from .text import to_hong_kong_characters

        return to_hong_kong_characters(self._taiwan().gettext(message))

    def ngettext(self, msgid1, msgid2, n):
        from .text import to_hong_kong_characters

        return to_hong_kong_characters(self._taiwan().ngettext(msgid1, msgid2, n))


_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    from django.conf.locale import LANG_INFO
    from django.utils.translation import trans_real

    LANG_INFO[HONG_KONG] = {"bidi": False, "code": HONG_KONG, "name": "Traditional Chinese (Hong Kong)",
                            "name_local": "繁體中文（香港）"}
    LANG_INFO["zh-mo"] = {"fallback": [HONG_KONG]}  # Macau reads Hong Kong characters (Django: zh-hant)
    original = trans_real.DjangoTranslation._add_fallback

    def _add_fallback(self, localedirs=None):
        from django.conf import settings

        if self.language() == HONG_KONG and self.domain == "django":
            self.add_fallback(_HongKongFallback())
        elif self.language() == TAIWAN and settings.LANGUAGE_CODE == HONG_KONG:
            return  # a site in Hong Kong Traditional by default: zh-hant falling back to zh-hk would loop
        else:
            original(self, localedirs)

    trans_real.DjangoTranslation._add_fallback = _add_fallback
    trans_real._translations.pop(HONG_KONG, None)  # built before this, it would fall back to Simplified
    _installed = True
