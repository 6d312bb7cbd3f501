"""Chinese text normalisation: script folding (opencc), pinyin keys, width and spaces."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_t2s = opencc.OpenCC("t2s")
# Interface text in Traditional reads as Taiwan offices write it: s2twp converts characters (審核, not s2t's 審覈)
# and phrases (資料, 登入, 匯入, 伺服器). Hong Kong users get s2hk. Data (names of places, organisations and
# people, as entered) is shown with characters converted only (s2tw / s2hk): a phrase conversion would rename
# "贵州信息技术有限公司" to 資訊技術.
_S2TWP = opencc.OpenCC("s2twp")
_S2TW = opencc.OpenCC("s2tw")
_S2HK = opencc.OpenCC("s2hk")
# Taiwan's variants to Hong Kong's (裡 → 裏, 啟 → 啓): for text that is already Traditional, as Taiwan writes it.
_TW2T = opencc.OpenCC("tw2t")
_T2HK = opencc.OpenCC("t2hk")
# Words s2twp's phrase table renders in a computing sense that is wrong for this platform (审核 → 稽核 "audit",
# 代码 → 程式碼 "program code", 对象 → 物件, 类型 → 型別, 参数 → 引數, 权限 → 許可權, 声明 → 宣告, and
# 来源文件 → 來原始檔): these are converted character by character.
_KEEP_WORDS = re.compile("(审核|代码|对象|类型|参数|权限|声明|来源)")
# s2hk converts characters only (审核 → 審核, 代码 → 代碼, 数据 → 數據 read as Hong Kong writes them), so a few
# interface words would keep the Mainland term: Hong Kong offices and government sites sign in with 登入 (登錄 is
# "to register"), import and export data with 匯入 / 匯出 (導入 is "to introduce"), and write 上載, 搜尋, 選單,
# 伺服器, 預設, 帳户 (户 is Hong Kong's form of 戶). Interface text only: data keeps its words.
_HK_WORDS = {"登录": "登入", "导入": "匯入", "导出": "匯出", "上传": "上載", "搜索": "搜尋", "菜单": "選單",
             "服务器": "伺服器", "默认": "預設", "账号": "帳户"}
_HK_WORD_RE = re.compile("(" + "|".join(_HK_WORDS) + ")")
_SPACES = re.compile(r"\s+")
HAN_RE = re.compile(r"[\u3400-\u9fff]")


def is_digits(text: str) -> bool:
    """ASCII digits only: what int() and the database take. str.isdigit() also says yes to ², ③ and ① (int() then
    fails) and to other scripts' digits; a number from a request, a file or a form is checked with this."""
    return bool(text) and text.isascii() and text.isdigit()


def to_simplified(text: str) -> str:
    return _t2s.convert(text) if text else text


def to_traditional(text: str, region: str = "tw") -> str:
    """Interface text in Traditional: Taiwan characters and phrases (s2twp), or Hong Kong's (s2hk and a few
    Hong Kong words, region="hk")."""
    if not text:
        return text
    if region == "hk":
        return "".join(_HK_WORDS[part] if i % 2 else to_hong_kong_characters(part)
                       for i, part in enumerate(_HK_WORD_RE.split(text)))
    return "".join(_S2TW.convert(part) if i % 2 else _S2TWP.convert(part)
                   for i, part in enumerate(_KEEP_WORDS.split(text)))


def data_to_traditional(text: str, region: str = "tw") -> str:
    """Data (names as entered) in Traditional characters, without changing its words (s2tw or s2hk)."""
    if not text:
        return text
    return (_S2HK if region == "hk" else _S2TW).convert(text)


def to_hong_kong_characters(text: str) -> str:
    """Any Chinese text (Simplified, or Traditional as Taiwan writes it) in Hong Kong's characters; words unchanged."""
    if not text:
        return text
    return _T2HK.convert(_TW2T.convert(_S2HK.convert(text)))


# Chinese punctuation typed in full width stays as typed (a note's ，；：？！（）～ are not half-width in
# Chinese); every other full-width ASCII form (digits, letters, －．／＋＠) and the ideographic space narrow.
_CHINESE_PUNCTUATION = set("！（），：；？～")
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in _CHINESE_PUNCTUATION}
_NARROW[0x3000] = 0x20


def clean(value: str) -> str:
    """What every imported cell gets: full-width digits, letters and symbols to half-width (an ID number typed
    in full width is an ID number), trimmed, runs of spaces folded. Chinese punctuation and other characters
    stay as entered, so a note or name re-imported from an export is unchanged."""
    if not value:
        return ""
    if value.isascii() and value.isprintable() and "  " not in value:  # nothing to narrow or fold (most cells)
        return value.strip()
    return _SPACES.sub(" ", value.translate(_NARROW)).strip()


def fold(text: str) -> str:
    """A key that ignores script, width (NFKC: （ and ( alike), case and spaces: for search and matching headers."""
    if not text:
        return ""
    return to_simplified(_SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()).replace(" ", "").lower()


_phrases_loaded = False


def _load_place_phrases() -> None:
    """Teach pypinyin the place-name words (都匀 dū yún, 番禺 pān yú): any text naming them reads them right."""
    global _phrases_loaded
    if not _phrases_loaded:
        from pypinyin import load_phrases_dict

        from xiezuo.geo.readings import PLACE_WORDS

        load_phrases_dict({word: [[s] for s in reading.split()] for word, reading in PLACE_WORDS.items()})
        _phrases_loaded = True


@lru_cache(maxsize=100_000)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a Chinese name, e.g. 黔南 → ("qiannan", "qn")."""
    # Loaded on first use: its dictionaries take about 55 MB, which a process that only reads and imports records
    # (a worker, most web requests) need not hold.
    from pypinyin import Style, lazy_pinyin

    _load_place_phrases()
    simplified = to_simplified(name)
    syllables = lazy_pinyin(simplified, style=Style.NORMAL, errors="ignore")
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables if s).lower()
    return full, initials


def search_key(name: str) -> str:
    """One string holding the simplified name, its pinyin and initials, separated by `|`."""
    full, initials = pinyin_keys(name)
    return f"{fold(name)}|{full}|{initials}"


@lru_cache(maxsize=100_000)
def place_pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a place name, with the readings of geo/readings.py: 都匀市 → ("duyunshi", "dys")."""
    from xiezuo.geo.readings import place_pinyin

    syllables = place_pinyin(to_simplified(name))
    return "".join(syllables), "".join(s[0] for s in syllables if s)


def place_search_key(name: str) -> str:
    """A region's search key: as `search_key`, with place-name readings."""
    full, initials = place_pinyin_keys(name)
    return f"{fold(name)}|{full}|{initials}"


def is_pinyin_query(query: str) -> bool:
    return bool(query) and query.isascii() and query.replace(" ", "").isalpha()
