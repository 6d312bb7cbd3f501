"""Demo data of consumption cooperation, loaded by `xiezuo demo` (and the tests' database) after the base apps.

Fact from report 000: the Guizhou delegation visited 广州江南果菜批发市场 and 广东东西部扶贫协作产品交易市场 (the
organisations are in partners/demo.py; the trading market opened on 2019-09-28, DOMAIN.md). Everything else —
producers, products, certifications, a canteen, a restaurant and the monthly sales of 2019–2020 — is synthetic
(`synthetic=True`), made from a fixed seed so that every load is the same. It is built to show the counting rules:
* a product certified only from 2020-07-01, whose earlier sales are kept but not counted;
* a product still in public notice (公示), and one withdrawn on 2020-09-30;
* a market reporting only a category for one line;
* purchases of a government canteen reported by the buyer and again by the market with the same contract number
  written differently — counted once (two further such reports wait, submitted, for the approver);
* a 黔菜 restaurant buying Guizhou ingredients (黔菜进广) and budget units buying through the 832 platform;
* tourism projects, two of them investments linked to the industry ledger's projects, and a product whose
  benefiting households are named from the registry (both linked in `load_late`, once those channels loaded).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from xiezuo.core.services import create_record
from xiezuo.partners.demo import SEED_000
from xiezuo.partners.models import Organisation

from .choices import BenefitMechanism as M
from .choices import CertificationStage as S
from .choices import ChannelKind as K
from .choices import ProductCategory as C
from .choices import ReportingSide as R
from .choices import TourismEventKind as T
from .choices import TourismProjectKind as TP
from .models import Channel, Product, Sale, TourismEvent, TourismPolicy, TourismProject, VisitorFlow

D = dt.date.fromisoformat
JIANGNAN, TRADING = "广州江南果菜批发市场", "广东东西部扶贫协作产品交易市场"
SASAC, RESTAURANT_GROUP = "广州市人民政府国有资产监督管理委员会", "广州酒家集团股份有限公司"
NOTE = "演示数据（合成）"

# (producer, county code, product, category, mechanism, households, stage, certificate, valid from, withdrawn)
PRODUCTS = [
    ("都匀市毛尖茶叶专业合作社（演示）", "522701000000", "都匀毛尖茶", C.PROCESSED, M.PURCHASE, 320, S.CERTIFIED,
     "QN-2019-0001", "2019-01-01", None),
    ("罗甸县火龙果种植合作社（演示）", "522728000000", "罗甸火龙果", C.PRIMARY, M.WAGES, 210, S.CERTIFIED,
     "QN-2019-0002", "2019-01-01", None),
    ("惠水县黑糯米加工厂（演示）", "522731000000", "惠水黑糯米", C.PROCESSED, M.DIVIDENDS, 150, S.CERTIFIED,
     "QN-2019-0003", "2019-03-01", None),
    ("长顺县绿壳鸡蛋合作社（演示）", "522729000000", "长顺绿壳鸡蛋", C.PRIMARY, M.PURCHASE, 95, S.CERTIFIED,
     "QN-2020-0004", "2020-07-01", None),
    ("贵定县刺梨食品有限公司（演示）", "522723000000", "贵定刺梨汁", C.PROCESSED, M.MIXED, 180, S.NOTICE,
     "", None, None),
    ("平塘县牛肉干食品厂（演示）", "522727000000", "平塘牛肉干", C.PROCESSED, M.WAGES, 60, S.WITHDRAWN,
     "QN-2019-0006", "2019-01-01", "2020-09-30"),
    ("威宁县马铃薯合作社（演示）", "520526000000", "威宁洋芋", C.PRIMARY, M.PURCHASE, 400, S.CERTIFIED,
     "BJ-2019-0001", "2019-01-01", None),
    ("赫章县核桃专业合作社（演示）", "520527000000", "赫章核桃", C.PRIMARY, M.PURCHASE, 260, S.CERTIFIED,
     "BJ-2019-0002", "2019-01-01", None),
    ("大方县天麻产业公司（演示）", "520521000000", "大方天麻", C.PRIMARY, M.DIVIDENDS, 300, S.CERTIFIED,
     "BJ-2019-0003", "2019-01-01", None),
    ("织金县竹荪合作社（演示）", "520524000000", "织金竹荪", C.PRIMARY, M.WAGES, 140, S.CERTIFIED,
     "BJ-2019-0004", "2019-06-01", None),
]


def _month(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _approve(objs) -> None:
    for obj in objs:
        type(obj).objects.filter(pk=obj.pk).update(status="approved")


def load(acting_user) -> None:
    if Product.objects.filter(name="都匀毛尖茶").exists():
        return  # loading twice changes nothing
    org = {o.name: o for o in Organisation.objects.filter(name__in=[JIANGNAN, TRADING, SASAC, RESTAURANT_GROUP])}
    if len(org) < 4:
        return  # the partners' demo organisations are not there (a bare database)
    rnd = random.Random(14)
    made = []
    products = []
    for producer, code, name, category, mechanism, households, stage, cert, since, withdrawn in PRODUCTS:
        unit = create_record(Organisation, {"name": producer, "short_name": producer.replace("（演示）", ""),
                                            "kind": "enterprise", "region_id": code, "synthetic": True},
                             acting_user, note=NOTE)
        start = D(since) if since else None
        p = create_record(Product, {
            "name": name, "category": category, "producer": unit, "region_id": code, "mechanism": mechanism,
            "households": households, "stage": stage, "certificate_no": cert,
            "applied_on": (start or D("2020-03-01")) - dt.timedelta(days=75),
            "reviewed_on": (start or D("2020-03-01")) - dt.timedelta(days=45),
            "notice_from": (start or D("2020-03-01")) - dt.timedelta(days=20),
            "valid_from": start, "valid_to": D("2021-12-31") if start else None,
            "withdrawn_on": D(withdrawn) if withdrawn else None, "synthetic": True}, acting_user, note=NOTE)
        products.append(p)
    made += products
    served = ["522700000000", "520500000000"]
    jiangnan = create_record(Channel, {
        "name": JIANGNAN, "kind": K.WHOLESALE, "operator": org[JIANGNAN], "region_id": "440111000000",
        "source_document": SEED_000, "note": "贵州省党政代表团考察的批发市场（报道 000）；供货地区为演示假设。"},
        acting_user, m2m={"served_regions": served}, note="演示数据")
    trading = create_record(Channel, {
        "name": TRADING, "kind": K.TRADING_MARKET, "operator": org[TRADING], "region_id": "440103000000",
        "opened_on": D("2019-09-28"), "source_document": SEED_000,
        "note": "贵州省党政代表团考察的交易市场（报道 000）；供货地区为演示假设。"},
        acting_user, m2m={"served_regions": served}, note="演示数据")
    canteen = create_record(Channel, {
        "name": "广州市国资委机关食堂（演示）", "kind": K.CANTEEN, "operator": org[SASAC], "region_id": "440100000000",
        "synthetic": True}, acting_user, m2m={"served_regions": served}, note=NOTE)
    restaurant = create_record(Channel, {
        "name": "黔味馆·天河店（演示）", "kind": K.RESTAURANT, "operator": org[RESTAURANT_GROUP],
        "region_id": "440106000000", "opened_on": D("2019-06-18"), "dishes": "酸汤鱼、黔南土鸡；采购惠水黑糯米、都匀毛尖",
        "synthetic": True}, acting_user, m2m={"served_regions": served}, note=NOTE)
    platform = create_record(Channel, {
        "name": "832平台·广州市预算单位采购（演示）", "kind": K.PLATFORM_832, "operator": org[SASAC],
        "region_id": "440100000000", "synthetic": True,
        "note": "预算单位通过脱贫地区农副产品网络销售平台（832平台）采购；演示数据。"},
        acting_user, m2m={"served_regions": served}, note=NOTE)
    made += [jiangnan, trading, canteen, restaurant, platform]

    def sale(channel, month, product=None, amount=0, **extra):
        data = {"channel": channel, "month": month, "product": product, "amount": Decimal(amount),
                "synthetic": True, **extra}
        return create_record(Sale, data, acting_user, note=NOTE)

    for year in (2019, 2020):
        for m in range(1, 13):
            month = _month(year, m)
            for i, p in enumerate(products):
                # Before the trading market opened, everything went through the wholesale market.
                channel = trading if (i % 2 and month >= D("2019-10-01")) else jiangnan
                amount = rnd.randrange(20, 300) * 1000
                made.append(sale(channel, month, p, amount, quantity=Decimal(amount // 20), unit="公斤",
                                 seller=p.producer, reported_by=R.CHANNEL,
                                 document_no=f"{'JN' if channel is jiangnan else 'JY'}-{year}{m:02d}-{i + 1:03d}"))
            # A line the market reports only by category (kept, not counted: no certified product named).
            made.append(sale(jiangnan, month, None, rnd.randrange(10, 60) * 1000, category=C.PRIMARY,
                             region_id="522700000000", reported_by=R.CHANNEL, note="市场仅报类别"))
    # The canteen's purchases (government purchasing), reported by the buyer; four of them again by the market
    # with the same contract number written another way: counted once.
    tea, rice = products[0], products[2]
    for m in range(1, 13):
        month = _month(2020, m)
        p = tea if m % 2 else rice
        made.append(sale(canteen, month, p, 48000 + 1000 * m, buyer=org[SASAC], seller=p.producer,
                         reported_by=R.BUYER, document_no=f"HT-GZGZW-2020-{m:02d}"))
        if m in (3, 6, 9, 11, 12):
            dup = sale(trading, month, p, 48000 + 1000 * m, buyer=org[SASAC], seller=p.producer,
                       reported_by=R.CHANNEL, document_no=f"ht gzgzw 2020 {m:02d}", note="市场与买方重复报送")
            if m < 11:
                made.append(dup)  # approved; those of November and December wait for the approver
            else:
                Sale.objects.filter(pk=dup.pk).update(status="submitted")
    # 黔菜进广: the restaurant buys Guizhou ingredients every month of 2020 (reported by the buyer).
    for m in range(1, 13):
        for p, base in ((products[2], 6000), (products[0], 4000)):
            made.append(sale(restaurant, _month(2020, m), p, base + 100 * m, buyer=org[RESTAURANT_GROUP],
                             seller=p.producer, reported_by=R.BUYER, document_no=f"QWG-2020{m:02d}-{p.pk}"))
    # The 832 platform: Guangzhou's budget units buy Bijie's products each quarter of 2020 (government purchasing).
    for q in (3, 6, 9, 12):
        for p in products[6:9]:
            made.append(sale(platform, _month(2020, q), p, 20000 + 1000 * q, buyer=org[SASAC], seller=p.producer,
                             reported_by=R.CHANNEL, document_no=f"832-GZ-2020{q:02d}-{p.pk}"))
    made += _tourism(acting_user, rnd)
    made.append(create_record(TourismProject, {
        "name": "荔波县乡村旅游示范点提升（演示）", "kind": TP.RURAL, "region_id": "522722000000",
        "started_on": D("2019-04-01"), "opened_on": D("2020-05-01"), "synthetic": True,
        "note": "财政帮扶资金项目，非招商投资（演示）"}, acting_user, note=NOTE))
    _approve(made)


def _tourism(acting_user, rnd) -> list:
    """Synthetic tourism: a promotion in Guangzhou, a special train, a free-admission policy, monthly visitors."""
    from xiezuo.geo.models import Region

    region = {r.code: r for r in Region.objects.filter(code__in=["522722000000", "522701000000", "520521000000",
                                                                "520524000000", "522700000000", "520500000000"])}
    made = [
        create_record(TourismEvent, {"name": "黔南州旅游推介会·广州站（演示）", "kind": T.PROMOTION,
                                     "origin_region_id": "440100000000", "start_date": D("2019-03-22"),
                                     "synthetic": True},
                      acting_user, m2m={"destination_regions": [region["522700000000"]]}, note=NOTE),
        create_record(TourismEvent, {"name": "广州—荔波旅游专列（演示）", "kind": T.TRAIN,
                                     "origin_region_id": "440100000000", "start_date": D("2019-05-01"),
                                     "end_date": D("2019-05-05"), "tourists": 860, "synthetic": True},
                      acting_user, m2m={"destination_regions": [region["522722000000"]]}, note=NOTE),
        create_record(TourismPolicy, {"name": "景区对广东游客门票优惠（演示）", "places": "荔波小七孔、织金洞",
                                      "beneficiaries": "广东籍游客凭身份证", "benefit": "门票半价",
                                      "valid_from": D("2019-10-01"), "valid_to": D("2020-12-31"), "synthetic": True},
                      acting_user, m2m={"regions": [region["522722000000"], region["520524000000"]]}, note=NOTE),
    ]
    for year in (2019, 2020):
        for m in range(1, 13):
            for code in ("522722000000", "522701000000", "520521000000", "520524000000"):
                # 2020: the epidemic's first months brought almost no groups.
                low = year == 2020 and m in (2, 3, 4)
                visitors = rnd.randrange(50, 200) if low else rnd.randrange(800, 4000)
                made.append(create_record(VisitorFlow, {
                    "month": _month(year, m), "region_id": code, "origin_region_id": "440100000000",
                    "groups": visitors // 40, "visitors": visitors, "synthetic": True}, acting_user, note=NOTE))
    return made


def load_late(acting_user) -> None:
    """Links to what later channels' demos made: tourism projects that are investments (the industry ledger's
    tourism projects) and the registry's households benefiting from 大方天麻."""
    from django.apps import apps

    if TourismProject.objects.filter(project__isnull=False).exists():
        return
    project_model = apps.get_model("industry", "Project")
    made = []
    for prefix, name in (("5227", "黔南州招商文旅项目（演示）"), ("5205", "毕节市招商文旅项目（演示）")):
        project = project_model.objects.filter(name__contains="乡村旅游综合体", region__code__startswith=prefix) \
            .order_by("pk").first()
        if project is None:
            continue
        investors = list(project.investors.all())
        made.append(create_record(TourismProject, {
            "name": f"{project.name}·文旅运营（演示）", "kind": TP.RURAL, "region_id": project.region_id,
            "project": project, "started_on": project.agreed_on, "synthetic": True,
            "note": f"{name}：投资企业与投资额见产业项目"}, acting_user, m2m={"organisations": investors}, note=NOTE))
    _approve(made)
    household = apps.get_model("registry", "Household")
    tianma = Product.objects.filter(name="大方天麻").first()
    if tianma is not None:
        tianma.beneficiary_households.add(*household.objects.filter(village__code__startswith="520521")
                                          .order_by("number")[:36])
