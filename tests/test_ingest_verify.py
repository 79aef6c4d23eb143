"""The never-invent pass: every drafted date, pair and question is checked against its sentence.

The sentences are written for these tests; each one is a way an importer can
put words in a text's mouth.
"""

from __future__ import annotations

import pytest

from classroom.ingest import ArticleError, draft_course
from classroom.ingest.draft import PassageFindings
from classroom.ingest.extract_dates import DateMention, find_dates
from classroom.ingest.extract_people import RoleMention
from classroom.ingest.nlp import language_of
from classroom.ingest.split import sentences
from classroom.ingest.verify import date_problem, question_problem, role_problem, verify_findings


def role(sentence: str, name: str, office: str, written: str | None = None) -> RoleMention:
    written = written or name
    at = sentence.find(written)
    return RoleMention(name, written, office, office, (office,), sentence, at, at + len(written), None, None, None, "t")


def test_a_date_whose_year_only_a_later_sentence_gives_is_dropped():
    passage = "On 6 November the guns fell silent. The last troops sailed home on 22 December 1956."
    borrowed = DateMention("6 November", 3, 13, "1956-11-06", inferred_year=True)
    assert date_problem(borrowed, passage) == (
        "the year 1956 is not written in it nor in a date before it in this section"
    )
    assert date_problem(borrowed, passage, earlier="The crisis began on 26 July 1956.") is None


def test_a_date_must_be_the_passages_own_words():
    passage = "The treaty was signed in May 1949."
    assert date_problem(DateMention("June 1949", 24, 33, "1949-06"), passage) == "its words are not in the passage"
    assert date_problem(DateMention("May 1949", 25, 33, "1949-06"), passage) is not None  # month says May
    assert date_problem(DateMention("May 1949", 25, 33, "1949-05"), passage) is None


def test_a_day_and_month_take_no_year_from_a_later_date_or_a_decade():
    assert find_dates("On 6 November the guns fell silent. Troops sailed home on 22 December 1956.")[0].text == (
        "22 December 1956"
    )
    dates = find_dates("Plans from the early 1940s were dusted off. On 5 July the army crossed the river.")
    assert [(d.text, d.date) for d in dates] == [("the early 1940s", "1940")]


def test_a_day_and_month_take_the_year_of_the_last_full_date_before_them():
    text = "The company dates from 1869. It was seized on 26 July 1956. Talks opened on 9 September."
    assert find_dates(text)[-1].date == "1956-09-09"
    assert find_dates("Talks opened on 9 September.", earlier=[1956])[0].date == "1956-09-09"
    assert find_dates("Built in 1869, the canal was seized. Talks opened on 9 September.", earlier=[1956]) == [
        DateMention("1869", 9, 13, "1869")
    ]  # the passage's own bare year disagrees with the section's: left open


def test_day_spans_winters_and_month_ranges():
    assert [(d.date, d.until) for d in find_dates("The leaders met from February 4–11, 1945, at Yalta.")] == [
        ("1945-02-04", "1945-02-11")
    ]
    assert [(d.date, d.until) for d in find_dates("Food ran short in the winter of 1946–1947.")] == [
        ("1946-12", "1947-02")
    ]
    got = find_dates("Talks began on 26 July 1956. Between August and October the sides argued.")
    assert [(d.date, d.until) for d in got][-1] == ("1956-08", "1956-10")
    assert [(d.date, d.until, d.vague) for d in find_dates("Traders came in the early 1800s.")] == [
        ("1800", "1833", True)
    ]


def test_a_surname_two_people_share_is_not_guessed():
    sentence = "In October 1962 President Kennedy spoke on television."
    people = ["John F. Kennedy", "Robert Kennedy"]
    problem, _ = role_problem(role(sentence, "Kennedy", "President"), None, people)
    assert problem == "“Kennedy” may be any of John F. Kennedy, Robert Kennedy"
    guessed = role(sentence, "Robert Kennedy", "President", written="Kennedy")
    assert role_problem(guessed, None, people)[0] is not None
    assert role_problem(guessed, None, ["Robert Kennedy"])[0] is None


def test_an_office_far_from_the_name_and_unlinked_is_dropped():
    sentence = "President Eisenhower waited for days, and in the end Nikita Khrushchev answered the letter."
    problem, _ = role_problem(role(sentence, "Nikita Khrushchev", "President"), None, [])
    assert problem == "the sentence does not link Nikita Khrushchev to the office “President”"
    assert role_problem(role(sentence, "Eisenhower", "President"), None, [])[0] is None


def test_an_apposition_links_the_office_through_the_parse():
    sentence = "Robert McNamara, who had run a car company before he came to Washington, was the Secretary of Defense."
    assert role_problem(role(sentence, "Robert McNamara", "Secretary of Defense"), None, [])[0] is None


def test_a_name_written_twice_is_linked_where_the_office_is():
    sentence = "Ada Lind and Omar Quist backed the rising, with Omar Quist becoming the Foreign Minister in 1967."
    at = sentence.rfind("Omar Quist")
    quist = RoleMention(
        "Omar Quist", "Omar Quist", "Foreign Minister", "Foreign Minister", ("Foreign Minister",), sentence,
        at, at + 10, None, None, None, "parse",
    )  # fmt: skip
    assert role_problem(quist, None, [])[0] is None
    problem, _ = role_problem(role(sentence, "Ada Lind", "Foreign Minister"), None, [])
    assert problem == "the sentence does not link Ada Lind to the office “Foreign Minister”"


def test_he_must_point_back_to_the_sentence_before():
    sentence = "He became Foreign Secretary."
    ok = role(sentence, "Ernest Bevin", "Foreign Secretary", written="He")
    assert role_problem(ok, "Ernest Bevin led the union.", [])[0] is None
    problem, _ = role_problem(ok, "The union grew quickly.", [])
    assert problem == "“He” may not mean Ernest Bevin: the sentence before does not name them"


def test_the_office_must_be_written_in_the_sentence():
    problem, _ = role_problem(role("Clement Attlee led the party.", "Clement Attlee", "Prime Minister"), None, [])
    assert problem == "the office “Prime Minister” is not written in the sentence"


def test_verify_findings_keeps_what_holds_and_reports_what_does_not():
    text = "On 6 November the fighting stopped. Anthony Eden, the Prime Minister, resigned on 9 January 1957."
    dates = (DateMention("6 November", 3, 13, "1957-11-06", inferred_year=True), *find_dates(text))
    parts = tuple(sentences(text))
    eden = role(parts[1].text, "Anthony Eden", "Prime Minister")
    findings = (PassageFindings("p1", text, parts, dates, (eden,)),)
    kept, dropped = verify_findings(findings, "x-1", ["Anthony Eden"])
    assert [d.text for d in kept[0].dates] == ["9 January 1957"]
    assert kept[0].roles == (eden,)
    assert [(d.kind, d.what, d.source) for d in dropped] == [("date", "6 November → 1957-11-06", "x-1#p1")]


def test_feedback_may_only_name_offices_the_text_gives_that_person():
    question = {
        "id": "role-1",
        "kind": "text",
        "ask": "Which office did Robert Kennedy hold, according to the text?",
        "accept": ["Attorney General"],
        "feedback": {"President": "held that office too"},
    }
    passage = "Robert Kennedy served as Attorney General."
    held = {"robert kennedy": {"attorney general"}}
    assert question_problem(question, passage, passage, held) == (
        "the feedback names “President”, an office the text does not give Robert Kennedy"
    )
    assert question_problem(question, passage, passage, {"robert kennedy": {"attorney general", "president"}}) is None


def test_a_drafted_course_reports_what_it_kept():
    text = (
        "The crisis\n\nOn 26 July 1956 President Gamal Abdel Nasser of Egypt took over the canal company, and "
        "the governments in London and Paris were outraged by the move. Anthony Eden, the British Prime "
        "Minister, resigned in January 1957 after the failure of the landings.\n\nThe United Nations sent "
        "a force to the canal in November 1956, and the last British troops left in December 1956 while "
        "the canal stayed closed to shipping until the spring of the next year."
    )
    course = draft_course(text, "crisis.txt")
    report = course.report
    assert report.language == "en"
    assert report.kept_dates == len(course.dates()) >= 4
    assert report.kept_roles == len(course.roles()) >= 2
    assert report.kept_questions == len(course.questions())
    assert "kept" in report.summary()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "French",
            "La crise de Suez commence le 26 juillet 1956, lorsque le président égyptien Nasser nationalise la "
            "compagnie du canal. Le Royaume-Uni et la France préparent alors une intervention militaire avec "
            "Israël, qui attaque le Sinaï à la fin du mois d'octobre.",
        ),
        (
            "German",
            "Die Suezkrise begann am 26. Juli 1956, als der ägyptische Präsident Nasser die Kanalgesellschaft "
            "verstaatlichte. Großbritannien und Frankreich bereiteten daraufhin gemeinsam mit Israel einen "
            "Angriff vor, der Ende Oktober auf der Halbinsel Sinai begann.",
        ),
    ],
)
def test_an_article_in_another_language_gets_a_clear_message(language, text):
    with pytest.raises(ArticleError, match=f"written in {language}, not English"):
        draft_course(text, "suez.txt")


def test_a_feast_writes_its_month_and_day():
    passage = "By Christmas 1919 the last ship had sailed home."
    (mention,) = find_dates(passage)
    assert mention.date == "1919-12-25"
    assert date_problem(mention, passage) is None


def test_coordinated_titles_are_linked_to_each_name():
    sentence = "Prime Ministers Clement Attlee and Winston Churchill met at the palace."
    for name in ("Clement Attlee", "Winston Churchill"):
        mention = RoleMention(
            name, name, "Prime Ministers", "Prime Minister", ("Prime Minister",), sentence, 0, len(sentence),
            None, None, None, "coordinated titles",
        )  # fmt: skip
        assert role_problem(mention, None, [])[0] is None


def test_a_listed_holder_of_a_plural_title_is_checked_against_the_singular_office():
    sentence = "The board had only two deputy treasuries: Ana Ruiz (1901-1915) and Tomas Ek (1915-1940)."
    for name in ("Ana Ruiz", "Tomas Ek"):
        mention = RoleMention(
            name, name, "deputy treasury", "deputy treasury", ("deputy treasury",), sentence, 0, len(sentence),
            None, None, None, "listed",
        )  # fmt: skip
        assert role_problem(mention, None, [])[0] is None
    other = RoleMention(
        "Ana Ruiz", "Ana Ruiz", "governor", "governor", ("governor",), sentence, 0, len(sentence),
        None, None, None, "listed",
    )  # fmt: skip
    assert role_problem(other, None, [])[0] is not None


def _text_question(ask: str, accept: list[str]) -> dict:
    return {"id": "q-1", "kind": "text", "ask": ask, "accept": accept}


def test_a_question_with_a_hole_left_by_a_cut_is_refused():
    from classroom.ingest.verify import wording_problem

    assert wording_problem(_text_question("In which year did this happen: Port Elms ( )?", ["x"])) == (
        "“In which year did this happen: Port Elms ( )?” has empty brackets"
    )
    unclosed = _text_question("In which year did this happen: The pact (or the Accord of Elms…?", ["x"])
    assert "unclosed bracket or quote" in (wording_problem(unclosed) or "")
    assert "unclosed" in (wording_problem(_text_question("Who signed “the accord?", ["x"])) or "")
    stray = _text_question("In which year did this happen: The envoy , signed the accord?", ["x"])
    assert "punctuation left over" in (wording_problem(stray) or "")
    assert "punctuation left over" in (wording_problem(_text_question("Which office?", ["Governor ,"])) or "")
    order = {"kind": "order", "ask": "Order these.", "items": [", and the fleet sailed"]}
    assert "punctuation left over" in (wording_problem(order) or "")


def test_a_well_formed_question_passes_the_wording_check():
    from classroom.ingest.verify import wording_problem

    fine = _text_question("Which office did Ada Lind (1820–1881) hold in “the old republic”?", ["Consul"])
    assert wording_problem(fine) is None
    typo = _text_question("In which year did this happen: The song —”Red Sky”— was sung?", ["x"])
    assert wording_problem(typo) is None  # a closing quote typed for an opening one still pairs
    assert wording_problem(_text_question("What did the treaty of c. 1850 say?", ["A truce"])) is None


def test_a_name_spacy_reads_as_a_body_is_a_person_after_its_title_or_before_who():
    from spacy.tokens import Span

    from classroom.ingest.nlp import english
    from classroom.ingest.verify import _name_problem

    sentence = "The port was opened by Consul General Edwin Hartley and the mayor."
    doc = english()(sentence)
    at = sentence.index("Edwin")
    title = (sentence.index("Consul"), sentence.index(" Edwin"))
    doc.ents = [Span(doc, 5, 9, label="ORG")]  # "Consul General Edwin Hartley" read whole as a body
    assert _name_problem(doc, "Edwin Hartley", at, [title]) == ""
    assert _name_problem(doc, "Edwin Hartley", at, []) == "“Edwin Hartley” reads as a org, not a person"
    bank = "The loan was made by Consul General Hartley Bank and the mayor."
    doc = english()(bank)
    doc.ents = [Span(doc, 5, 9, label="ORG")]
    problem = _name_problem(
        doc, "Hartley Bank", bank.index("Hartley"), [(bank.index("Consul"), bank.index(" Hartley"))]
    )
    assert problem == "“Hartley Bank” reads as a org, not a person"
    place = "Ada Lind, who led the talks, came from Norland."
    doc = english()(place)
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    assert _name_problem(doc, "Ada Lind", 0) == ""
    doc.ents = [Span(doc, 0, 2, label="GPE")]  # only a body is overruled, never a place
    assert _name_problem(doc, "Ada Lind", 0) == "“Ada Lind” reads as a gpe, not a person"


def test_a_won_presidency_is_checked_against_the_contest_the_sentence_names():
    from dataclasses import replace

    from classroom.ingest.extract_people import WON_PRESIDENCY

    won = "A general strike forced a snap presidential election in 1990 won by HAN Mi-rae."
    assert role_problem(replace(role(won, "HAN Mi-rae", "president"), how=WON_PRESIDENCY), None, [])[0] is None
    far = "HAN Mi-rae later noted a presidential election in 1990."
    assert role_problem(replace(role(far, "HAN Mi-rae", "president"), how=WON_PRESIDENCY), None, [])[0]
    nothing = "HAN Mi-rae won the vote for the city council in 1990."
    assert role_problem(replace(role(nothing, "HAN Mi-rae", "president"), how=WON_PRESIDENCY), None, [])[0]


def test_a_name_with_its_surname_in_capitals_read_as_a_body_is_still_a_person():
    from spacy.tokens import Span

    from classroom.ingest.nlp import english
    from classroom.ingest.verify import _name_problem

    sentence = "The vote was won by HAN Mi-rae in the spring."
    doc = english()(sentence)
    name = doc.char_span(sentence.index("HAN"), sentence.index(" in the"))
    doc.ents = [Span(doc, name.start, name.end, label="ORG")]  # spaCy reads the capitals as an acronym
    assert _name_problem(doc, "HAN Mi-rae", sentence.index("HAN")) == ""
    body = "The vote was won by NATO Alliance in the spring."
    doc = english()(body)
    span = doc.char_span(body.index("NATO"), body.index(" in the"))
    doc.ents = [Span(doc, span.start, span.end, label="ORG")]
    assert _name_problem(doc, "NATO Alliance", body.index("NATO"))


def test_he_must_be_the_subject_of_the_sentence_before_or_the_only_person_before_it():
    sentence = "She became foreign minister in 1950."
    she = role(sentence, "Ada Lind", "foreign minister", written="She")
    assert role_problem(she, "Ada Lind was born in Velmar in 1901.", [])[0] is None
    problem, _ = role_problem(she, "The mill of Karl Berg hired Ada Lind in 1920.", [])
    assert problem == "“She” may not mean Ada Lind: the sentence before does not make them its subject"
    same = "Because Ada Lind had lost the vote, she resigned as foreign minister in 1950."
    assert role_problem(role(same, "Ada Lind", "foreign minister", written="she"), None, [])[0] is None
    two = "When Karl Berg met Ada Lind in 1950, she resigned as foreign minister."
    assert role_problem(role(two, "Ada Lind", "foreign minister", written="she"), None, [])[0]


def test_a_verb_chain_an_apposition_before_as_and_a_joined_office_link_the_name():
    chain = "Ada Lind went on to serve as foreign minister under Karl Berg."
    assert role_problem(role(chain, "Ada Lind", "foreign minister"), None, [])[0] is None
    first = "Ada Lind was the first woman to serve as prime minister of Ostria."
    assert role_problem(role(first, "Ada Lind", "prime minister"), None, [])[0] is None
    rival = "Ada Lind's old rival from the south went on to serve as foreign minister under Karl Berg."
    assert role_problem(role(rival, "Ada Lind", "foreign minister"), None, [])[0]
    apposed = "The king named Ada Lind, his deputy at the council, as foreign minister in 1950."
    assert role_problem(role(apposed, "Ada Lind", "foreign minister"), None, [])[0] is None
    joined = "Ada Lind, who was Secretary of State and then Secretary of War under Karl Berg, died in 1937."
    assert role_problem(role(joined, "Ada Lind", "Secretary of War"), None, [])[0] is None


def test_a_name_led_by_a_military_rank_read_as_a_body_is_still_a_person():
    from spacy.tokens import Span

    from classroom.ingest.nlp import english
    from classroom.ingest.verify import _name_problem

    sentence = "The king named Lieutenant General Ada Lind as foreign minister."
    doc = english()(sentence)
    name = doc.char_span(sentence.index("Lieutenant"), sentence.index(" as foreign"))
    doc.ents = [Span(doc, name.start, name.end, label="ORG")]
    assert _name_problem(doc, "Lieutenant General Ada Lind", sentence.index("Lieutenant")) == ""
    body = "The king named General Motors as supplier."
    doc = english()(body)
    span = doc.char_span(body.index("General"), body.index(" as supplier"))
    doc.ents = [Span(doc, span.start, span.end, label="ORG")]
    assert _name_problem(doc, "General Motors", body.index("General"))


# A made-up English report quoting a made-up French writer: two long quotes, each translated after it.
_QUOTED_FRENCH = (
    "The Velmar Weekly\n\n"
    "On Monday the radio of Ostria announced that the old governor of the coast had died in a clinic abroad, "
    "after thirty years in which the province saw neither a new road nor a new school.\n\n"
    "The writer Lise Marnot, who keeps a diary online, was not moved by the news and wrote at length:\n\n"
    "Nous avons attendu ce jour pendant trente ans, et maintenant que le vieux gouverneur est parti, personne "
    "ne sait qui prendra sa place ni si les routes seront enfin construites dans nos villages oubliés.\n\n"
    "We waited for this day for thirty years, and now that the old governor is gone, nobody knows who will "
    "take his place or whether the roads will at last be built in our forgotten villages.\n\n"
    "She ended her post with a question about the elections that the province was promised long ago:\n\n"
    "Les élections auront-elles lieu cette année, ou bien le fils du gouverneur recevra-t-il la province "
    "comme on reçoit une vieille maison de famille, sans demander l'avis de ceux qui y vivent ?\n\n"
    "Will the elections take place this year, or will the governor's son receive the province the way one "
    "receives an old family house, without asking the opinion of those who live in it?\n\n"
    "Another reader, Paul Verne, left a long comment in French under her post, which we do not translate:\n\n"
    "Je me souviens de l'arrivée du gouverneur, quand j'étais encore un enfant, et de la fête sur la place du "
    "marché avec les drapeaux et la musique. Mon père disait que tout allait changer, que les écoles seraient "
    "ouvertes dans chaque village et que les pêcheurs auraient enfin un vrai port. Aujourd'hui mon père est "
    "mort, les écoles sont toujours fermées, le port n'existe que sur les cartes du ministère, et les jeunes "
    "partent tous vers la capitale ou vers l'étranger pour trouver du travail. Je ne pleurerai pas ce "
    "gouverneur, mais je ne crois pas non plus que son départ changera quelque chose pour nous.\n"
)


def test_an_english_report_quoting_french_with_translations_is_read_as_english():
    assert language_of(_QUOTED_FRENCH)[0] == "fr"  # most of the words are French: the paragraphs decide
    course = draft_course(_QUOTED_FRENCH, "velmar.txt")
    assert course.report.language == "en"


def test_a_french_page_with_a_few_english_lines_is_still_refused():
    french = (
        "La crise du port de Velmar commence au printemps, lorsque le conseil de la ville ferme les quais aux "
        "bateaux étrangers et double les taxes sur le sel et sur le grain.\n\n"
        "Les marchands protestent pendant tout l'été, et plusieurs familles quittent la ville pour les "
        "villages de la côte, où la vie est moins chère et le travail plus facile à trouver.\n\n"
        "Un voyageur anglais écrit alors dans son journal une phrase que les habitants citent encore :\n\n"
        "The harbour of Velmar is the saddest place I have seen on this whole long coast of the south.\n\n"
        "À l'automne, le conseil rouvre enfin les quais, mais la moitié des marchands ne reviennent jamais, et "
        "la ville perd pour longtemps sa place dans le commerce de la région.\n"
    )
    with pytest.raises(ArticleError, match="written in French, not English"):
        draft_course(french, "velmar.txt")


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor Ada Lind named Omar Quist -- a banker -- as her new minister of finance.",
        "Ada Lind named Omar Quist, a banker, as minister of finance.",
        "In 1920 Ada Lind appointed Omar Quist as Secretary of the Navy.",
    ],
)
def test_the_one_who_appoints_does_not_hold_the_office(sentence):
    office = "Secretary of the Navy" if "Navy" in sentence else "minister of finance"
    problem, _ = role_problem(role(sentence, "Ada Lind", office), None, [])
    assert problem is not None
    assert role_problem(role(sentence, "Omar Quist", office), None, [])[0] is None


def test_a_bare_title_goes_when_the_article_gives_the_same_persons_full_office():
    text = (
        "The Velmar treaty\n\n"
        "In 1841 Secretary of State Karl Berg met the envoy of Ostria at the river port of Arden, and the two men"
        " drew a new border line across the marshes.\n\n"
        "The governor of the coast was cool to the plan. Secretary Berg answered him in a long letter, and the"
        " council of Velmar approved the treaty in the spring of 1842."
    )
    course = draft_course(text, "velmar.txt")
    offices = {(r.name, r.office) for _, r in course.roles()}
    assert ("Karl Berg", "Secretary of State") in offices and ("Karl Berg", "Secretary") not in offices
    [bare] = [d for d in course.report.dropped if d.what == "Karl Berg: Secretary"]
    assert "full office" in bare.reason


def test_an_office_ending_a_fronted_phrase_does_not_belong_to_the_subject():
    sentence = "Acting on a plea from the Foreign Minister, Ada Lind sailed home."
    assert role_problem(role(sentence, "Ada Lind", "Foreign Minister"), None, [])[0] is not None
    as_phrase = "As Foreign Minister, Ada Lind sailed home."
    assert role_problem(role(as_phrase, "Ada Lind", "Foreign Minister"), None, [])[0] is None


def test_a_vague_part_cut_from_a_range_of_parts_is_refused():
    passage = "The mill at Arden belongs to the early-to-mid 19th century."
    start = passage.index("mid 19th")
    cut = DateMention("mid 19th century", start, start + len("mid 19th century"), "1834", "1866", vague=True)
    assert date_problem(cut, passage) is not None
    whole = DateMention(
        "the early-to-mid 19th century", passage.index("the early"), len(passage) - 1, "1800", "1866", vague=True
    )
    assert date_problem(whole, passage) is None


def test_a_year_in_words_is_supported_by_its_words():
    passage = "Karl Berg came back to Arden during the autumn of eighteen-hundred-forty-six."
    start = passage.index("the autumn")
    right = DateMention(passage[start:-1], start, len(passage) - 1, "1846")
    assert date_problem(right, passage) is None
    assert date_problem(DateMention(passage[start:-1], start, len(passage) - 1, "1847"), passage) is not None


def test_a_day_in_words_is_supported_by_its_words():
    passage = "The charter was sealed on the twentieth day of June, 1632."
    start = passage.index("the twentieth")
    assert date_problem(DateMention(passage[start:-1], start, len(passage) - 1, "1632-06-20"), passage) is None
    assert date_problem(DateMention(passage[start:-1], start, len(passage) - 1, "1632-06-21"), passage) is not None
