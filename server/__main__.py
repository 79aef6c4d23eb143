"""``python -m server``: serve the classroom (or a kiosk) for a class."""

from server.serve import run

run()
