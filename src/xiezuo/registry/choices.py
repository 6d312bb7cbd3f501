"""Enumerations of the registry (建档立卡), as written in county files and shown on pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Attribute(models.TextChoices):
    GENERAL = "general", _("一般贫困户")
    LOW_INCOME = "dibao", _("低保贫困户")
    SUPPORTED = "tekun", _("特困供养")


class Cause(models.TextChoices):
    ILLNESS = "illness", _("因病")
    DISABILITY = "disability", _("因残")
    SCHOOLING = "schooling", _("因学")
    DISASTER = "disaster", _("因灾")
    LAND = "land", _("缺土地")
    WATER = "water", _("缺水")
    SKILLS = "skills", _("缺技术")
    LABOUR = "labour", _("缺劳动力")
    CAPITAL = "capital", _("缺资金")
    TRANSPORT = "transport", _("交通条件落后")
    MOTIVATION = "motivation", _("自身发展动力不足")
    OTHER = "other", _("其他")


class HousingStructure(models.TextChoices):
    CONCRETE = "concrete", _("钢混")
    BRICK_CONCRETE = "brick_concrete", _("砖混")
    BRICK_WOOD = "brick_wood", _("砖木")
    EARTH_WOOD = "earth_wood", _("土木")
    WOOD = "wood", _("木结构")
    OTHER = "other", _("其他")


class HousingGrade(models.TextChoices):
    A = "A", _("A级")
    B = "B", _("B级")
    C = "C", _("C级")
    D = "D", _("D级")


class Sex(models.TextChoices):
    MALE = "1", _("男")
    FEMALE = "2", _("女")


class Relation(models.TextChoices):
    HEAD = "head", _("户主")
    SPOUSE = "spouse", _("配偶")
    CHILD = "child", _("子女")
    CHILD_IN_LAW = "child_in_law", _("儿媳/女婿")
    GRANDCHILD = "grandchild", _("孙子女")
    PARENT = "parent", _("父母")
    GRANDPARENT = "grandparent", _("祖父母")
    SIBLING = "sibling", _("兄弟姐妹")
    OTHER = "other", _("其他")


class Education(models.TextChoices):
    NONE = "none", _("文盲或半文盲")
    PRIMARY = "primary", _("小学")
    JUNIOR = "junior", _("初中")
    SENIOR = "senior", _("高中")
    VOCATIONAL = "vocational", _("中专/技校")
    COLLEGE = "college", _("大专及以上")
    PRESCHOOL = "preschool", _("学龄前")


class StudentStatus(models.TextChoices):
    NOT_STUDENT = "no", _("非在校生")
    PRESCHOOL = "preschool", _("学前教育")
    PRIMARY = "primary", _("小学")
    JUNIOR = "junior", _("初中")
    SENIOR = "senior", _("高中")
    VOCATIONAL = "vocational", _("中职")
    HIGHER = "higher", _("高职及本科以上")
    DROPPED_OUT = "dropped", _("辍学")


class Health(models.TextChoices):
    HEALTHY = "healthy", _("健康")
    CHRONIC = "chronic", _("长期慢性病")
    SERIOUS = "serious", _("患有大病")
    DISABLED = "disabled", _("残疾")


class Labour(models.TextChoices):
    ORDINARY = "ordinary", _("普通劳动力")
    SKILLED = "skilled", _("技能劳动力")
    LOST = "lost", _("丧失劳动力")
    NONE = "none", _("无劳动力")


class WorkStatus(models.TextChoices):
    NONE = "none", _("未务工")
    LOCAL = "local", _("县内务工")
    PROVINCE = "province", _("省内县外务工")
    OUTSIDE = "outside", _("省外务工")
    FARMING = "farming", _("务农")


class Guarantee(models.TextChoices):
    """The five checks of 两不愁三保障 plus safe drinking water."""

    FOOD = "food", _("吃穿不愁")
    EDUCATION = "education", _("义务教育")
    MEDICAL = "medical", _("基本医疗")
    HOUSING = "housing", _("住房安全")
    WATER = "water", _("饮水安全")


class Monitoring(models.TextChoices):
    UNSTABLE = "unstable", _("脱贫不稳定户")
    MARGINAL = "marginal", _("边缘易致贫户")
    HARDSHIP = "hardship", _("突发严重困难户")


class ExitStage(models.TextChoices):
    PROPOSED = "proposed", _("拟退出")
    VILLAGE_REVIEWED = "village", _("村评议通过")
    NOTICED = "notice", _("公示无异议")
    APPROVED = "approved", _("县级批准退出")
    REJECTED = "rejected", _("未通过")


class MonitoringTrigger(models.TextChoices):
    """Where the warning of a monitoring case came from."""

    APPLICATION = "application", _("农户申请")
    CADRE = "cadre", _("干部排查")
    DEPARTMENT = "department", _("部门筛查预警")
    OTHER = "other", _("其他")


class MonitoringStage(models.TextChoices):
    """Progress of a monitoring case: the steps of 防止返贫动态监测, then its end."""

    WARNED = "warned", _("已预警")
    VISITED = "visited", _("已入户核实")
    CONSENTED = "consented", _("已承诺授权")
    MATCHED = "matched", _("已数据比对")
    VILLAGE_REVIEWED = "village", _("村级评议通过")
    NOTICED = "notice", _("公示无异议")
    TOWNSHIP_REVIEWED = "township", _("乡镇审核通过")
    APPROVED = "approved", _("县级审定纳入监测")
    REJECTED = "rejected", _("未纳入监测")
    CLEARED = "cleared", _("风险已消除")
    SUPERSEDED = "superseded", _("已调整监测类别")


# A case in one of these stages is still going through the procedure: a household has one at most.
MONITORING_OPEN_STAGES = (MonitoringStage.WARNED, MonitoringStage.VISITED, MonitoringStage.CONSENTED,
                          MonitoringStage.MATCHED, MonitoringStage.VILLAGE_REVIEWED, MonitoringStage.NOTICED,
                          MonitoringStage.TOWNSHIP_REVIEWED)


def label_map(choices) -> dict[str, str]:
    """Chinese label (folded) → stored value, used by the bulk import."""
    return {str(label): value for value, label in choices.choices}
