"""Regions: 12-digit statistical division codes to village level, with history."""
