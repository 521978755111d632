"""Streamlit dashboards: the organizers' app and the sponsors' app."""
