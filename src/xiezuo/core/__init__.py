"""Shared machinery: base record, scope, audit, generic views, API base, import/export, jobs, text."""
