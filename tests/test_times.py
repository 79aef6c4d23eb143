"""Times shown in the school's zone (CLASSROOM_TIMEZONE), never in UTC unless the school is there."""

from __future__ import annotations

import datetime as dt

import pytest

from classroom import settings
from classroom.results import times

NOON_UTC = dt.datetime(2026, 11, 30, 12, 5, tzinfo=dt.UTC)


def test_the_setting_names_an_iana_zone(monkeypatch):
    monkeypatch.setenv("CLASSROOM_TIMEZONE", "Europe/Berlin")
    zone, name = times.school_zone()
    assert name == "Europe/Berlin"
    assert times.shown(NOON_UTC, zone) == "30 Nov 2026, 13:05"
    assert times.shown(NOON_UTC.replace(month=7), zone) == "30 Jul 2026, 14:05"  # summer time


def test_naive_times_from_sqlite_are_read_as_utc():
    tokyo = settings.school_timezone({"CLASSROOM_TIMEZONE": "Asia/Tokyo"})
    assert times.shown(NOON_UTC.replace(tzinfo=None), tokyo) == "30 Nov 2026, 21:05"
    assert times.shown(None, tokyo) == ""


def test_a_wrong_zone_name_falls_back_to_utc_and_says_so(monkeypatch):
    with pytest.raises(settings.TimezoneError, match="Mars/Olympus"):
        settings.school_timezone({"CLASSROOM_TIMEZONE": "Mars/Olympus"})
    monkeypatch.setenv("CLASSROOM_TIMEZONE", "Mars/Olympus")
    zone, name = times.school_zone()
    assert zone == dt.UTC and name.startswith("UTC (CLASSROOM_TIMEZONE is not a zone name)")


def test_without_the_setting_the_servers_own_zone_is_used():
    zone = settings.school_timezone({})
    assert zone.utcoffset(NOON_UTC) == NOON_UTC.astimezone().utcoffset()
