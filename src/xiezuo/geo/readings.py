"""Readings of place names: which pinyin a polyphonic character takes in the names of Guangdong's and Guizhou's regions.

pypinyin reads a character by its commonest word, which in place names is often wrong: 都匀 is dū yún (not
dōu), 长顺 cháng shùn (not zhǎng), 番禺 pān yú, 新圩 xīn xū, 东涌 dōng chōng. Search keys of regions are made with
these readings (`place_pinyin`), and the phrases are loaded into pypinyin for every text (a project named
“都匀毛尖茶基地” is found by “duyun” too).

`PLACE_CHARS` gives the reading of a character in place names wherever no phrase of `PLACE_WORDS` covers it.
Each entry was reviewed against the names in `data/regions.csv` (see the comments); the test
`tests/core/test_place_readings.py` fails when a region name holds a character that pypinyin reads in more
than one way across the region list and that has no reviewed reading here. `scripts/regions/build_readings.py`
writes `data/readings.csv` (every region name with such a character and its reading) and the search keys of
`data/regions.csv` from these tables.
"""

from __future__ import annotations

# Words whose reading differs from their characters' place-name readings (toneless, one syllable a character).
PLACE_WORDS: dict[str, str] = {
    "都匀": "du yun",          # 黔南州府
    "长顺": "chang shun",      # 黔南州长顺县
    "六盘水": "liu pan shui",
    "番禺": "pan yu",          # 广州市番禺区 (番 elsewhere fān: 八番村)
    "大埔": "da bu",           # 梅州市大埔县 (埔 elsewhere pǔ: 黄埔)
    "十三行": "shi san hang",  # 广州十三行 (洋行)
    "塘厦": "tang xia",        # 东莞市塘厦镇
    "广厦": "guang sha",       # 广厦街道 (大厦)
    "星宿": "xing xiu",        # 星宿苗族彝族仡佬族乡
    "槟榔": "bing lang",
    "畜禽": "chu qin",         # 畜禽良种场 (畜 elsewhere xù: 畜牧)
    "磅礴": "pang bo",
    "马圈": "ma juan",         # 马圈岩村 (圈 a pen; elsewhere quān: 锅圈岩)
    "调和": "tiao he",         # 调和村 (调 elsewhere diào: 调顺)
    # Outside the two provinces, for records that name them.
    "蚌埠": "beng bu",
    "单县": "shan xian",
    "六安": "lu an",
}

# A character's reading in place names where no word above covers it.
PLACE_CHARS: dict[str, str] = {
    "长": "chang",   # 长顺、长坡、长寨 (zhǎng only as 'elder', not in these names)
    "都": "du",      # 都匀、都格、都拉营、七都 (dōu 'all' is no place name)
    "乐": "le",      # 乐昌、三乐屋
    "埔": "pu",      # 黄埔、柏埔 (大埔 above)
    "陂": "bei",     # 车陂、七陂 (Guangdong's bēi)
    "尾": "wei",     # 汕尾、池尾、马尾
    "堡": "bao",     # 屯堡、丁堡、龙洞堡
    "柏": "bai",     # 柏塘、柏林村 (cypress)
    "朝": "chao",    # 朝阳、仁朝
    "杉": "shan",    # 杉树、小杉木
    "绿": "lv",      # 万绿、绿林村
    "佛": "fo",      # 佛山、万佛
    "卡": "ka",      # 卡蒲、乐卡
    "调": "diao",    # 调顺、调风
    "勒": "le",      # 勒流、弥勒屯
    "重": "chong",   # 重安、重新、三重堰
    "行": "xing",    # 中行 (十三行 above)
    "降": "jiang",   # 北降、纳降
    "番": "fan",     # 八番 (番禺 above)
    "宿": "su",      # 北宿 (星宿 above)
    "槟": "bin",     # 家槟 (槟榔 above)
    "畜": "xu",      # 畜牧场 (畜禽 above)
    "似": "si",      # 似龙
    "朴": "pu",      # 朴兜、简朴 (piáo is a surname)
    "还": "huan",    # 还珠沥、还山
    "磅": "bang",    # 斜磅 (磅礴 above)
    "圈": "quan",    # 锅圈岩 (马圈 above)
    "圩": "xu",      # 新圩、宝圩、官圩: the market town of the south (pypinyin reads wéi)
    "涌": "chong",   # 东涌、葵涌、霞涌: a stream in Guangdong's names (pypinyin reads yǒng)
    "曾": "zeng",    # 曾田 (a surname, as place names are)
    "厦": "xia",     # 厦门 (塘厦 and 广厦 above)
}


def place_pinyin(name: str) -> list[str]:
    """The syllables of a place name (Simplified), one per character; non-Chinese characters are left out."""
    from pypinyin import Style, lazy_pinyin

    syllables: list[str | None] = [None] * len(name)
    i = 0
    longest = max(len(w) for w in PLACE_WORDS)
    while i < len(name):
        for size in range(min(longest, len(name) - i), 1, -1):
            reading = PLACE_WORDS.get(name[i:i + size])
            if reading:
                syllables[i:i + size] = reading.split()
                i += size
                break
        else:
            i += 1
    default = lazy_pinyin(name, style=Style.NORMAL, errors=lambda text: ["-"] * len(text))
    if len(default) != len(name):  # pypinyin joined something it did not read: read character by character
        default = [lazy_pinyin(ch, style=Style.NORMAL, errors=lambda _t: ["-"])[0] for ch in name]
    out = []
    for ch, mine, theirs in zip(name, syllables, default, strict=True):
        reading = mine or PLACE_CHARS.get(ch) or theirs
        if reading and reading != "-":
            out.append(reading.lower())
    return out
