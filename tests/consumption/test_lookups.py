"""The catalogue's and the sales sheet's own validation asks nothing per row inside an import's batch: the queries
for 40 rows are those for one. Outside a batch every check sees the database as it is. And the demo's 黔菜进广
and 832 platform channels show what they bought."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.consumption.recount import RECOUNT
from xiezuo.consumption import lookups
from xiezuo.consumption.forms import ProductForm, SaleForm
from xiezuo.consumption.models import Channel, Product, Sale
from xiezuo.core import figures as registry
from xiezuo.core.figures import Subject
from xiezuo.geo.models import Region
from xiezuo.partners.models import Organisation, Pairing

pytestmark = pytest.mark.django_db


def products(n: int) -> list[Product]:
    producer = Organisation.objects.get(name="都匀市毛尖茶叶专业合作社（演示）")
    county = Region.objects.get(code="522701000000")
    return [Product(name=f"批量测试{i}", category="primary", producer=producer, region=county, mechanism="purchase",
                    stage="certified", certificate_no=f"QN-BATCH-{i:04d}", valid_from=dt.date(2020, 1, 1))
            for i in range(n)]


def sales(n: int) -> list[Sale]:
    channel = Channel.objects.get(name="广州江南果菜批发市场")
    tea = Product.objects.get(name="都匀毛尖茶")
    return [Sale(channel=channel, product=tea, month=dt.date(2020, 5, 1), amount=Decimal(1000 + i),
                 document_no=f"BATCH-{i}") for i in range(n)]


def queries(objs) -> int:
    """Queries of the record type's own rules (`clean`, constraints); Django's check that each chosen key exists
    is the importer's to batch."""
    with CaptureQueriesContext(connection) as ctx:
        for obj in objs:
            obj.clean()
            obj.validate_constraints()
    return len(ctx.captured_queries)


def test_inside_a_batch_the_products_checks_ask_once_per_file():
    with lookups.batch():
        one = queries(products(1))
    with lookups.batch():
        forty = queries(products(40))
    assert forty == one, (one, forty)
    # Outside a batch, the certificate number is asked row by row (a page sees the database as it is).
    assert queries(products(40)) > forty


def test_inside_a_batch_the_sales_checks_ask_once_per_file():
    with lookups.batch():
        one = queries(sales(1))
    with lookups.batch():
        forty = queries(sales(40))
    assert forty == one, (one, forty)


def test_a_row_written_inside_the_batch_is_seen_by_the_rows_after_it():
    first, second = products(2)
    second.certificate_no = first.certificate_no
    with lookups.batch():
        first.clean()
        first.save()
        with pytest.raises(ValidationError) as exc:
            second.clean()
    assert "已用于产品“批量测试0”" in str(exc.value)


def test_the_forms_declare_their_batch():
    assert ProductForm.import_batch is lookups.batch and SaleForm.import_batch is lookups.batch


def test_restaurant_and_832_platform_purchases(login, user):
    qiannan = Subject("pairing", Pairing.objects.get(helper_region="440100000000", helped_region="522700000000"))
    bijie = Subject("pairing", Pairing.objects.get(helper_region="440100000000", helped_region="520500000000"))
    [f] = registry.figures(user("admin"), qiannan, keys=["consumption.restaurant_purchases"])
    assert f.value == RECOUNT["consumption.restaurant_purchases"](qiannan) > 0
    assert "channel_kind=restaurant" in f.url
    restaurant = Channel.objects.get(kind="restaurant", name="黔味馆·天河店（演示）")
    html = login("qiannan").get(restaurant.get_absolute_url()).content.decode()
    assert "酸汤鱼" in html and "惠水黑糯米" in html and "data-monthly-chart=" in html
    platform = Channel.objects.get(kind="platform_832")
    listed = login("bijie").get(f"/consumption/sale/?channel={platform.pk}&government=true").content.decode()
    assert "共 12 条" in listed and "大方天麻" in listed
    [g] = registry.figures(user("admin"), bijie, keys=["consumption.government"])
    assert g.value == RECOUNT["consumption.government"](bijie) >= sum(20000 + 1000 * q for q in (3, 6, 9, 12)) * 3


def test_the_sale_list_asks_the_same_queries_for_25_or_200_rows(login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("qiannan")

    def page(size: int) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(f"/consumption/sale/?per_page={size}&sort=pk").content.decode()
        return len(ctx.captured_queries), html

    small, _html = page(25)
    large, html = page(200)
    assert html.count("record-link") >= 200
    # The counting column (不计入 / 只计一次 / 计入) costs no query per row.
    assert large - small < 10, (small, large)
    assert "同一票据另有报送" in html and "不计入：" in html
