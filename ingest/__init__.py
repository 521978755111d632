"""Readers of the organizers' drop folder and probes of the media it holds."""
