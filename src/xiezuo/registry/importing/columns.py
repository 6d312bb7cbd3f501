"""The columns of a registry file: canonical keys, Chinese headers, accepted variants, kinds."""

from __future__ import annotations

from dataclasses import dataclass, field

from xiezuo.core.text import fold

from ..choices import (
    Attribute,
    Cause,
    Education,
    Health,
    HousingGrade,
    HousingStructure,
    Labour,
    Relation,
    Sex,
    StudentStatus,
    WorkStatus,
)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # text, code, enum, causes, money, decimal, year, bool, id, date
    level: str  # "h": household (taken from the head's row), "m": member
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: object = None
    # Extra spellings of enumeration labels met in county files.
    variants: dict = field(default_factory=dict)
    max_length: int = 50


COLUMNS: list[Column] = [
    Column("number", "户编号", "text", "h", True, ("户码", "户编码", "家庭编号", "户主编号"), max_length=30),
    Column("village", "村代码", "code", "h", True,
           ("所在村代码", "行政区划代码", "村级区划代码", "区划代码", "所在村", "村行政区划代码")),
    Column("attribute", "户属性", "enum", "h", True, ("贫困户属性", "贫困户类型"), Attribute,
           {"五保户": "tekun", "五保贫困户": "tekun", "特困供养户": "tekun", "特困供养贫困户": "tekun",
            "低保户": "dibao", "一般户": "general", "一般农户": "general"}),
    Column("main_cause", "主要致贫原因", "enum", "h", True, ("致贫原因", "主要致贫原因类型"), Cause,
           {"其它": "other", "交通落后": "transport", "自身发展动力不足": "motivation"}),
    Column("other_causes", "其他致贫原因", "causes", "h", False, ("次要致贫原因",), max_length=200),
    Column("income_wage", "工资性收入", "money", "h", False, ("工资性收入（元）", "务工收入")),
    Column("income_business", "生产经营性收入", "money", "h", False, ("生产经营性收入（元）", "经营性收入")),
    Column("income_transfer", "转移性收入", "money", "h", False, ("转移性收入（元）",)),
    Column("income_property", "财产性收入", "money", "h", False, ("财产性收入（元）",)),
    Column("costs", "生产经营性支出", "money", "h", False, ("生产经营性支出（元）", "生产经营支出")),
    Column("housing_area", "住房面积", "decimal", "h", False, ("住房面积（平方米）", "住房面积(㎡)")),
    Column("housing_structure", "住房结构", "enum", "h", False, ("房屋结构",), HousingStructure,
           {"钢筋混凝土": "concrete", "砖混结构": "brick_concrete", "砖木结构": "brick_wood",
            "土木结构": "earth_wood", "木": "wood", "木质": "wood"}),
    Column("housing_grade", "住房安全等级", "enum", "h", False, ("住房等级", "危房等级", "房屋安全等级"), HousingGrade,
           {"a": "A", "b": "B", "c": "C", "d": "D", "a级危房": "A", "b级危房": "B", "c级危房": "C", "d级危房": "D"}),
    Column("water_safe", "饮水安全", "bool", "h", False, ("是否饮水安全", "饮水是否安全")),
    Column("helper_name", "帮扶责任人", "text", "h", False, ("帮扶责任人姓名",)),
    Column("helper_phone", "帮扶责任人电话", "text", "h", False, ("帮扶责任人联系电话", "联系电话"), max_length=20),
    Column("year_identified", "识别年度", "year", "h", True, ("识别标准年度", "纳入年度", "建档年度")),
    Column("year_exited", "脱贫年度", "year", "h", False, ("脱贫年份", "退出年度")),
    Column("name", "姓名", "text", "m", True, ("成员姓名", "人员姓名")),
    Column("id_number", "身份证号", "id", "m", True,
           ("公民身份号码", "身份证号码", "证件号码", "身份证件号码", "居民身份证号码", "公民身份证号")),
    Column("relation", "与户主关系", "enum", "m", True, ("与户主的关系", "家庭关系"), Relation,
           {"本人": "head", "户主本人": "head", "妻": "spouse", "夫": "spouse", "妻子": "spouse", "丈夫": "spouse",
            "之妻": "spouse", "之夫": "spouse", "子": "child", "女": "child", "之子": "child", "之女": "child",
            "儿子": "child", "女儿": "child", "长子": "child", "次子": "child", "长女": "child", "次女": "child",
            "儿媳": "child_in_law", "女婿": "child_in_law", "之儿媳": "child_in_law", "孙子": "grandchild",
            "孙女": "grandchild", "外孙子": "grandchild", "外孙女": "grandchild", "父亲": "parent",
            "母亲": "parent", "父": "parent", "母": "parent", "祖父": "grandparent", "祖母": "grandparent",
            "兄": "sibling", "弟": "sibling", "姐": "sibling", "妹": "sibling", "其它": "other"}),
    Column("sex", "性别", "enum", "m", False, (), Sex),
    Column("birth_date", "出生日期", "date", "m", False, ("出生年月日",)),
    Column("ethnicity", "民族", "text", "m", False, (), max_length=20),
    Column("education", "文化程度", "enum", "m", False, ("学历",), Education,
           {"文盲": "none", "半文盲": "none", "大专": "college", "本科及以上": "college", "中专": "vocational",
            "技校": "vocational", "小学文化": "primary", "初中文化": "junior", "高中文化": "senior"}),
    Column("student_status", "在校生状况", "enum", "m", False, ("在校生情况", "在校情况"), StudentStatus,
           {"否": "no", "非在校": "no", "学前": "preschool", "小学在读": "primary", "初中在读": "junior",
            "高中在读": "senior", "大专": "higher", "本科": "higher"}),
    Column("health", "健康状况", "enum", "m", False, ("健康情况",), Health,
           {"长期慢性病患者": "chronic", "大病": "serious", "患大病": "serious"}),
    Column("labour", "劳动技能", "enum", "m", False, ("劳动能力",), Labour,
           {"普通": "ordinary", "技能": "skilled", "丧失": "lost", "丧失劳动能力": "lost", "无": "none",
            "无劳动能力": "none"}),
    Column("work_status", "务工状况", "enum", "m", False, ("务工情况",), WorkStatus,
           {"乡（镇）内务工": "local", "县外省内务工": "province", "省外": "outside", "未务工": "none",
            "无": "none"}),
    Column("medical_insurance", "参加基本医疗保险", "bool", "m", False,
           ("是否参加城乡居民基本医疗保险", "是否参加基本医疗保险", "参加城乡居民基本医疗保险")),
    Column("pension_insurance", "参加基本养老保险", "bool", "m", False,
           ("是否参加城乡居民基本养老保险", "是否参加基本养老保险", "参加城乡居民基本养老保险")),
]

BY_KEY = {c.key: c for c in COLUMNS}
HOUSEHOLD_KEYS = [c.key for c in COLUMNS if c.level == "h"]
# A file missing any required column (`required=True`) is refused at once, with every missing one named.


def _header_key(text: str) -> str:
    key = fold(str(text or "")).replace("*", "").replace("（必填）", "").replace("(必填)", "")
    return key.replace("(", "（").replace(")", "）")


_LOOKUP: dict[str, str] = {}
for _c in COLUMNS:
    for _v in (_c.header, _c.key, *_c.aliases):
        _LOOKUP[_header_key(_v)] = _c.key


def match_header(text) -> str | None:
    """The column key of a header cell, ignoring script, width, spaces, `*` and a unit in brackets."""
    key = _header_key(text)
    if key in _LOOKUP:
        return _LOOKUP[key]
    base = key.split("（")[0]
    return _LOOKUP.get(base)


def enum_lookup(column: Column) -> dict[str, str]:
    """Folded label or variant → stored value."""
    out = {}
    for value, label in column.choices.choices:
        out[fold(str(label))] = value
    for variant, value in column.variants.items():
        out[fold(variant)] = value
    return out


TRUE = {"是", "有", "已参加", "参加", "安全", "√", "1", "true", "yes", "y"}
FALSE = {"否", "无", "未参加", "不安全", "×", "0", "false", "no", "n"}


def template_headers() -> list[str]:
    return [f"{c.header}*" if c.required else c.header for c in COLUMNS]


def template_notes() -> list[list[str]]:
    notes = [["列名", "是否必填", "格式与可选值"]]
    hints = {"text": "文本", "code": "12 位村级行政区划代码，如 520521100201", "money": "金额（元），可带两位小数",
             "decimal": "数字", "year": "四位年份，如 2016", "bool": "是 / 否", "date": "日期，如 1980-05-01 或 Excel 日期",
             "id": "18 位公民身份号码（全角数字、小写 x 会自动纠正）",
             "causes": "多个原因用顿号分隔，可选：" + "、".join(str(lbl) for _v, lbl in Cause.choices)}
    for c in COLUMNS:
        hint = ("可选：" + "、".join(str(lbl) for _v, lbl in c.choices.choices)) if c.kind == "enum" else hints[c.kind]
        if c.level == "h":
            hint += "（户信息：以户主行为准，其他成员行可留空）"
        notes.append([c.header, "是" if c.required else "否", hint])
    return notes
