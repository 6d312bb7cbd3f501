"""Property tests of the resident-ID check and of text normalisation."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from xiezuo.core import idcard
from xiezuo.core.text import clean, fold, pinyin_keys, to_simplified

REGIONS = st.sampled_from(["520521", "522701", "440103", "520522", "110101"])
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2024, 12, 31))
SEQ = st.integers(min_value=0, max_value=999)


def build(region: str, born: dt.date, seq: int) -> str:
    first = f"{region}{born:%Y%m%d}{seq:03d}"
    return first + idcard.check_char(first)


@given(REGIONS, DATES, SEQ)
def test_built_numbers_validate_and_round_trip(region, born, seq):
    number = build(region, born, seq)
    assert idcard.validate(number) == number
    assert idcard.birth_date(number) == born
    masked = idcard.mask(number)
    assert masked[:4] == number[:4] and masked[-4:] == number[-4:] and "*" * 10 in masked


@given(REGIONS, DATES, SEQ, st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_caught(region, born, seq, position, delta):
    number = build(region, born, seq)
    digit = (int(number[position]) + delta) % 10
    changed = number[:position] + str(digit) + number[position + 1:]
    assert not idcard.is_valid(changed)


@given(REGIONS, DATES, SEQ)
def test_full_width_digits_lowercase_x_and_spaces_are_normalised(region, born, seq):
    number = build(region, born, seq)
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in number).lower()
    assert idcard.validate(f"  {wide} ") == number


def test_known_number_with_x():
    assert idcard.validate("11010519491231002x") == "11010519491231002X"
    assert idcard.mask("11010519491231002X") == "1101**********002X"


def test_invalid_birth_dates_are_named():
    first = "52052120230230001"
    try:
        idcard.validate(first + idcard.check_char(first))
    except idcard.InvalidIdNumber as exc:
        assert "出生日期" in str(exc)
    else:
        raise AssertionError("30 February accepted")


@given(st.text(max_size=30))
def test_clean_is_idempotent_and_trims(text):
    once = clean(text)
    assert clean(once) == once
    assert once == once.strip()


@given(st.text(alphabet="黔南貴州廣東畢節縣市區 ", max_size=12))
def test_fold_ignores_script_and_spaces(text):
    assert fold(text) == fold(to_simplified(text)) and " " not in fold(text)


def test_pinyin_initials():
    assert pinyin_keys("黔南布依族苗族自治州")[1].startswith("qn")
    assert pinyin_keys("廣州市") == pinyin_keys("广州市")


def test_an_imported_cell_narrows_what_is_typed_in_full_width_but_keeps_chinese_punctuation():
    assert clean("５２０５２１１９９０ＡＢ－０１／０２\u3000 x") == "5205211990AB-01/02 x"
    assert clean("  备注，分号；（括号）：问？叹！①～  ") == "备注，分号；（括号）：问？叹！①～"
    assert fold("计划投资（万元）") == fold("计划投资(万元)"), "headers still match either width"


@given(st.text())
def test_clean_is_idempotent_and_never_changes_chinese_characters(text):
    once = clean(text)
    assert clean(once) == once
    assert [c for c in once if "\u4e00" <= c <= "\u9fff"] == [c for c in text if "\u4e00" <= c <= "\u9fff"]
