"""Podium's configuration: every environment variable it reads (settings/environment.py)."""
