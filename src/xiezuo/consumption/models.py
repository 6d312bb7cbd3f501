"""Consumption cooperation (消费协作): certified products, sales channels and the sales made through them.

The rules that keep consumption figures honest live here and in `counting.py`:
* a sale counts as 消费帮扶 only when its product was certified (认定) on the date of the sale;
* the same invoice or contract reported by two sides (market, seller, buyer) is counted once.
Sales that do not count are kept and shown apart, each with the reason (`Sale.count_problem`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec, code_prefix
from xiezuo.core.tables import yuan_to_wan

from . import lookups
from .choices import (
    BenefitMechanism,
    CertificationStage,
    ChannelKind,
    ProductCategory,
    ReportingSide,
    TourismEventKind,
    TourismProjectKind,
)

MONEY = {"max_digits": 16, "decimal_places": 2}
# One row of a sales report above this is a typing error (a market's whole month is reported per product line);
# the ceiling is declared here so that the page, the API and the import refuse the same rows.
AMOUNT_CEILING = Decimal("50000000")  # 5000 万元 per row
# Organisation kinds financed from a budget: a purchase by one of them is government purchasing (政府采购).
BUDGET_KINDS = ("government", "coop_office", "department", "working_group", "sasac", "school", "hospital")


def document_key(text: str) -> str:
    """The invoice or contract number as a comparable key: full-width folded, case and separators ignored.

    `NO.GZ-2020／0315` and `gz 2020 0315` are the same document; a blank number has no key (never matched)."""
    text = unicodedata.normalize("NFKC", text or "").upper()
    text = re.sub(r"^(NO|编号|发票号码?|合同号|合同编号)[.:：]?", "", text.strip())
    return re.sub(r"[^0-9A-Z\u4e00-\u9fff]", "", text)


def certificate_number(text: str) -> str:
    """A certificate number as stored and compared: full-width folded, letters in capitals, no spaces around.

    `ｑｎ－２０１９－０００１ ` and `QN-2019-0001` are one certificate, so two products cannot both hold it."""
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _region_of(obj, name: str = "region"):
    """The region a record points at: the one already loaded (a form's choice), else through `lookups` (asked
    once per code inside an import's batch)."""
    field = type(obj)._meta.get_field(name)
    if field.is_cached(obj):
        return getattr(obj, name)
    code = getattr(obj, field.attname)
    return lookups.region(code) if code else None


def fewer_households(count: int, named: int) -> str:
    return _("带动贫困户数（%(n)s）少于所填的建档立卡户（%(m)s 户）。") % {"n": count, "m": named}


class Product(Record):
    """A certified product (扶贫产品 / 消费帮扶产品) and where it stands in the county's certification."""

    name = models.CharField(_("产品名称"), max_length=200)
    category = models.CharField(_("产品类别"), max_length=12, choices=ProductCategory.choices,
                                default=ProductCategory.PRIMARY)
    producer = models.ForeignKey("partners.Organisation", verbose_name=_("生产经营主体"), on_delete=models.PROTECT,
                                 related_name="consumption_products")
    region = models.ForeignKey("geo.Region", verbose_name=_("申报县"), on_delete=models.PROTECT, related_name="+",
                               help_text=_("申报认定的县（产地）"))
    mechanism = models.CharField(_("带贫机制"), max_length=12, choices=BenefitMechanism.choices)
    households = models.PositiveIntegerField(_("带动贫困户数"), null=True, blank=True)
    # Where known, the households themselves (the registry's, by household number; held here, the registry knows
    # nothing of products). The figures count these, distinct, instead of the number typed above.
    beneficiary_households = models.ManyToManyField(
        "registry.Household", verbose_name=_("受益建档立卡户"), blank=True, related_name="+",
        help_text=_("已知的受益户：填户编号，多户用顿号或换行分隔；只能选本辖区的户"))
    stage = models.CharField(_("认定进度"), max_length=14, choices=CertificationStage.choices,
                             default=CertificationStage.APPLIED)
    applied_on = models.DateField(_("申报日期"), null=True, blank=True)
    reviewed_on = models.DateField(_("县级审核日期"), null=True, blank=True)
    notice_from = models.DateField(_("公示开始日期"), null=True, blank=True)
    certificate_no = models.CharField(_("认定证书编号"), max_length=60, blank=True)
    valid_from = models.DateField(_("认定有效期自"), null=True, blank=True)
    valid_to = models.DateField(_("认定有效期至"), null=True, blank=True)
    withdrawn_on = models.DateField(_("撤销日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("producer",))
    approval_scope = ScopeSpec(regions=("region",))

    class Meta:
        verbose_name = _("消费帮扶产品")
        verbose_name_plural = _("消费帮扶产品")
        ordering = ["region_id", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["certificate_no"], condition=~Q(certificate_no=""),
                                               name="consumption_product_certificate_unique")]

    def __str__(self) -> str:
        return self.name

    def clean_links(self, m2m: dict) -> None:
        """The households counted are at least the registry households named (pages, API and imports alike); a
        count left empty is the number named. `m2m` is what the write sets; an edit that leaves the named
        households alone is checked against the stored ones."""
        if "beneficiary_households" in m2m:
            named = len(m2m["beneficiary_households"] or [])
        else:
            named = self.beneficiary_households.count() if self.pk else 0
        if not named:
            return
        if self.households is None:
            self.households = named
        elif self.households < named:
            raise ValidationError({"households": fewer_households(self.households, named)})

    def clean(self) -> None:
        errors: dict[str, object] = {}
        self.certificate_no = certificate_number(self.certificate_no)
        if self.stage in (CertificationStage.CERTIFIED, CertificationStage.WITHDRAWN):
            if not self.certificate_no:
                errors["certificate_no"] = _("认定（或撤销）的产品须填写认定证书编号。")
            if not self.valid_from:
                errors["valid_from"] = _("认定（或撤销）的产品须填写认定有效期起始日期。")
        if self.stage == CertificationStage.WITHDRAWN and not self.withdrawn_on:
            errors["withdrawn_on"] = _("撤销的产品须填写撤销日期。")
        if self.withdrawn_on and self.stage != CertificationStage.WITHDRAWN:
            errors["withdrawn_on"] = _("只有“撤销”的产品才填写撤销日期。")
        chain = [("applied_on", self.applied_on), ("reviewed_on", self.reviewed_on),
                 ("notice_from", self.notice_from), ("valid_from", self.valid_from), ("valid_to", self.valid_to)]
        seen = [(n, d) for n, d in chain if d]
        for (n1, d1), (n2, d2) in zip(seen, seen[1:], strict=False):
            if d2 < d1 and n2 not in errors:
                errors[n2] = _("日期顺序有误：“%(b)s”（%(d2)s）早于“%(a)s”（%(d1)s）。") % {
                    "a": self._meta.get_field(n1).verbose_name, "b": self._meta.get_field(n2).verbose_name,
                    "d1": d1, "d2": d2}
        if self.withdrawn_on and self.valid_from and self.withdrawn_on < self.valid_from:
            errors["withdrawn_on"] = _("撤销日期不能早于认定有效期起始日期。")
        if self.certificate_no and "certificate_no" not in errors:
            other = lookups.certificate_holder(self.certificate_no, exclude_pk=self.pk)
            if other is not None:
                errors["certificate_no"] = _("认定证书编号“%(no)s”已用于产品“%(p)s”（%(r)s），一个编号只对应一个产品。") % {
                    "no": self.certificate_no, "p": other[1], "r": lookups.region(other[2])}
        region = _region_of(self)
        if region is not None and region.level < 3:
            errors["region"] = _("申报县应为县（市、区）或其下级。")
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None) -> None:
        # The certificate number's constraint is checked by `clean` (with the holder's name, and once per file
        # inside an import's batch); the database still enforces it.
        exclude = set(exclude or ()) | {"certificate_no"}
        super().validate_constraints(exclude=exclude)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        lookups.note_certificate(self)

    def validity_end(self) -> dt.date | None:
        """The last day the certification holds: the end of validity or the withdrawal, whichever is first."""
        ends = [d for d in (self.valid_to, self.withdrawn_on) if d]
        return min(ends) if ends else None

    def certified_between(self, start: dt.date, end: dt.date) -> bool:
        """Whether the product was certified on every day from `start` to `end` (the date, or month, of a sale)."""
        if self.stage not in (CertificationStage.CERTIFIED, CertificationStage.WITHDRAWN) or not self.valid_from:
            return False
        last = self.validity_end()
        return self.valid_from <= start and (last is None or last >= end)


class Channel(Record):
    """A sales channel (销售渠道): a market, a dedicated hall or counter, a shop, a canteen, a restaurant (黔菜进广),
    the 832 platform. `served_regions` are the western places whose products it sells."""

    name = models.CharField(_("渠道名称"), max_length=200)
    kind = models.CharField(_("渠道类型"), max_length=16, choices=ChannelKind.choices)
    operator = models.ForeignKey("partners.Organisation", verbose_name=_("运营单位"), on_delete=models.PROTECT,
                                 related_name="consumption_channels")
    region = models.ForeignKey("geo.Region", verbose_name=_("所在地区"), on_delete=models.PROTECT, related_name="+")
    served_regions = models.ManyToManyField("geo.Region", verbose_name=_("供货地区"), blank=True, related_name="+",
                                            help_text=_("经销其产品的受援地区（州、市或县）"))
    address = models.CharField(_("地址"), max_length=200, blank=True)
    opened_on = models.DateField(_("开业日期"), null=True, blank=True)
    dishes = models.TextField(_("特色菜品与贵州食材"), blank=True, help_text=_("黔菜餐厅：主打黔菜与采购的贵州食材"))
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region", "served_regions"), organisations=("operator",))

    class Meta:
        verbose_name = _("销售渠道")
        verbose_name_plural = _("销售渠道")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def serves(self, region) -> bool:
        """A channel with no served regions declared takes products from anywhere."""
        served = lookups.served_regions(self)
        return not served or any(region.code.startswith(code_prefix(r.code, r.level)) for r in served)


class Sale(Record):
    """Sales (or purchases) of one month through one channel: one product, or one category where the channel
    reports only that, with seller, buyer and the invoice or contract number."""

    channel = models.ForeignKey(Channel, verbose_name=_("销售渠道"), on_delete=models.PROTECT, related_name="sales")
    month = models.DateField(_("月份"), help_text=_("填当月任一日，如 2020-05-01；按月统计"))
    sold_on = models.DateField(_("销售日期"), null=True, blank=True,
                               help_text=_("单笔销售的日期；留空表示整月（整月须在认定有效期内）"))
    product = models.ForeignKey(Product, verbose_name=_("产品"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="sales")
    category = models.CharField(_("产品类别"), max_length=12, choices=ProductCategory.choices, blank=True,
                                help_text=_("渠道只报类别时填写；填了产品则取产品的类别"))
    region = models.ForeignKey("geo.Region", verbose_name=_("产地"), on_delete=models.PROTECT, related_name="+",
                               blank=True, help_text=_("留空取产品的申报县"))
    producer = models.ForeignKey("partners.Organisation", verbose_name=_("生产经营主体"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+", help_text=_("留空取产品的生产经营主体"))
    seller = models.ForeignKey("partners.Organisation", verbose_name=_("卖方"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    buyer = models.ForeignKey("partners.Organisation", verbose_name=_("买方"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+",
                              help_text=_("预算单位（机关、事业单位等）购买计为政府采购"))
    quantity = models.DecimalField(_("数量"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("计量单位"), max_length=12, blank=True)
    amount = models.DecimalField(_("金额（元）"), **MONEY)
    document_no = models.CharField(_("发票或合同编号"), max_length=80, blank=True)
    reported_by = models.CharField(_("报送方"), max_length=10, choices=ReportingSide.choices,
                                   default=ReportingSide.CHANNEL)
    note = models.TextField(_("备注"), blank=True)
    # Derived on save: the comparable document number and the first and last day the sale stands for.
    document_key = models.CharField(_("票据比对键"), max_length=80, blank=True, editable=False, db_index=True)
    period_start = models.DateField(_("销售期间自"), null=True, editable=False)
    period_end = models.DateField(_("销售期间至"), null=True, editable=False)

    scope = ScopeSpec(regions=("region", "channel__region"),
                      organisations=("channel__operator", "seller", "buyer", "producer"))
    # Approved where the product comes from: the prefecture that answers for its consumption figures.
    approval_scope = ScopeSpec(regions=("region",))

    # What __str__ reads: lists and pickers fetch it with the rows (see core/tables.py fetch_plan).
    str_related = ("product", "channel")

    class Meta:
        verbose_name = _("消费帮扶销售")
        verbose_name_plural = _("消费帮扶销售")
        ordering = ["-month", "channel_id", "pk"]

    def __str__(self) -> str:
        what = self.product.name if self.product_id else (self.get_category_display() or "")
        month = f"{self.month:%Y-%m}" if self.month else ""
        return f"{month} {self.channel if self.channel_id else ''} {what}".strip()

    def save(self, *args, **kwargs):
        self.derive()
        super().save(*args, **kwargs)

    def derive(self) -> None:
        if self.month:
            self.month = self.month.replace(day=1)
        if self.product_id:
            self.category = self.product.category
            if not self.region_id:
                self.region_id = self.product.region_id
            if not self.producer_id:
                self.producer_id = self.product.producer_id
        self.document_key = document_key(self.document_no)
        if self.sold_on:
            self.period_start = self.period_end = self.sold_on
        elif self.month:
            self.period_start, self.period_end = self.month, month_end(self.month)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        self.derive()
        if not self.product_id and not self.category:
            errors["category"] = _("未填写产品时须填写产品类别。")
        if not self.region_id and "category" not in errors:
            errors["region"] = _("未填写产品时须填写产地。")
        if self.amount is not None:
            if self.amount < 0:
                errors["amount"] = _("金额不能为负数。")
            elif self.amount > AMOUNT_CEILING:
                errors["amount"] = _("金额 %(a)s 万元超过单行上限 %(c)s 万元，请核对单位（元）或拆分填报。") % {
                    "a": yuan_to_wan(self.amount), "c": yuan_to_wan(AMOUNT_CEILING)}
        if self.quantity is not None and self.quantity < 0:
            errors["quantity"] = _("数量不能为负数。")
        today = dt.date.today()
        if self.month and self.month > today.replace(day=1):
            errors["month"] = _("月份 %(m)s 尚未到来，不能填报。") % {"m": f"{self.month:%Y-%m}"}
        if self.sold_on:
            if self.sold_on > today:
                errors["sold_on"] = _("销售日期不能晚于今天。")
            elif self.month and (self.sold_on.year, self.sold_on.month) != (self.month.year, self.month.month):
                errors["sold_on"] = _("销售日期应在所填月份内。")
        if self.product_id and self.region_id and self.region_id != self.product.region_id \
                and not self.region_id.startswith(code_prefix(self.product.region_id, 3)):
            errors["region"] = _("产地应为产品的申报县“%(r)s”。") % {"r": lookups.region(self.product.region_id)}
        if self.channel_id and self.region_id and "region" not in errors:
            region = _region_of(self)
            if not self.channel.serves(region):
                errors["channel"] = _("渠道“%(c)s”不经销“%(r)s”的产品（供货地区：%(s)s）。") % {
                    "c": self.channel, "r": region,
                    "s": "、".join(str(r) for r in lookups.served_regions(self.channel))}
        if errors:
            raise ValidationError(errors)

    @property
    def is_government_purchase(self) -> bool:
        return bool(self.buyer_id and self.buyer.kind in BUDGET_KINDS)

    def count_problem(self) -> str:
        """Why this sale is not a 消费帮扶 figure (empty when its product was certified on the date of sale)."""
        if not self.product_id:
            return str(_("只报了产品类别，未对应认定产品"))
        p = self.product
        if p.stage not in (CertificationStage.CERTIFIED, CertificationStage.WITHDRAWN) or not p.valid_from:
            return str(_("产品尚未认定（%(s)s）")) % {"s": p.get_stage_display()}
        if not p.certified_between(self.period_start, self.period_end):
            last = p.validity_end()
            return str(_("销售日期（%(a)s 至 %(b)s）不在产品认定有效期（%(f)s 至 %(t)s）内")) % {
                "a": self.period_start, "b": self.period_end, "f": p.valid_from, "t": last or _("长期")}
        return ""

    def same_document(self):
        """Other reports of the same invoice or contract (any side, any status)."""
        if not self.document_key:
            return Sale._base_manager.none()
        return Sale._base_manager.filter(document_key=self.document_key).exclude(pk=self.pk) \
            .select_related("channel").order_by("pk")


# --- tourism cooperation (旅游协作) ---------------------------------------------------------------------------

class TourismEvent(Record):
    """A promotion event (推介会), a route, a special train (旅游专列) or charter flight bringing eastern tourists."""

    name = models.CharField(_("名称"), max_length=200)
    kind = models.CharField(_("类型"), max_length=12, choices=TourismEventKind.choices)
    organisers = models.ManyToManyField("partners.Organisation", verbose_name=_("主办或承办单位"), blank=True,
                                        related_name="+")
    origin_region = models.ForeignKey("geo.Region", verbose_name=_("客源地（东部）"), on_delete=models.PROTECT,
                               related_name="+")
    destination_regions = models.ManyToManyField("geo.Region", verbose_name=_("目的地"), related_name="+")
    start_date = models.DateField(_("开始日期"))
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    tourists = models.PositiveIntegerField(_("游客人次"), null=True, blank=True,
                                           help_text=_("专列、包机、线路实际带来的游客人次；推介会留空"))
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("origin_region", "destination_regions"), organisations=("organisers",))

    class Meta:
        verbose_name = _("旅游推介与线路")
        verbose_name_plural = _("旅游推介与线路")
        ordering = ["-start_date", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("结束日期不能早于开始日期。")})


class VisitorFlow(Record):
    """Tour groups and visitors from the east arriving in one western county in one month (as reported)."""

    month = models.DateField(_("月份"), help_text=_("填当月任一日，如 2020-05-01；按月统计"))
    region = models.ForeignKey("geo.Region", verbose_name=_("目的地（县）"), on_delete=models.PROTECT,
                               related_name="+")
    origin_region = models.ForeignKey("geo.Region", verbose_name=_("客源地（东部）"), on_delete=models.PROTECT,
                               related_name="+")
    groups = models.PositiveIntegerField(_("旅游团队数"), null=True, blank=True)
    visitors = models.PositiveIntegerField(_("游客人次"))
    event = models.ForeignKey(TourismEvent, verbose_name=_("来自推介或专列"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="flows")
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region", "origin_region"))
    approval_scope = ScopeSpec(regions=("region",))

    # What __str__ reads: lists and pickers fetch it with the rows (see core/tables.py fetch_plan).
    str_related = ("origin_region", "region")

    class Meta:
        verbose_name = _("东部游客")
        verbose_name_plural = _("东部游客")
        ordering = ["-month", "region_id", "pk"]
        constraints = [models.UniqueConstraint(fields=["month", "region", "origin_region"],
                                               name="consumption_visitorflow_one_per_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.origin_region}→{self.region}" if self.month and self.region_id else ""

    def save(self, *args, **kwargs):
        if self.month:
            self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if self.month:
            self.month = self.month.replace(day=1)
            if self.month > dt.date.today().replace(day=1):
                errors["month"] = _("月份 %(m)s 尚未到来，不能填报。") % {"m": f"{self.month:%Y-%m}"}
        if self.region_id and self.region.level < 3:
            errors["region"] = _("目的地应为县（市、区）或其下级。")
        if self.groups and self.visitors is not None and self.groups > self.visitors:
            errors["groups"] = _("旅游团队数不能多于游客人次。")
        if errors:
            raise ValidationError(errors)


class TourismPolicy(Record):
    """A preferential policy for eastern visitors, e.g. scenic areas free for Guangdong visitors."""

    name = models.CharField(_("政策名称"), max_length=200)
    regions = models.ManyToManyField("geo.Region", verbose_name=_("实施地区"), related_name="+")
    places = models.TextField(_("适用景区"), blank=True)
    beneficiaries = models.CharField(_("优惠对象"), max_length=200, help_text=_("如：广东籍游客凭身份证"))
    benefit = models.CharField(_("优惠内容"), max_length=200, help_text=_("如：门票全免、半价"))
    valid_from = models.DateField(_("开始日期"))
    valid_to = models.DateField(_("结束日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("regions",))

    class Meta:
        verbose_name = _("旅游优惠政策")
        verbose_name_plural = _("旅游优惠政策")
        ordering = ["-valid_from", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("结束日期不能早于开始日期。")})


class TourismProject(Record):
    """A tourism cooperation project (旅游协作项目): a scenic area, rural tourism, lodging, facilities.

    Where it is an investment, `project` links it to the ledger's industrial project (产业项目), which holds the
    investors and the money; the link is held here so that the industry channel knows nothing of tourism."""

    name = models.CharField(_("项目名称"), max_length=200)
    kind = models.CharField(_("项目类型"), max_length=12, choices=TourismProjectKind.choices)
    region = models.ForeignKey("geo.Region", verbose_name=_("项目地点（县、乡或村）"), on_delete=models.PROTECT,
                               related_name="+")
    organisations = models.ManyToManyField("partners.Organisation", verbose_name=_("实施或合作单位"), blank=True,
                                           related_name="+")
    project = models.ForeignKey(
        "industry.Project", verbose_name=_("关联产业项目（投资）"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="tourism_projects",
        help_text=_("属于招商投资的，选择产业项目台账中的项目：投资企业与投资额以产业项目为准"))
    started_on = models.DateField(_("启动日期"))
    opened_on = models.DateField(_("建成开放日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("organisations",))

    class Meta:
        verbose_name = _("旅游协作项目")
        verbose_name_plural = _("旅游协作项目")
        ordering = ["-started_on", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, object] = {}
        region = _region_of(self)
        if region is not None and region.level < 3:
            errors["region"] = _("项目地点应为县（市、区）或其下级。")
        if self.opened_on and self.started_on and self.opened_on < self.started_on:
            errors["opened_on"] = _("建成开放日期不能早于启动日期。")
        if self.project_id and region is not None:
            project = self.project
            there = project.region_id
            # The same place, or one inside the other (a county project for a township's scenic area).
            if not (there.startswith(code_prefix(region.code)) or region.code.startswith(code_prefix(there))):
                errors["project"] = _("关联的产业项目“%(p)s”位于“%(r)s”，与本项目地点“%(h)s”不在同一地区。") % {
                    "p": project, "r": lookups.region(there), "h": region}
        if errors:
            raise ValidationError(errors)
