"""Drafting questions: a date is asked only where the label is its own event (sentences written for these tests)."""

from __future__ import annotations

import re

from classroom.content.models import ChoiceQuestion, DateQuestion, OrderQuestion
from classroom.ingest import draft_course


def _questions(text: str) -> list:
    course = draft_course(text, "test.txt", fmt="txt")
    return [q for _, q in course.questions()]


def _date_answers(text: str) -> dict[str, str]:
    return {q.answer: q.ask for q in _questions(text) if isinstance(q, DateQuestion)}


PORTS = (
    "The navy opened new coaling stations along the northern coast over the following decades of the century. "
    "New stations opened in these harbours: Dunmore (1871); Kelby (1874); Sandholm (1880); Orrin (1886). "
    "The admiralty named Vice Admiral Ruth Calder to inspect them in March 1890, and she reported in May 1891."
)


def test_a_year_in_brackets_after_a_name_gets_no_question_and_leaves_no_hole():
    answers = _date_answers(PORTS)
    assert not {"1871", "1874", "1880", "1886"} & set(answers)
    assert "1890-03" in answers  # the running sentence is still asked
    for question in _questions(PORTS):
        assert "( )" not in question.ask and "()" not in question.ask
        if isinstance(question, OrderQuestion):
            assert all("(" not in item for item in question.items)


def test_a_date_in_a_parenthesis_or_a_relative_clause_is_not_asked_as_the_main_clause_date():
    text = (
        "The minister's fall in 1921, together with the strikes and the debts of the cities (which had borrowed "
        "heavily since 1915), shook the cabinet for a long time. "
        "Trade resumed on 2 May 1926, when the harbour board, which had run the docks since 1919, was dissolved "
        "by the assembly of the province."
    )
    answers = _date_answers(text)
    assert "1921" in answers and "1926-05-02" in answers
    assert "1915" not in answers and "1919" not in answers


def test_several_dates_that_share_one_label_are_not_asked():
    text = (
        "The charter failed to stop the wars of the period, as in the northern raid in 1911, the river war in "
        "1913 and the coastal blockade in 1916, which all went ahead. "
        "The charter itself was signed in the capital on 4 June 1908 by eleven delegations."
    )
    answers = _date_answers(text)
    assert not {"1911", "1913", "1916"} & set(answers)
    assert "1908-06-04" in answers


def test_a_date_is_not_drafted_as_an_outcome():
    text = (
        "The long siege of the port began in the spring after the harvest failed in every valley. "
        "The siege ended in 1744 with the garrison marching out under arms and flags. "
        "The town was rebuilt slowly by the merchants who returned over the next years."
    )
    for question in _questions(text):
        if isinstance(question, ChoiceQuestion):
            assert not any(option[:1].isdigit() for option in question.options), question


def test_a_date_given_as_the_value_of_a_field_is_not_asked():
    text = (
        "The company kept warehouses in three river towns during the long years of the grain trade. "
        "Kelby: Earliest date: June 2, 1874. Latest date: May 9, 1880. "
        "Colonized in the seventeenth century by traders, the town of Orrin received its charter on 3 March 1836."
    )
    answers = _date_answers(text)
    assert "1874-06-02" not in answers and "1880-05-09" not in answers
    assert "1836-03-03" in answers  # a vague century in the same clause does not stop the question


def test_two_days_joined_by_and_are_not_asked_as_a_start():
    text = (
        "The new envoy reached the capital late in the year after a slow voyage along the coast. "
        "He presented his letters sometime between October 23 and 27, 1837, to the foreign minister. "
        "The talks of the two governments lasted from 2–9 May 1838 in the old palace."
    )
    answers = _date_answers(text)
    assert "1837-10-23" not in answers
    assert "1838-05-02" in answers  # a written span of days keeps its question


def _date_labels(text: str) -> dict[str, str]:
    """Answer -> the label the question asks about (the text after "did this happen: ")."""
    return {answer: ask.split(": ", 1)[1].rstrip("?") for answer, ask in _date_answers(text).items()}


def test_a_date_in_a_subordinate_clause_is_asked_about_that_clause_not_the_main_one():
    text = (
        "The guild kept its old charter although the town council revoked it in 1702. "
        "When the harbour flooded in 1734, the merchants moved their stores inland to the hill. "
        "Two new bridges were opened to traffic in 1751 after the river had been widened."
    )
    labels = _date_labels(text)
    assert labels["1702"] == "The town council revoked it"
    assert labels["1734"] == "The harbour flooded"
    assert labels["1751"].startswith("Two new bridges were opened to traffic")  # the date is in the main clause


def test_a_date_in_a_participle_phrase_is_not_asked_as_the_main_clause_date():
    text = (
        "The old mill, rebuilt in 1788 by the second owner, ground grain for the whole valley for a century. "
        "The canal company dug a new channel to the sea in May 1790 with four hundred workers."
    )
    answers = _date_answers(text)
    assert "1788" not in answers
    assert "1790-05" in answers


def test_a_date_cut_out_of_the_middle_of_a_phrase_leaves_no_stray_comma():
    text = (
        "In a June 5, 1912, letter to the governors, the engineer Mara Holt proposed a railway along the coast. "
        "Rebuilt in 1820, the chapel served the village for a long time after the fire. "
        "The envoy reached the port and, on 3 April 1833, signed the trade agreement with the local council. "
        "The treaty was drafted in the autumn, and the assembly ratified it in March of the same year. "
        "By May 1858, however, the trade between the two ports had recovered under the new governor."
    )
    asks = [q.ask for q in _questions(text) if isinstance(q, DateQuestion)]
    assert asks, "the sentences should still give date questions"
    for ask in asks:
        label = ask.split(": ", 1)[1]
        assert not re.search(r"\b(?:a|an|the|and)\s*,|^\w+,|of the same year|^However", label), ask


def test_a_label_that_is_only_a_name_is_not_asked():
    text = (
        "The treaty was signed by Norland, Estmark, Vesterby, and, on 27 August 1921, the Union of Southern Isles. "
        "The union's assembly met in the capital on 2 March 1922 to approve the treaty."
    )
    answers = _date_labels(text)
    assert "1922-03-02" in answers
    assert all(not re.fullmatch(r"(?:The\s+)?(?:[A-Z]\w+\s*(?:of\s+)?)+", label) for label in answers.values())


def test_a_date_of_a_condition_or_the_object_of_a_noun_is_not_asked():
    text = (
        "The weavers threatened to strike if their wages were not raised by Easter 1877. "
        "The guild's income for 1879 was twice that of the year before, the ledgers show. "
        "The weavers' hall was opened in the market square on 9 October 1880 by the mayor."
    )
    answers = _date_answers(text)
    assert "1877" not in answers and "1879" not in answers
    assert "1880-10-09" in answers


def test_a_comma_closing_an_apposition_stays_when_a_date_between_commas_is_cut():
    text = "The consul informed the envoy, Marta Lind, on 28 March 1845, that the port would be closed to all ships."
    labels = _date_labels(text)
    assert labels["1845-03-28"].startswith("The consul informed the envoy, Marta Lind, that the port")


def test_a_label_cut_down_to_a_name_is_not_asked():
    text = (
        "Four states signed the accord in the spring: Norland, Estmark, Vesterby, and, on 27 August 1921, "
        "the United Isles. The assembly of the union met in the capital on 2 March 1922 to approve it."
    )
    labels = _date_labels(text)
    assert "1922-03-02" in labels
    assert "1921-08-27" not in labels or re.search(r"\b[a-z]{3,}", labels["1921-08-27"].replace("the ", ""))


def test_a_label_cut_before_its_main_verb_is_not_asked():
    # The date sits in a long opening phrase; cut to the label's length, the label would stop before "voted".
    long_opening = (
        "Worried by the long drought, the failed harvests and the rising price of bread in the river towns in the "
        "winter of 1846, the assembly of the northern provinces voted a grain fund for every town."
    )
    short_opening = "In the winter of 1846 the assembly of the northern provinces voted a grain fund for every town."
    assert "1846" not in _date_answers(long_opening)
    assert _date_answers(short_opening)["1846"].endswith(
        ": The assembly of the northern provinces voted a grain fund for every town?"
    )
