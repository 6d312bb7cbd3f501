"""Resident identity number (GB 11643-1999): validation, normalisation and masking."""

from __future__ import annotations

import datetime as dt
from operator import mul

from django.utils.translation import gettext as _

from .text import is_digits

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_FULLWIDTH = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789XX")


class InvalidIdNumber(ValueError):
    pass


def normalise(raw: str) -> str:
    """Full-width digits and a lowercase x become their plain forms; spaces go."""
    return str(raw).translate(_FULLWIDTH).replace(" ", "").replace("\u3000", "").strip().upper()


def check_char(first17: str) -> str:
    if len(first17) != len(WEIGHTS):
        raise ValueError("check_char needs the first 17 digits")
    return CHECK_CHARS[sum(map(mul, map(int, first17), WEIGHTS)) % 11]


def validate(raw: str) -> str:
    """Return the normalised number or raise `InvalidIdNumber` with a Chinese reason."""
    number = normalise(raw)
    if len(number) != 18:
        raise InvalidIdNumber(_("身份证号应为 18 位，实际 %(n)s 位") % {"n": len(number)})
    if not is_digits(number[:17]) or not (is_digits(number[17]) or number[17] == "X"):
        raise InvalidIdNumber(_("身份证号含有非法字符"))
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidIdNumber(_("身份证号中的出生日期 %(date)s 无效") % {"date": number[6:14]}) from None
    if born.year < 1880 or born > dt.date.today():
        raise InvalidIdNumber(_("身份证号中的出生日期 %(date)s 超出合理范围") % {"date": number[6:14]})
    if check_char(number[:17]) != number[17]:
        raise InvalidIdNumber(_("身份证号校验位错误"))
    return number


def is_valid(raw: str) -> bool:
    try:
        validate(raw)
    except InvalidIdNumber:
        return False
    return True


def birth_date(number: str) -> dt.date:
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def sex_code(number: str) -> str:
    """'1' male, '2' female, from the 17th digit's parity."""
    return "1" if int(number[16]) % 2 else "2"


def mask(number: str) -> str:
    """5201**********123X: the region of issue and the last four stay visible."""
    if not number or len(number) < 8:
        return number
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
