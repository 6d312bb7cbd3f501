"""Column-wise validation of one chunk with polars, and the checks that span the whole file.

Every problem becomes a row of an errors frame: file row, column letter, header
and a Chinese message. Enumerations are mapped through their distinct values
(a handful per column), so the Python work per chunk does not grow with rows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import polars as pl
from django.utils.translation import gettext as _

from xiezuo.core.idcard import CHECK_CHARS, WEIGHTS
from xiezuo.core.text import fold

from ..choices import Cause
from .columns import BY_KEY, COLUMNS, FALSE, TRUE, Column, enum_lookup
from .reader import Sheet

ERROR_SCHEMA = {"row": pl.Int64, "column": pl.String, "header": pl.String, "message": pl.String}
FULLWIDTH = {**{chr(0xFF10 + i): str(i) for i in range(10)}, "ｘ": "X", "Ｘ": "X", "x": "X", "．": ".",
             "－": "-", "\u3000": "", " ": ""}
CAUSE_SPLIT = re.compile(r"[、,，;；/\s]+")
CAUSE_LABELS = {fold(str(label)): str(label) for _v, label in Cause.choices}
CHAR_KEYS = [c.key for c in COLUMNS if c.kind in ("text", "enum", "causes", "code")]
# Unicode's white space (what strip_chars removes): a literal search for these is quicker than a pattern.
WHITE = [chr(c) for c in (*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029,
                          0x202F, 0x205F, 0x3000)]
NULLABLE = ("housing_area", "water_safe", "year_exited", "medical_insurance", "pension_insurance")


@dataclass
class Context:
    """What validation needs from the database, loaded once per import."""

    villages: pl.Series  # codes of level-5 regions
    prefixes: list[str] | None  # the user's region prefixes; None when the user sees everything
    this_year: int = dt.date.today().year
    # column key → {folded spelling: value} from the administrators' table of spellings (core.ValueAlias)
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)


def empty_errors() -> pl.DataFrame:
    return pl.DataFrame(schema=ERROR_SCHEMA)


def _halfwidth(expr: pl.Expr) -> pl.Expr:
    return expr.str.replace_many(list(FULLWIDTH), list(FULLWIDTH.values()))


class ChunkCheck:
    """Collects the errors of one chunk."""

    def __init__(self, df: pl.DataFrame, sheet: Sheet):
        self.df, self.sheet = df, sheet
        self.errors: list[pl.DataFrame] = []
        self.checks: list[tuple[str, pl.Expr, pl.Expr | str]] = []

    def put(self, name: str, expr: pl.Expr) -> pl.Expr:
        """Materialise an intermediate column, so that later checks read it instead of recomputing it."""
        self.df = self.df.with_columns(expr.alias(name))
        return pl.col(name)

    def fail(self, key: str, bad: pl.Expr, message: pl.Expr | str) -> None:
        """Note a check; all are evaluated together in one pass at the end."""
        self.checks.append((key, bad, message))

    def error_frame(self) -> pl.DataFrame:
        if not self.checks:
            return empty_errors()
        counts = self.df.select([bad.fill_null(False).sum().alias(f"c{i}")
                                 for i, (_k, bad, _m) in enumerate(self.checks)]).row(0)
        for n, (key, bad, message) in zip(counts, self.checks, strict=True):
            if not n:
                continue
            letter, header = self.sheet.where(key)
            msg = pl.lit(message) if isinstance(message, str) else message
            self.errors.append(self.df.filter(bad.fill_null(False)).select(
                pl.col("row"), pl.lit(letter).alias("column"), pl.lit(header).alias("header"),
                msg.cast(pl.String).alias("message")))
        return pl.concat(self.errors) if self.errors else empty_errors()


def _mapping(series: pl.Series, lookup: dict[str, str]) -> dict[str, str]:
    out = {}
    for value in series.drop_nulls().unique().to_list():
        hit = lookup.get(fold(value))
        if hit is not None:
            out[value] = hit
    return out


def _map_enum(chk: ChunkCheck, col: Column, ctx: Context) -> pl.Expr:
    """The column's distinct values mapped once (built-in spellings and the administrators' table), then the
    whole column replaced at once."""
    mapping = _mapping(chk.df[col.key], {**ctx.aliases.get(col.key, {}), **enum_lookup(col)})
    allowed = "、".join(str(lbl) for _v, lbl in col.choices.choices)
    mapped = chk.put(f"_{col.key}", pl.col(col.key).replace_strict(mapping, default=None, return_dtype=pl.String))
    chk.fail(col.key, pl.col(col.key).is_not_null() & mapped.is_null(),
             pl.format(_("“{}”不是可选值（可选：%(allowed)s）") % {"allowed": allowed}, pl.col(col.key)))
    return mapped


def _map_bool(chk: ChunkCheck, col: Column) -> pl.Expr:
    mapping = {}
    for value in chk.df[col.key].drop_nulls().unique().to_list():
        key = fold(value)
        if key in TRUE:
            mapping[value] = True
        elif key in FALSE:
            mapping[value] = False
    mapped = chk.put(f"_{col.key}", pl.col(col.key).replace_strict(mapping, default=None, return_dtype=pl.Boolean))
    chk.fail(col.key, pl.col(col.key).is_not_null() & mapped.is_null(),
             pl.format(_("应填“是”或“否”，实际为“{}”"), pl.col(col.key)))
    return mapped


def _map_causes(chk: ChunkCheck, col: Column) -> pl.Expr:
    mapping, bad = {}, {}
    for value in chk.df[col.key].drop_nulls().unique().to_list():
        parts = [p for p in CAUSE_SPLIT.split(value) if p]
        labels = [CAUSE_LABELS.get(fold(p)) for p in parts]
        if all(labels):
            mapping[value] = "、".join(dict.fromkeys(labels))
        else:
            bad[value] = "、".join(p for p, lbl in zip(parts, labels, strict=True) if lbl is None)
    if bad:
        unknown = pl.col(col.key).replace_strict(bad, default=None, return_dtype=pl.String)
        chk.fail(col.key, unknown.is_not_null(), pl.format(_("未知的致贫原因：{}"), unknown))
    return pl.col(col.key).replace_strict(mapping, default=None, return_dtype=pl.String)


def _clean(chk: ChunkCheck, key: str, pattern: str) -> bool:
    """True when every value of the column already has its normal form (the usual case): the normalisation of
    full-width digits, separators and units can then be skipped for the chunk."""
    return bool(chk.df.select(pl.col(key).str.contains(pattern).fill_null(True).all()).item())


def _number(chk: ChunkCheck, col: Column, pattern: str, message: str) -> pl.Expr:
    if _clean(chk, col.key, pattern):
        return pl.col(col.key)
    text = chk.put(f"_{col.key}", _halfwidth(pl.col(col.key)).str.replace_all(r"[,，元]", ""))
    good = text.str.contains(pattern)
    chk.fail(col.key, pl.col(col.key).is_not_null() & ~good, pl.format(message, pl.col(col.key)))
    return pl.when(good).then(text).otherwise(None)


def _year(chk: ChunkCheck, col: Column, ctx: Context) -> pl.Expr:
    text = pl.col(col.key) if _clean(chk, col.key, r"^\d{4}$") else (
        _halfwidth(pl.col(col.key)).str.replace(r"(\.0+|年)$", ""))
    year = chk.put(f"_{col.key}", pl.when(text.str.contains(r"^\d{4}$")).then(text).otherwise(None).cast(pl.Int32))
    chk.fail(col.key, pl.col(col.key).is_not_null() & (year.is_null() | (year < 1980) | (year > ctx.this_year)),
             pl.format(_("年度“{}”无效，应为 1980 至 %(year)s 的四位年份") % {"year": ctx.this_year}, pl.col(col.key)))
    return pl.when((year >= 1980) & (year <= ctx.this_year)).then(year).otherwise(None).cast(pl.Int16)


def _id_number(chk: ChunkCheck) -> tuple[pl.Expr, pl.Expr]:
    raw = pl.col("id_number")
    shape = r"^[0-9]{17}[0-9X]$"
    number = raw if _clean(chk, "id_number", shape) else chk.put("_idn", _halfwidth(raw).str.to_uppercase())
    shape_ok = chk.put("_idshape", number.str.contains(shape))
    born = chk.put("_idborn", number.str.slice(6, 8).str.strptime(pl.Date, "%Y%m%d", strict=False))
    # The weighted digit sum from the first 17 digits read as one integer: arithmetic on one column instead of
    # seventeen text slices.
    body = chk.put("_idbody", number.str.slice(0, 17).cast(pl.Int64, strict=False))
    total = chk.put("_idsum", pl.sum_horizontal([(body // 10 ** (16 - i)) % 10 * w for i, w in enumerate(WEIGHTS)]))
    check_ok = chk.put("_idcheck", number.str.slice(17, 1) == pl.lit(CHECK_CHARS).str.slice(total % 11, 1))
    scientific = raw.str.contains(r"[eE]\+?\d+$")
    chk.fail("id_number", raw.is_not_null() & scientific,
             pl.format(_("身份证号“{}”被 Excel 存成了科学计数法数字，末尾数字已丢失；请将该列设为“文本”后重新录入"), raw))
    chk.fail("id_number", raw.is_not_null() & ~scientific & ~shape_ok,
             pl.format(_("身份证号“{}”应为 17 位数字加 1 位数字或 X（实际 {} 位）"), raw, number.str.len_chars()))
    chk.fail("id_number", shape_ok & born.is_null(),
             pl.format(_("身份证号“{}”中的出生日期 {} 无效"), number, number.str.slice(6, 8)))
    today = dt.date.today()
    in_range = chk.put("_idrange", (born >= dt.date(1880, 1, 1)) & (born <= today))
    chk.fail("id_number", shape_ok & born.is_not_null() & ~in_range,
             pl.format(_("身份证号“{}”中的出生日期 {} 超出合理范围"), number, number.str.slice(6, 8)))
    chk.fail("id_number", shape_ok & in_range & ~check_ok, pl.format(_("身份证号校验位错误：{}"), number))
    ok = chk.put("_idok", (shape_ok & in_range & check_ok).fill_null(False))
    return (chk.put("_id", pl.when(ok).then(number).otherwise(None)),
            chk.put("_birth", pl.when(ok).then(born).otherwise(None)))


def parse_date(expr: pl.Expr) -> pl.Expr:
    """Excel serial numbers, 20180320, 2018-03-20, 2018/3/20, 2018.3.20, 2018年3月20日, with or without a time."""
    text = _halfwidth(expr).str.replace(r"[ T]\d{1,2}:\d{2}(:\d{2})?$", "")
    serial = pl.when(text.str.contains(r"^\d{1,5}(\.\d+)?$")).then(
        pl.lit(dt.date(1899, 12, 30)) + pl.duration(days=text.str.replace(r"\.\d+$", "").cast(pl.Int64)))
    compact = text.str.strptime(pl.Date, "%Y%m%d", strict=False)
    dashed = text.str.replace_all(r"[年月/.]", "-").str.replace(r"日$", "").str.strptime(
        pl.Date, "%Y-%-m-%-d", strict=False)
    return pl.coalesce(serial.otherwise(None), pl.when(text.str.len_chars() == 8).then(compact), dashed)


def tidy(columns: list[Column]) -> list[pl.Expr]:
    """Spaces around values go, runs of spaces inside text become one, and an empty cell is no value."""
    out = []
    for c in columns:
        e = pl.col(c.key).str.strip_chars()
        if c.kind == "text":
            e = e.str.replace_all(r"\s+", " ")
        out.append(pl.when(e == "").then(None).otherwise(e).alias(c.key))
    return out


def untidy(df: pl.DataFrame, columns: list[Column]) -> list[Column]:
    """The columns that hold a value `tidy` would change. Finding them is one pass without copying a value; most
    columns of most files need nothing, and tidying every column of a chunk cost twice as much."""
    # Any white space at all, or an empty cell: a superset of what tidying changes, found by a simpler (faster)
    # pattern than the exact one; tidying a clean value changes nothing.
    flags = df.select((pl.col(c.key).str.contains_any(WHITE) | (pl.col(c.key).str.len_bytes() == 0)).any()
                      for c in columns).row(0)
    return [c for c, flag in zip(columns, flags, strict=True) if flag]


def validate_chunk(df: pl.DataFrame, sheet: Sheet, ctx: Context) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(normalised rows, errors) of one chunk. Rows keep their file row number in `row`."""
    missing = [c.key for c in COLUMNS if c.key not in df.columns]
    df = df.with_columns(pl.lit(None, pl.String).alias(k) for k in missing)
    df = df.with_columns(tidy(untidy(df, [c for c in COLUMNS if c.key not in missing])))
    chk = ChunkCheck(df, sheet)
    out: dict[str, pl.Expr] = {}
    out["relation"] = _map_enum(chk, BY_KEY["relation"], ctx)
    head = chk.put("_head", (out["relation"] == "head").fill_null(False))
    for col in COLUMNS:
        key = col.key
        if key in ("relation", "id_number", "birth_date"):
            continue
        if col.kind == "text":
            # A value too long is reported and not passed on: the staging tables' columns have the same limit
            # (PostgreSQL would stop the COPY instead of listing the errors).
            out[key] = pl.when(pl.col(key).str.len_chars() <= col.max_length).then(pl.col(key))
            chk.fail(key, pl.col(key).str.len_chars() > col.max_length,
                     pl.format(_("内容过长（最多 %(max)s 个字，实际 {} 个字）：{}…") % {"max": col.max_length},
                               pl.col(key).str.len_chars(), pl.col(key).str.slice(0, 20)))
        elif col.kind == "code":
            code = pl.col(key) if _clean(chk, key, r"^\d{12}$") else chk.put("_code", _halfwidth(pl.col(key)))
            shape = chk.put("_codeshape", code.str.contains(r"^\d{12}$"))
            known = chk.put("_codeknown", code.is_in(ctx.villages.implode()))
            chk.fail(key, pl.col(key).is_not_null() & ~shape, pl.format(_("村代码“{}”应为 12 位数字"), pl.col(key)))
            chk.fail(key, shape & ~known, pl.format(_("未知的村级行政区划代码“{}”（须为第 5 级村级代码）"), code))
            in_scope = pl.lit(True) if ctx.prefixes is None else pl.any_horizontal(
                [code.str.starts_with(p) for p in ctx.prefixes] or [pl.lit(False)])
            in_scope = chk.put("_codescope", in_scope)
            chk.fail(key, shape & known & ~in_scope, pl.format(_("村代码“{}”不在您的管辖范围内"), code))
            out[key] = chk.put(f"_{key}", pl.when(shape & known & in_scope).then(code).otherwise(None))
        elif col.kind == "enum":
            out[key] = _map_enum(chk, col, ctx)
        elif col.kind == "causes":
            out[key] = _map_causes(chk, col)
        elif col.kind == "money":
            out[key] = _number(chk, col, r"^\d{1,10}(\.\d{1,2})?$", _("金额“{}”无法识别，应为不带单位的元数，如 3500.50"))
        elif col.kind == "decimal":
            out[key] = _number(chk, col, r"^\d{1,6}(\.\d{1,2})?$", _("数值“{}”无法识别"))
        elif col.kind == "year":
            out[key] = _year(chk, col, ctx)
        elif col.kind == "bool":
            out[key] = _map_bool(chk, col)
        if col.required:
            scope = head if col.level == "h" else pl.lit(True)
            where = _("（户主行必填）") if col.level == "h" else ""
            chk.fail(key, scope & pl.col(key).is_null(), _("必填项“%(column)s”为空") % {"column": col.header} + where)
    number, born = _id_number(chk)
    chk.fail("id_number", pl.col("id_number").is_null(), _("必填项“身份证号”为空"))
    chk.fail("relation", pl.col("relation").is_null(), _("必填项“与户主关系”为空"))
    id_sex = chk.put("_idsex", pl.when(number.is_not_null()).then(
        pl.when(number.str.slice(16, 1).cast(pl.Int32, strict=False) % 2 == 1).then(pl.lit("1")).otherwise(
            pl.lit("2"))))
    chk.fail("sex", id_sex.is_not_null() & out["sex"].is_not_null() & (out["sex"] != id_sex),
             pl.format(_("性别与身份证号不符：性别“{}”，身份证号 {}（第 17 位奇数为男、偶数为女）"), pl.col("sex"),
                       number))
    if chk.df["birth_date"].null_count() < chk.df.height:
        given = chk.put("_given", parse_date(pl.col("birth_date")))
        chk.fail("birth_date", pl.col("birth_date").is_not_null() & given.is_null(),
                 pl.format(_("出生日期“{}”无法识别，请写成 1980-05-01"), pl.col("birth_date")))
        chk.fail("birth_date", born.is_not_null() & given.is_not_null() & (given != born),
                 pl.format(_("出生日期 {} 与身份证号中的 {} 不符"), given.cast(pl.String), born.cast(pl.String)))
    out["id_number"], out["birth_date"], out["sex"] = number, born, id_sex
    clean = chk.df.select(pl.col("row"), *[e.alias(k) for k, e in out.items()])
    return clean, chk.error_frame()


def finish_rows(clean: pl.DataFrame) -> pl.DataFrame:
    """Nulls become what the tables hold: '' for text, 0 for money; column order as in COLUMNS."""
    exprs = [pl.col("row")]
    for col in COLUMNS:
        e = pl.col(col.key)
        if col.key in NULLABLE or col.kind in ("year", "date", "id"):
            exprs.append(e)
        elif col.kind == "money":
            exprs.append(e.fill_null("0"))
        else:
            exprs.append(e.fill_null(""))
    return clean.select(exprs)


SLIM = ("row", "number", "village", "id_number", "relation")


def id_key(number: pl.Expr) -> pl.Expr:
    """A valid ID number as one integer (its 17 digits and the check character, X = 10): equal keys, equal
    numbers, in 8 bytes instead of 34."""
    check = number.str.slice(17, 1)
    return number.str.slice(0, 17).cast(pl.Int64, strict=False) * 11 + pl.when(check == "X").then(10).otherwise(
        check.cast(pl.Int64, strict=False))


def id_text(key: pl.Expr) -> pl.Expr:
    """The ID number of an `id_key` again, as text (for messages)."""
    check = key % 11
    return pl.concat_str((key // 11).cast(pl.String).str.zfill(17),
                         pl.when(check == 10).then(pl.lit("X")).otherwise(check.cast(pl.String)))


def slim_rows(rows: pl.DataFrame, sheet: int) -> pl.DataFrame:
    """The key columns of rows in normal form, kept (on disk, see `keystore`) for the whole-file checks, compact:
    file row, the sheet's index in the file, household number, village code as an integer (none when empty),
    whether the row is the head's, and the ID number as an integer key."""
    return rows.select(pl.col("row"), pl.lit(sheet, dtype=pl.Int16).alias("sheet"), pl.col("number"),
                       pl.when(pl.col("village") != "").then(pl.col("village")).cast(pl.Int64, strict=False)
                       .alias("village"), (pl.col("relation") == "head").fill_null(False).alias("head"),
                       id_key(pl.col("id_number")).alias("id_number"))


def _errors(where, found: list, frame: pl.DataFrame, key: str, message: pl.Expr) -> None:
    if frame.height:
        letter, header = where(key)
        found.append(frame.select(pl.col("row"), pl.lit(letter).alias("column"), pl.lit(header).alias("header"),
                                  message.alias("message")))


def person_checks(rows: pl.DataFrame, where) -> pl.DataFrame:
    """The same person twice in one sheet, on (row, id_number) of every row of one person (or of several: all
    rows of each given ID number must be there). `where(key)` gives (column letter, header) for a key."""
    found: list[pl.DataFrame] = []
    ids = rows.filter(pl.col("id_number").is_not_null() & pl.col("id_number").is_duplicated())
    if ids.height:
        ids = ids.with_columns(first=pl.col("row").min().over("id_number"))
        _errors(where, found, ids.filter(pl.col("row") != pl.col("first")), "id_number",
                pl.format(_("身份证号 {} 与第 {} 行重复（同一人在文件中出现多次）"), id_text(pl.col("id_number")),
                          pl.col("first")))
    return pl.concat(found) if found else empty_errors()


def household_checks(rows: pl.DataFrame, where) -> pl.DataFrame:
    """A household without a head or with two, a member in another village than the head's, on (row, number,
    village, head) of every row of the households concerned (all rows of each given number must be there)."""
    found: list[pl.DataFrame] = []
    # A member row may leave the village empty (the head's row carries it): no village is "not given", not a code.
    people = rows.filter(pl.col("number").is_not_null())
    heads = people.group_by("number").agg(
        heads=pl.col("head").sum(), first=pl.col("row").min(),
        head_village=pl.col("village").filter(pl.col("head")).first(),
        villages=pl.col("village").drop_nulls().n_unique())
    no_head = heads.filter(pl.col("heads") == 0).select(pl.col("first").alias("row"), "number")
    _errors(where, found, no_head, "relation", pl.format(_("户 {} 没有户主行（与户主关系须有一人为“户主”）"), pl.col("number")))
    many = people.filter(pl.col("head")).join(heads.filter(pl.col("heads") > 1), on="number")
    _errors(where, found, many.filter(pl.col("row") != pl.col("first")), "relation",
            pl.format(_("户 {} 有多个户主"), pl.col("number")))
    # Only a household whose rows name more than one village can have a member in another village than its head.
    mixed = heads.filter(pl.col("villages") > 1).select("number", "head_village")
    moved = people.join(mixed, on="number").filter(
        pl.col("village").is_not_null() & pl.col("head_village").is_not_null()
        & (pl.col("village") != pl.col("head_village")))
    _errors(where, found, moved, "village", pl.format(_("村代码 {} 与同户户主行的 {} 不一致"), pl.col("village"),
                                                      pl.col("head_village")))
    return pl.concat(found) if found else empty_errors()
