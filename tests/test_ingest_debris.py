"""Marks inside the running text go, the prose around them stays; a broadcast's closing credits go whole."""

from __future__ import annotations

import pytest

from classroom.ingest.clean import read_markdown, read_text
from classroom.ingest.debris import is_credits, strip_marks, without_underscores


def test_a_speaker_cue_opening_a_paragraph_goes_and_the_line_stays():
    assert strip_marks("VOICE ONE: Governor Alder Penwick signed the charter in 1841.") == (
        "Governor Alder Penwick signed the charter in 1841.",
        ["VOICE ONE:"],
    )
    assert strip_marks("NARRATOR: The mill closed.")[0] == "The mill closed."
    assert strip_marks("ANNOUNCER 2: The mill closed.")[0] == "The mill closed."


@pytest.mark.parametrize(
    "text",
    [
        "Q: why did the mill close?",  # one letter is no speaker
        "The VOICE ONE: cue sits in the middle here.",  # only at the start of a paragraph
        "Mayor Hollis Brandt: a life in three acts.",  # not in capitals
    ],
)
def test_text_that_only_looks_like_a_cue_stays(text):
    assert strip_marks(text)[0] == text


def test_stage_directions_go_but_an_acronym_in_parentheses_stays():
    assert strip_marks("(MUSIC)") == ("", [])
    assert strip_marks("The crowd waited. (SOUND OF BELLS) Then Tessaly Marrow spoke.")[0] == (
        "The crowd waited. Then Tessaly Marrow spoke."
    )
    assert strip_marks("The league (NORTHPACT) met in Verlow.")[0] == "The league (NORTHPACT) met in Verlow."


def test_a_gutenberg_side_head_is_taken_out_of_its_paragraph():
    text, gone = strip_marks("=The Grain Tariff.=--In 1802 the council of Dornvale raised the duty.")
    assert text == "In 1802 the council of Dornvale raised the duty."
    assert gone == ["The Grain Tariff."]
    assert strip_marks("=A Side Head.=—After it, the text.")[0] == "After it, the text."
    assert strip_marks("The sum was x = y = z in print.")[0] == "The sum was x = y = z in print."


def test_an_illustration_caption_goes_with_its_brackets():
    text, gone = strip_marks("The bank opened. [Illustration: THE OLD BANK AT KELMOOR] It failed in 1820.")
    assert text == "The bank opened. It failed in 1820."
    assert gone == ["[Illustration: THE OLD BANK AT KELMOOR]"]
    assert strip_marks("[Illustration]") == ("", ["[Illustration]"])


def test_superscript_note_marks_go_but_powers_and_units_stay():
    assert strip_marks("The act passed in 1702.¹ Only Varnholt,⁵ opposed it.³⁴")[0] == (
        "The act passed in 1702. Only Varnholt, opposed it."
    )
    assert strip_marks("The estate covered 40 km² and a debt of 10⁶ crowns.")[0] == (
        "The estate covered 40 km² and a debt of 10⁶ crowns."
    )


def test_empty_parentheses_go():
    assert strip_marks("Mayor Orrin Vale was elected ().")[0] == "Mayor Orrin Vale was elected."
    assert strip_marks("in the first years ( , ) of the guild")[0] == "in the first years of the guild"
    assert strip_marks("a ratio (1:2) stays")[0] == "a ratio (1:2) stays"


def test_a_language_tag_after_a_link_goes_but_an_editors_word_stays():
    assert (
        strip_marks("The blogger Anselm Dufay [Fr] wrote a tribute.")[0] == "The blogger Anselm Dufay wrote a tribute."
    )
    assert strip_marks("Two sites [es/EN] reported it.")[0] == "Two sites reported it."
    assert strip_marks('"Then [he] left the port," she said.')[0] == '"Then [he] left the port," she said.'
    assert strip_marks("See the [Fr](https://example.org) page.")[0] == "See the [Fr](https://example.org) page."


def test_an_encyclopedia_cross_reference_goes():
    assert strip_marks("He sailed for the colony (see NEW BRANDON), and landed in May.")[0] == (
        "He sailed for the colony, and landed in May."
    )
    assert strip_marks("the river (See also UPPER TARL) froze")[0] == "the river froze"
    assert strip_marks("the survey (see chapter 4) froze")[0] == "the survey (see chapter 4) froze"


def test_closing_credits_are_recognised_sentence_by_sentence():
    assert is_credits(
        "You have been listening to THE LONG VALLEY. Your narrators were Ada Quell and Tom Rusk. "
        "Our program was written by Perrin Hale. THE LONG VALLEY can be heard on Mondays."
    )
    assert is_credits("This program was produced by Lina Ostrova. I'm Mara Feld.")
    assert is_credits("THE LONG VALLEY -- a program in Plain English.")
    assert not is_credits("Your narrators were Ada Quell and Tom Rusk. The valley flooded in 1903.")
    assert not is_credits("The treaty was written by Perrin Hale in 1840.")
    assert not is_credits("")


def test_a_radio_script_becomes_clean_prose():
    script = (
        "THE LONG VALLEY #12 - The Flood\n\n"
        "VOICE ONE:\n\nTHE LONG VALLEY -- a program in Plain English.\n\n(MUSIC)\n\n"
        "In 1903 the river Tarl broke its banks, and Mayor Ada Quell ordered the town of Kelmoor to be moved "
        "up the hill.\n\n"
        "VOICE TWO:\n\nThe new town was finished in 1906. Its first school opened the next spring.\n\n"
        "(MUSIC)\n\n"
        "VOICE ONE:\n\nYou have been listening to THE LONG VALLEY. Your narrator was Tom Rusk. "
        "Our program was written by Perrin Hale.\n"
    )
    article = read_text(script)
    texts = [block.text for block in article.blocks]
    assert texts == [
        "In 1903 the river Tarl broke its banks, and Mayor Ada Quell ordered the town of Kelmoor to be moved up "
        "the hill.",
        "The new town was finished in 1906. Its first school opened the next spring.",
    ]
    assert "VOICE ONE:" in article.removed
    assert any(text.startswith("You have been listening") for text in article.removed)


def test_marks_in_markdown_go_as_well():
    article = read_markdown("# Dornvale\n\nThe charter of 1702 was the first.¹ Its author (see VARNHOLT) fled.\n")
    assert [block.text for block in article.blocks] == ["The charter of 1702 was the first. Its author fled."]


def test_underscore_italics_of_plain_text_lose_their_underscores():
    assert without_underscores("A _Memoir_ of Ada Quell and the _Report on Grain_ appeared.") == (
        "A Memoir of Ada Quell and the Report on Grain appeared."
    )
    assert without_underscores("the file field_name and a lone _ stay") == "the file field_name and a lone _ stay"
    article = read_text("Dornvale\n\nIn 1790 the council printed its _Report on Grain_ for every parish.\n")
    assert [b.text for b in article.blocks] == ["In 1790 the council printed its Report on Grain for every parish."]
