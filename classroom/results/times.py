"""Times as the school reads them: in its own zone (``CLASSROOM_TIMEZONE``), never in UTC.

The store keeps every time in UTC; only what is shown is converted. A zone name that is
wrong falls back to UTC *and says so*, rather than stopping a page.
"""

from __future__ import annotations

import datetime as dt

from classroom import settings


def school_zone() -> tuple[dt.tzinfo, str]:
    """The zone, and its name as shown beside times ("Europe/Berlin"; "UTC" when the setting is wrong)."""
    try:
        zone = settings.school_timezone()
    except settings.TimezoneError:
        return dt.UTC, "UTC (CLASSROOM_TIMEZONE is not a zone name)"
    return zone, str(getattr(zone, "key", None) or dt.datetime.now(zone).tzname() or "local time")


def shown(moment: dt.datetime | None, zone: dt.tzinfo | None = None) -> str:
    """``30 Nov 2026, 14:05`` in the school's zone; naive times are taken as UTC (as the store writes them)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(zone or school_zone()[0])
    return f"{local.day} {local:%b %Y, %H:%M}"
