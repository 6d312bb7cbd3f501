"""Visits, meetings and agreements (考察调研、座谈会、合作协议)."""
