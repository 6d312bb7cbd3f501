"""A synthetic registry with real village codes and valid, made-up ID numbers (demo, tests, benchmark).

Nothing here describes real people: names are drawn from common syllables and
ID numbers are generated with correct checksums for the village's county.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from xiezuo.core.idcard import check_char

from .importing.columns import COLUMNS

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "明国华建文平志伟东海强晓生光林小红玉兰英秀芳丽敏静燕梅琴云春秋冬雪勇军杰涛斌超鹏飞刚辉波宁磊桂珍凤霞翠花成德兴福贵荣昌顺"
ATTRIBUTES = ["一般贫困户"] * 7 + ["低保贫困户"] * 2 + ["特困供养"]
CAUSES = ["因病"] * 4 + ["因残"] * 2 + ["因学", "因灾", "缺土地", "缺水", "缺技术"] + ["缺劳动力"] * 2 + [
    "缺资金"] * 3 + ["交通条件落后", "自身发展动力不足", "其他"]
STRUCTURES = ["砖混", "砖木", "土木", "木结构", "钢混"]
GRADES = ["A级", "B级", "B级", "C级", "D级"]
ETHNICITIES = ["汉族"] * 5 + ["苗族", "彝族", "布依族", "仡佬族", "白族", "水族"]
EDUCATION = ["小学", "初中", "初中", "高中", "文盲或半文盲", "中专/技校", "大专及以上"]
HEALTH = ["健康"] * 6 + ["长期慢性病", "患有大病", "残疾"]
LABOUR = ["普通劳动力", "普通劳动力", "技能劳动力", "丧失劳动力", "无劳动力"]
WORK = ["未务工", "县内务工", "省内县外务工", "省外务工", "务农"]
HEADERS = [c.header for c in COLUMNS]
BIRTH_BASE = dt.date(1935, 1, 1)


def id_number(county: str, birth: dt.date, serial: int, male: bool) -> str:
    seq = f"{serial % 500 * 2 + (1 if male else 0):03d}"
    body = f"{county[:6]}{birth:%Y%m%d}{seq}"
    return body + check_char(body)


class Generator:
    """Households one after another, round-robin over the villages, with unique ID numbers."""

    def __init__(self, villages: Sequence[str], seed: int = 2019, year_identified: int = 2016,
                 first_person: int = 0, number_prefix: str = ""):
        self.villages = list(villages)
        self.first_person, self.number_prefix = first_person, number_prefix
        self.random = random.Random(seed)
        self.year = year_identified
        self.per_county: dict[str, int] = {}
        self.per_village: dict[str, int] = {}

    def _person(self, county: str, age: int, male: bool) -> str:
        key = f"{county}:{age}"
        k = self.per_county.get(key, self.first_person)
        self.per_county[key] = k + 1
        # Per county and birth year, k ↦ (day of the year, serial) is one-to-one up to 182,500 people.
        birth = dt.date(2020 - age, 1, 1) + dt.timedelta(days=(k * 7919) % 365)
        return id_number(county, birth, (k // 365) % 500, male)

    def household(self, index: int) -> list[list[str]]:
        r = self.random
        village = self.villages[index % len(self.villages)]
        seq = self.per_village.get(village, 0) + 1
        self.per_village[village] = seq
        number = f"{self.number_prefix}{village}{seq:04d}"
        size = r.choice((1, 2, 3, 3, 4, 4, 4, 5, 5, 6))
        surname = r.choice(SURNAMES)
        wage, business = r.randrange(0, 30000), r.randrange(0, 12000)
        transfer, prop, costs = r.randrange(500, 8000), r.randrange(0, 1500), r.randrange(0, 5000)
        head_age = r.randrange(30, 80)
        causes = r.sample(CAUSES, 2)
        exited = r.random() < 0.6
        household = [number, village, r.choice(ATTRIBUTES), causes[0], causes[1] if r.random() < 0.5 else "",
                     str(wage), str(business), f"{transfer}.50", str(prop), str(costs),
                     str(r.randrange(40, 180)), r.choice(STRUCTURES), r.choice(GRADES),
                     "是" if r.random() < 0.9 else "否", r.choice(SURNAMES) + r.choice(GIVEN) + r.choice(GIVEN),
                     f"1{r.randrange(3000000000, 9999999999)}", str(self.year),
                     str(r.choice((2017, 2018, 2019, 2020))) if exited else ""]
        rows = []
        for i in range(size):
            if i == 0:
                relation, age, male = "户主", head_age, r.random() < 0.8
            elif i == 1 and size > 2:
                relation, age, male = "配偶", max(18, head_age + r.randrange(-5, 5)), False
            else:
                relation, age, male = "子女", max(0, head_age - r.randrange(20, 35)), r.random() < 0.5
            number_ = self._person(village[:6], age, male)
            name = (surname if relation != "配偶" else r.choice(SURNAMES)) + r.choice(GIVEN) + (
                r.choice(GIVEN) if r.random() < 0.7 else "")
            student = "非在校生" if age > 18 or age < 6 else ("小学" if age < 12 else "初中" if age < 15 else "高中")
            member = [name, number_, relation, "男" if male else "女", "", r.choice(ETHNICITIES),
                      r.choice(EDUCATION) if age >= 6 else "学龄前", student, r.choice(HEALTH),
                      r.choice(LABOUR) if 16 <= age < 65 else "无劳动力", r.choice(WORK) if 16 <= age < 65 else "未务工",
                      "是", "是" if age >= 16 else "否"]
            rows.append(household + member)
        return rows

    def rows(self, members: int) -> Iterator[list[str]]:
        """About `members` rows (the last household is completed)."""
        done, index = 0, 0
        while done < members:
            for row in self.household(index):
                yield row
                done += 1
            index += 1


def write_csv(path: Path, members: int, villages: Sequence[str], seed: int = 2019, encoding: str = "utf-8-sig") -> int:
    count = 0
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADERS)
        for row in Generator(villages, seed).rows(members):
            w.writerow(row)
            count += 1
    return count


def write_xlsx(path: Path, members: int, villages: Sequence[str], seed: int = 2019) -> int:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet("建档立卡户成员")
    ws.write_row(0, 0, HEADERS)
    count = 0
    for count, row in enumerate(Generator(villages, seed).rows(members), start=1):
        ws.write_row(count, 0, row)
    wb.close()
    return count


def villages_under(prefixes: Sequence[str], limit: int | None = None) -> list[str]:
    """Real level-5 codes under the prefixes, from the shipped regions file (no database needed)."""
    source = Path(__file__).resolve().parent.parent / "geo" / "data" / "regions.csv"
    out = []
    with open(source, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["level"] == "5" and row["code"].startswith(tuple(prefixes)):
                out.append(row["code"])
                if limit and len(out) >= limit:
                    break
    return out
