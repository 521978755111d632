"""Readers of drop-folder tables: CSV as entrants' tools write it, and Excel workbooks."""
