"""Entry point for ``python -m classroom``."""

from classroom.cli import run

run()
