"""Probing the files that files.csv lists: format by content, true durations, reasons."""
