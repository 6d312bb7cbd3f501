"""The assessment channel declares no figures of its own: its indicators *read* the figures the other
channels declare (see models.Indicator.figure_key and compute.py)."""

from __future__ import annotations
