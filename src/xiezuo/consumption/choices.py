"""Choices of the consumption cooperation channel (消费协作)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductCategory(models.TextChoices):
    PRIMARY = "primary", _("初级农产品")
    PROCESSED = "processed", _("加工农产品")
    CRAFT = "craft", _("手工艺品")
    TOURISM = "tourism", _("乡村旅游产品")
    HERITAGE = "heritage", _("非遗产品")
    OTHER = "other", _("其他")


class BenefitMechanism(models.TextChoices):
    """How a producer raises poor households' income (the condition of certification)."""

    WAGES = "wages", _("务工就业（工资性收入）")
    PURCHASE = "purchase", _("订单收购（经营性收入）")
    DIVIDENDS = "dividends", _("资产收益分红（财产性收入）")
    MIXED = "mixed", _("多种方式")


class CertificationStage(models.TextChoices):
    """The county's certification steps; a product counts only once 认定 (and within its validity)."""

    APPLIED = "applied", _("申报")
    COUNTY_REVIEW = "county_review", _("县级审核")
    NOTICE = "notice", _("公示")
    CERTIFIED = "certified", _("认定")
    WITHDRAWN = "withdrawn", _("撤销")


class ChannelKind(models.TextChoices):
    WHOLESALE = "wholesale", _("批发市场")
    TRADING_MARKET = "trading_market", _("交易市场")
    HALL = "hall", _("专馆专柜")
    ECOMMERCE = "ecommerce", _("电商店铺")
    CANTEEN = "canteen", _("单位食堂")
    RESTAURANT = "restaurant", _("黔菜餐厅")
    PLATFORM_832 = "platform_832", _("832平台")
    OTHER = "other", _("其他")


class ReportingSide(models.TextChoices):
    """Who reported the sale: the same sale often arrives from the market, the seller and the buyer."""

    CHANNEL = "channel", _("渠道（市场）报送")
    SELLER = "seller", _("卖方报送")
    BUYER = "buyer", _("买方报送")


class TourismEventKind(models.TextChoices):
    PROMOTION = "promotion", _("旅游推介会")
    ROUTE = "route", _("旅游线路")
    TRAIN = "train", _("旅游专列")
    FLIGHT = "flight", _("旅游包机")
    OTHER = "other", _("其他")


class TourismProjectKind(models.TextChoices):
    SCENIC = "scenic", _("景区开发与提升")
    RURAL = "rural", _("乡村旅游")
    LODGING = "lodging", _("酒店与民宿")
    FACILITY = "facility", _("旅游基础设施")
    PRODUCT = "product", _("文旅产品与线路开发")
    OTHER = "other", _("其他")
