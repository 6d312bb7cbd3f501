"""Registry models: people, households and members; screening and exit; monitoring; summary figures."""

from .household import ELSEWHERE, Household, Member, Person
from .monitoring import MonitoringCase
from .screening import ExitProposal, Gap, PovertyLine, Screening, ScreeningRound
from .summary import SummaryFigure

__all__ = ["ELSEWHERE", "Person", "Household", "Member", "ScreeningRound", "Screening", "Gap", "ExitProposal",
           "PovertyLine", "MonitoringCase", "SummaryFigure"]
