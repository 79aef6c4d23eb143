"""Personal sign-in codes: random, readable, typed any way, stored only as a hash."""

from __future__ import annotations

import re

from classroom.people import codes


def test_a_new_code_is_two_groups_of_four_from_the_unambiguous_alphabet():
    made = {codes.new_code() for _ in range(200)}
    assert len(made) == 200  # random, not a counter
    for code in made:
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
        assert not set(code) & set("01IO")
        assert codes.looks_like_code(code)


def test_a_code_is_found_however_it_is_typed():
    assert codes.code_hash("K7M2-QP4X") == codes.code_hash(" k7m2 qp4x ") == codes.code_hash("K7M2QP4X")
    assert codes.code_hash("K7M2-QP4X") != codes.code_hash("K7M2-QP4Y")
    assert len(codes.code_hash("K7M2-QP4X")) == 64 and "K7M2" not in codes.code_hash("K7M2-QP4X")


def test_what_is_not_a_code_is_said_so():
    for typed in ["", "K7M2", "K7M2-QP4X-AAAA", "K7M2-QP4O", "ана"]:
        assert not codes.looks_like_code(typed)
