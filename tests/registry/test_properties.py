"""Property tests: the column-wise ID check agrees with the hand-written one, and normalisation is forgiving."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from xiezuo.core import idcard
from xiezuo.registry.importing.reader import Sheet
from xiezuo.registry.importing.validate import Context, validate_chunk

SHEET = Sheet("", 1, {"id_number": 0}, {"id_number": "身份证号"})
CTX = Context(villages=pl.Series([], dtype=pl.String), prefixes=None)


def column_check(values: list[str]) -> list[str | None]:
    df = pl.DataFrame({"row": list(range(2, len(values) + 2)), "id_number": values},
                      schema={"row": pl.Int64, "id_number": pl.String})
    clean, _errors = validate_chunk(df, SHEET, CTX)
    return clean["id_number"].to_list()


births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today())


@st.composite
def valid_numbers(draw):
    region = draw(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True))
    body = f"{region}{draw(births):%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return body + idcard.check_char(body)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(valid_numbers(), st.from_regex(r"[0-9Xx]{15,19}", fullmatch=True)), min_size=1,
                max_size=30))
def test_columnwise_check_agrees_with_the_hand_written_one(values):
    expected = [idcard.validate(v) if idcard.is_valid(v) else None for v in values]
    assert column_check(values) == expected


@settings(max_examples=100, deadline=None)
@given(valid_numbers(), st.sampled_from(["", " ", "\u3000"]), st.booleans())
def test_full_width_digits_lowercase_x_and_spaces_are_normalised(number, pad, wide):
    raw = number.lower()
    if wide:
        raw = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in raw)
    assert column_check([f"{pad}{raw}{pad}"]) == [number]
    assert idcard.normalise(f"{pad}{raw}{pad}".strip()) == number


@settings(max_examples=100, deadline=None)
@given(valid_numbers())
def test_one_wrong_digit_is_always_caught(number):
    wrong = number[:5] + str((int(number[5]) + 1) % 10) + number[6:]
    assert column_check([wrong]) == [None]
