"""Poverty registry (建档立卡), screening and monitoring."""
