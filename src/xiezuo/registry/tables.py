from __future__ import annotations

from xiezuo.core.tables import Table as CoreTable


class Table(CoreTable):
    # Household incomes and poverty lines are read in 元 (as the national registry states them), not 万元.
    money_unit = "元"


class HouseholdTable(Table):
    columns = ("number", "head_name", "village", "attribute", "main_cause", "member_count", "income_per_head",
               "monitoring", "year_exited")
    ordering = ("number",)


class MemberTable(Table):
    columns = ("name", "id_masked", "household", "relation", "sex", "health", "labour", "work_status")
    ordering = ("household_id", "person_id")


class ScreeningRoundTable(Table):
    columns = ("name", "region", "year", "started_on", "ended_on")
    ordering = ("-year", "name")


class ScreeningTable(Table):
    columns = ("household", "round", "food", "education", "medical", "housing", "water", "checker", "checked_on")
    ordering = ("-checked_on", "-pk")


class GapTable(Table):
    columns = ("household", "village", "guarantee", "remedy", "deadline", "responsible", "resolved_on")
    ordering = ("resolved_on", "deadline", "pk")


class ExitProposalTable(Table):
    columns = ("household", "year", "income_per_head", "exit_line", "stage", "decided_on")
    ordering = ("-year", "pk")


class MonitoringCaseTable(Table):
    columns = ("household", "village", "category", "trigger", "warned_on", "income_per_head", "monitoring_threshold",
               "stage", "decided_on")
    ordering = ("-warned_on", "-pk")


class PovertyLineTable(Table):
    columns = ("year", "region", "exit_line", "monitoring_threshold", "stable_months")
    ordering = ("-year",)
