"""Rendering results for people (table, XLSX) and for other tools (JSON, CSV)."""
