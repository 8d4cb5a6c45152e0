"""Outputs read from the store: event and entity tables (JSONL/CSV)."""
