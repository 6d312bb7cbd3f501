"""Organisations, pairings and the user accounts that belong to them."""
