"""The classroom's server: ``python -m server`` (see server/serve.py)."""
