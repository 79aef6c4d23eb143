"""Student names: cleaned once (NFKC, no invisible or bidi-control characters) and look-alikes found."""

from __future__ import annotations

import pytest

from classroom.people.names import MAX_NAME_LENGTH, clean_name, lookalikes, name_key, skeleton


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Ana   Müller ", "Ana Müller"),
        ("Ana\u200bMüller", "AnaMüller"),  # zero-width space
        ("Ana\u202eMüller\u202c", "AnaMüller"),  # right-to-left override and pop
        ("\ufeffBen", "Ben"),  # byte-order mark
        ("Ｂｅｎ", "Ben"),  # full-width letters (NFKC)
        ("Cleo\tDan\nEve", "Cleo Dan Eve"),
        ("Dan\u00a0Ray", "Dan Ray"),  # no-break space
        ("\u2066Zoe\u2069", "Zoe"),  # isolates
    ],
)
def test_clean_name_removes_what_cannot_be_seen(typed, stored):
    assert clean_name(typed) == stored


def test_clean_name_is_capped():
    assert len(clean_name("x" * 500)) == MAX_NAME_LENGTH


def test_name_key_ignores_case_accents_and_spacing():
    assert name_key("  ÁNA  müller") == name_key("ana muller") == "ana muller"
    assert name_key("Ana\u200b") == "ana"


def test_a_cyrillic_letter_makes_another_name_that_looks_the_same():
    latin, cyrillic = "Ana", "\u0410na"  # CYRILLIC CAPITAL LETTER A
    assert name_key(latin) != name_key(cyrillic)
    assert skeleton(latin) == skeleton(cyrillic)
    assert lookalikes([latin, cyrillic, "Ben"]) == {latin: [cyrillic], cyrillic: [latin]}


def test_the_same_name_twice_or_different_names_are_not_flagged():
    assert lookalikes(["Ana", "ANA", "Ben", "Bén"]) == {}
    greek = "\u0392en"  # GREEK CAPITAL LETTER BETA
    assert lookalikes(["Ben", greek]) == {"Ben": [greek], greek: ["Ben"]}
