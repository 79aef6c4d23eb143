"""Streamlit screens and the small helpers they share. Only this package calls st.*."""
