"""Dagster definitions for the Podium warehouse."""
