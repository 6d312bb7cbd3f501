"""Xiezuo (協作): the platform for East–West paired cooperation."""
