"""Importer extraction units: dates, periods, vague periods, people and offices, each with the precision written."""

from __future__ import annotations

import pytest

from classroom.ingest.extract_dates import find_dates
from classroom.ingest.extract_people import NameBook, clean_name, find_roles, names_an_office
from classroom.ingest.split import sentences


def only_date(text: str):
    found = find_dates(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "date"),
    [
        ("In 1991 the Soviet Union broke up.", "1991", "1991"),
        ("Seven countries joined in March 2004.", "March 2004", "2004-03"),
        ("In March of 2004 seven countries joined.", "March of 2004", "2004-03"),
        ("On 4 April 1949 twelve countries signed.", "4 April 1949", "1949-04-04"),
        ("It was signed on April 4, 1949, in Washington.", "April 4, 1949", "1949-04-04"),
        ("The 4th of April 1949 was a Monday.", "4th of April 1949", "1949-04-04"),
        ("Gorbachev resigned on Dec. 25, 1991.", "Dec. 25, 1991", "1991-12-25"),
        ("The record gives 1949-04-04.", "1949-04-04", "1949-04-04"),
        ("In late July 1948 Tunner took charge.", "late July 1948", "1948-07"),
        ("It was finished in the autumn of 1948.", "the autumn of 1948", "1948"),
        ("The 1997 Founding Act was signed in Paris.", "1997", "1997"),
        ("The revolutions of 1848 failed.", "1848", "1848"),
    ],
)
def test_point_dates_keep_the_precision_they_are_written_with(text, written, date):
    mention = only_date(text)
    assert (mention.text, mention.date, mention.until, mention.vague) == (written, date, None, False)


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("He was Foreign Minister from 1996 to 1998.", "from 1996 to 1998", "1996", "1998"),
        ("From January 1996 to September 1998 he ran it.", "From January 1996 to September 1998", "1996-01", "1998-09"),
        ("He ruled between 1945 and 1951.", "between 1945 and 1951", "1945", "1951"),
        ("The Crimean War of 1853–1856 did occur.", "1853–1856", "1853", "1856"),
        ("His term, 1945-51, was short.", "1945-51", "1945", "1951"),
        ("It lasted 1939 to 1945.", "1939 to 1945", "1939", "1945"),
        ("It ran from May to September 1998.", "from May to September 1998", "1998-05", "1998-09"),
        (
            "Between August and November 1948 they built Tegel.",
            "Between August and November 1948",
            "1948-08",
            "1948-11",
        ),
        ("The landings of 5–6 November 1956 failed.", "5–6 November 1956", "1956-11-05", "1956-11-06"),
        ("The talks of March–May 1954 came to nothing.", "March–May 1954", "1954-03", "1954-05"),
    ],
)
def test_periods_have_a_start_and_an_end(text, written, start, end):
    mention = only_date(text)
    assert (mention.text, mention.date, mention.until, mention.vague) == (written, start, end, False)


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("Things changed in the early 1990s.", "the early 1990s", "1990", "1993"),
        ("By the mid-1990s it was clear.", "the mid-1990s", "1994", "1996"),
        ("Further agreements followed in the late 1850s.", "the late 1850s", "1857", "1859"),
        ("By the 1980s the state was in debt.", "the 1980s", "1980", "1989"),
        ("Industry grew in the 19th century.", "the 19th century", "1800", "1899"),
        ("It began in the late eighteenth century.", "the late eighteenth century", "1767", "1799"),
        ("Mills spread from the early nineteenth century.", "the early nineteenth century", "1800", "1833"),
        ("Cotton ruled the mid-nineteenth century market.", "the mid-nineteenth century", "1834", "1866"),
    ],
)
def test_vague_periods_stay_vague(text, written, start, end):
    mention = only_date(text)
    assert (mention.text, mention.date, mention.until, mention.vague) == (written, start, end, True)


def test_a_day_without_a_year_takes_the_year_of_its_passage():
    text = "Paratroopers landed on 5 November 1956. A ceasefire took effect on 6 November, and by mid-November it held."
    found = {m.text: m for m in find_dates(text)}
    assert found["6 November"].date == "1956-11-06" and found["6 November"].inferred_year
    assert found["mid-November"].date == "1956-11"
    assert not found["5 November 1956"].inferred_year


def test_a_period_across_two_years_lends_no_year_to_a_month_after_it():
    text = "The siege of 1811–12 ended the war. The talks began in August at the river fort."
    assert [m.text for m in find_dates(text)] == ["1811–12"]  # August of 1811 or of 1812: the text does not say
    text = "The army wintered from October 1811 to March 1812. In May it marched north."
    assert [m.text for m in find_dates(text)] == ["from October 1811 to March 1812"]
    text = "The siege of 1811 ended the war. The talks began in August at the river fort."
    assert {m.text: m.date for m in find_dates(text)}["August"] == "1811-08"  # one year before it: that year


def test_a_day_without_any_year_nearby_is_not_a_date():
    assert find_dates("The ceasefire took effect on 6 November.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The crews flew almost 1,400 missions.",
        "About 1500 soldiers crossed the river.",
        "See page 1948 of the report.",
        "May I ask a question?",
        "A confederation of 39 states replaced it.",
        "It weighed 12,941 tons.",
        "Nobody remembers 31 June 1950.",
        "Open the picture Treaty1919b.png to see it.",
        "The file scan2004.pdf holds the minutes.",
    ],
)
def test_numbers_that_only_look_like_dates_are_ignored(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("The envoys met on 3 and 4 October 1989 in the capital.", "3 and 4 October 1989", "1989-10-03", "1989-10-04"),
        ("He arrived sometime between June 12 and 19, 1821.", "June 12 and 19, 1821", "1821-06-12", "1821-06-19"),
        (
            "Grants rose between fiscal year 1950 and fiscal year 1952.",
            "between fiscal year 1950 and fiscal year 1952",
            "1950",
            "1952",
        ),
        ("Aid flowed from fiscal year 1971 to 1974.", "from fiscal year 1971 to 1974", "1971", "1974"),
    ],
)
def test_two_days_of_one_month_and_fiscal_years_make_one_period(text, written, start, end):
    mention = only_date(text)
    assert (mention.text, mention.date, mention.until) == (written, start, end)


def test_mentions_come_in_text_order_with_their_offsets():
    text = "In June 1948 the currency changed; on 24 June 1948 the roads closed."
    found = find_dates(text)
    assert [m.text for m in found] == ["June 1948", "24 June 1948"]
    assert all(text[m.start : m.end] == m.text for m in found)


# ---------------------------------------------------------------- people and offices


def roles_in(text: str, recent: list[str] | None = None):
    book = NameBook([text])
    found = []
    dates = find_dates(text)
    for sentence in sentences(text):
        found.extend(find_roles(sentence.text, sentence.start, dates, book, recent or []))
    return found


@pytest.mark.parametrize(
    ("text", "name", "office", "start", "end"),
    [
        ("President Harry S. Truman chose a less dangerous path.", "Harry S. Truman", "President", None, None),
        ("Britain's Foreign Secretary, Ernest Bevin, argued.", "Ernest Bevin", "Foreign Secretary", None, None),
        (
            "From 1996 to 1998 Yevgeny Primakov served as Russia's Foreign Minister.",
            "Yevgeny Primakov",
            "Foreign Minister",
            "1996",
            "1998",
        ),
        (
            "Ito Hirobumi, who had studied European constitutions, became the first Prime Minister of Japan in"
            " December 1885.",
            "Ito Hirobumi",
            "Prime Minister of Japan",
            "1885-12",
            None,
        ),
        (
            "Selwyn Lloyd, the Foreign Secretary since December 1955, stayed on.",
            "Selwyn Lloyd",
            "Foreign Secretary",
            "1955-12",
            None,
        ),
        ("As foreign minister, Primakov opposed the plan.", "Primakov", "foreign minister", None, None),
        (
            "Truman appointed George Marshall Secretary of State in 1947.",
            "George Marshall",
            "Secretary of State",
            "1947",
            None,
        ),
        ("Clement Attlee (prime minister 1945–1951) led Labour.", "Clement Attlee", "prime minister", "1945", "1951"),
        (
            "General Lucius D. Clay, the military governor of the American zone, wanted a convoy.",
            "Lucius D. Clay",
            "military governor of the American zone",
            None,
            None,
        ),
        (
            "It resisted the reforms that Mikhail Gorbachev launched after becoming General Secretary in March 1985.",
            "Mikhail Gorbachev",
            "General Secretary",
            "1985-03",
            None,
        ),
        ("Egon Krenz took his place as General Secretary.", "Egon Krenz", "General Secretary", None, None),
        ("Günter Schabowski, the party's spokesman, read out the rules.", "Günter Schabowski", "spokesman", None, None),
        (
            "Prussia was led by its chancellor, Karl August von Hardenberg.",
            "Karl August von Hardenberg",
            "chancellor",
            None,
            None,
        ),
        ("Russia was represented by Tsar Alexander I in person.", "Alexander I", "Tsar", None, None),
        ("Henry Compton, the Bishop of London, signed.", "Henry Compton", "Bishop of London", None, None),
    ],
)
def test_people_with_offices_and_when(text, name, office, start, end):
    found = roles_in(text)
    assert len(found) == 1, [(r.name, r.office) for r in found]
    role = found[0]
    assert (role.name, role.accept[0], role.start_date, role.end_date) == (name, office, start, end)


def test_accepted_forms_are_made_from_the_words_of_the_text():
    (role,) = roles_in("Britain's Foreign Secretary, Ernest Bevin, argued.")
    assert role.accept == ("Foreign Secretary", "Britain's Foreign Secretary", "Foreign Secretary of Britain")
    (role,) = roles_in("President Gamal Abdel Nasser of Egypt spoke.")
    assert role.accept == ("President", "President of Egypt")


def test_a_succession_names_both_office_holders():
    found = roles_in("Harold Macmillan succeeded Anthony Eden as Prime Minister in January 1957.")
    assert {(r.name, r.core, r.start_date, r.end_date) for r in found} == {
        ("Harold Macmillan", "Prime Minister", "1957-01", None),
        ("Anthony Eden", "Prime Minister", None, "1957-01"),
    }


def test_he_and_she_refer_to_the_last_person_named_in_the_passage():
    (role,) = roles_in("In September 1998 he became Prime Minister.", recent=["Yevgeny Primakov"])
    assert (role.name, role.core, role.start_date) == ("Yevgeny Primakov", "Prime Minister", "1998-09")
    assert roles_in("In September 1998 he became Prime Minister.") == []


def test_a_surname_is_read_as_the_full_name_used_elsewhere():
    (role,) = roles_in("Ernst Reuter spoke to a crowd. In December 1948 Reuter became mayor of West Berlin.")
    assert (role.name, role.written_name, role.start_date) == ("Ernst Reuter", "Reuter", "1948-12")


def test_a_place_before_a_name_is_not_part_of_it():
    text = (
        "The fighting in Ireland was bloody. In Ireland William defeated James. "
        "William, who had been Stadtholder of Holland since 1672, accepted."
    )
    (role,) = roles_in(text)
    assert (role.name, role.accept[0], role.start_date) == ("William", "Stadtholder of Holland", "1672")


def test_a_date_in_another_clause_is_not_the_time_of_the_office():
    (role,) = roles_in(
        "The French Prime Minister, Guy Mollet, wanted more, but a ceasefire took effect on 6 November 1956."
    )
    assert role.when is None


@pytest.mark.parametrize(
    "text",
    [
        "Soviet leader Nikita Khrushchev visited the fair.",  # "leader" describes, it is not an office
        "The president was furious.",  # an office, but no name
        "Commodore Matthew Perry arrived with four ships.",  # a rank, not an office
        "The king met the delegates.",
        "The Foreign Office issued a statement in 1956.",
    ],
)
def test_no_pair_without_a_named_office_holder(text):
    assert roles_in(text) == []


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        ("Sir Anthony Eden", "Anthony Eden"),
        ("General Lucius D. Clay", "Lucius D. Clay"),
        ("In August Clay", "Clay"),
        ("Throughout Ada Lind", "Ada Lind"),  # a sentence's opening preposition is no given name
        ("Thus Lind", "Lind"),
        ("Karl August von Hardenberg", "Karl August von Hardenberg"),
        ("The Soviet Union", None),
        ("United Nations", None),
        ("West Berlin Senate", None),
    ],
)
def test_names_lose_honorifics_and_are_not_places(written, cleaned):
    assert clean_name(written) == cleaned


@pytest.mark.parametrize(
    ("text", "written", "date"),
    [
        ("By Christmas 1919 the last ship had sailed home.", "Christmas 1919", "1919-12-25"),
        ("The garrison gave in on Christmas Eve 1870.", "Christmas Eve 1870", "1870-12-24"),
        ("The new charter took effect on New Year's Day 1901.", "New Year's Day 1901", "1901-01-01"),
        ("Crowds gathered on Bastille Day of 1880 for the first time.", "Bastille Day of 1880", "1880-07-14"),
    ],
)
def test_a_feast_on_a_fixed_day_is_that_day(text, written, date):
    mention = only_date(text)
    assert (mention.text, mention.date) == (written, date)


def test_a_movable_feast_stays_a_year():
    assert (only_date("The rising began at Easter 1916.").date) == "1916"


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        # an ordinal between the article and the office
        ("In 1923 Calvin Coolidge became the thirtieth president of the country.", "Calvin Coolidge", "president"),
        ("Ada Lind became the 3rd governor of the colony in 1890.", "Ada Lind", "governor"),
        # company offices, and a modifier before them
        ("The founder and CEO Lena Hart left the firm.", "Lena Hart", "CEO"),
        ("Omar Quist, executive chairman of the bank, resigned.", "Omar Quist", "chairman"),
        ("The board promoted Ines Vale to the post of chief executive in 1999.", "Ines Vale", "chief executive"),
        # a lower-case title after a country's adjective
        ("Soviet premier Nikita Khrushchev toured the farm.", "Nikita Khrushchev", "premier"),
        # a diplomat posted in a capital
        ("A letter came from the Danish Minister in Paris, Karl Moltke, that week.", "Karl Moltke", "Minister"),
    ],
)
def test_more_office_patterns(text, name, office):
    found = roles_in(text)
    assert [(r.name, r.core) for r in found] == [(name, office)]


def test_a_diplomat_is_posted_to_a_place_but_a_month_is_no_place():
    (role,) = roles_in("The Danish Minister in Paris, Karl Moltke, wrote first.")
    assert role.accept[0] == "Minister in Paris"
    (role,) = roles_in("In 1931 Sara Holm, the Ambassador in January, met the king.")
    assert role.accept[0] == "Ambassador"


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        # "It" before "was" looks like a name for the verb pattern; the apposition after the office must still count
        ("It was the Danish Minister in Paris, Karl Moltke, who signed the note.", "Karl Moltke", "Minister"),
        ("This was the new Foreign Secretary, Ada Lind, speaking at last.", "Ada Lind", "Foreign Secretary"),
    ],
)
def test_a_pattern_whose_name_is_no_person_lets_the_next_pattern_try(text, name, office):
    assert [(r.name, r.core) for r in roles_in(text)] == [(name, office)]


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        # a hyphenated title at the start of a capitalised run is no part of the name
        ("The revolt was led by Vice-president Ada Lind and the miners.", "Ada Lind", "Vice-president"),
        # the body whose office it is, written with a capital before a lower-case title
        ("The Bolivian Army commander-in-chief Omar Quist rode in.", "Omar Quist", "commander-in-chief"),
        # American spelling, a chief of staff with a rank, a commissioner
        ("U.S. Defense Secretary Lena Hart flew home.", "Lena Hart", "Defense Secretary"),
        ("He asked former Army Chief of Staff General Ines Vale to lead it.", "Ines Vale", "Chief of Staff"),
        ("The board appointed Sara Holm as the new commissioner of the port.", "Sara Holm", "commissioner"),
        # one of two holders, and the unhyphenated commander in chief
        ("In 1965 Omar Quist was installed as co-President of the junta.", "Omar Quist", "co-President"),
        ("Ada Lind became commander in chief of the fleet in 1702.", "Ada Lind", "commander in chief"),
    ],
)
def test_titles_and_offices_added_after_the_blind_batch(text, name, office):
    assert [(r.name, r.core) for r in roles_in(text)] == [(name, office)]


def test_a_name_after_a_title_inside_a_longer_run_is_the_full_name_of_its_surname():
    text = "The talks were led by U.S. President Ada Lind. Later U.S. President Lind asked for peace."
    assert {(r.name, r.core) for r in roles_in(text)} == {("Ada Lind", "President")}


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        (
            "Lena Hart was later named imperial high commissioner of the coast in 1901.",
            "Lena Hart",
            "high commissioner",
        ),
        ("The rebels won, with Omar Quist becoming the Foreign Minister in 1967.", "Omar Quist", "Foreign Minister"),
        ("The leftist vice-president Ines Vale resigned in 1964.", "Ines Vale", "vice-president"),
    ],
)
def test_the_dependency_parse_pairs_an_office_no_pattern_pairs(text, name, office):
    found = roles_in(text)
    assert [(r.name, r.core, r.how) for r in found] == [(name, office, "parse")]


@pytest.mark.parametrize(
    "text",
    [
        "Ada Lind hoped to become president one day.",
        "Omar Quist never became president.",
        "Omar Quist could be president.",
        "His role as president ended when Omar Quist left.",
        "Omar Quist met the president of the bank.",
    ],
)
def test_the_parse_pairs_nothing_that_is_hoped_denied_or_only_near(text):
    assert roles_in(text) == []


def test_an_acronym_office_must_be_written_in_capitals():
    assert roles_in("The coo Anna Berg sang.") == []


@pytest.mark.parametrize(
    ("text", "names", "office"),
    [
        (
            "Prime Ministers Clement Attlee and Winston Churchill met in 1945.",
            ["Clement Attlee", "Winston Churchill"],
            "Prime Minister",
        ),
        (
            "Presidents Roosevelt, Truman and Eisenhower used the room.",
            ["Roosevelt", "Truman", "Eisenhower"],
            "President",
        ),
        ("Foreign Secretaries Eden and Bevin disagreed.", ["Eden", "Bevin"], "Foreign Secretary"),
    ],
)
def test_coordinated_titles_give_each_holder_the_office(text, names, office):
    found = roles_in(text)
    assert [r.name for r in found] == names
    assert {r.accept[0] for r in found} == {office}


def test_a_lower_case_plural_is_not_a_title():
    assert roles_in("The presidents Roosevelt and Truman met.") == []


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        ("A law passed by the Chilean ex-president Rosa Mell was struck down.", "Rosa Mell", "president"),
        ("The former chancellor Otto Brenn wrote to the paper.", "Otto Brenn", "chancellor"),
        ("Ex-governor Paul Amsel returned to the farm.", "Paul Amsel", "governor"),
    ],
)
def test_a_past_holder_ex_or_former_keeps_the_office(text, name, office):
    assert [(r.name, r.core) for r in roles_in(text)] == [(name, office)]


def test_a_lower_case_title_before_a_name_counts_after_an_article_or_a_qualifier_only():
    assert [(r.name, r.core) for r in roles_in("The president Jimmy Carter spoke.")] == [("Jimmy Carter", "president")]
    assert roles_in("Voters asked whether president Jimmy Carter would run.") == []


@pytest.mark.parametrize(
    ("text", "name", "core"),
    [
        (
            "The legation opened when Minister Resident Otto Brenner handed over his letters.",
            "Otto Brenner",
            "Minister Resident",
        ),
        (
            "In 1910 Ambassador Extraordinary and Minister Plenipotentiary Clara Vos arrived in the capital.",
            "Clara Vos",
            "Ambassador Extraordinary and Minister Plenipotentiary",
        ),
        (
            "The note reached Envoy Extraordinary and Minister Plenipotentiary to Chile, Hugo Marsh, in May.",
            "Hugo Marsh",
            "Envoy Extraordinary and Minister Plenipotentiary",
        ),
        ("Pieter Lang, the new Chargé d’Affaires in Lima, signed the protocol.", "Pieter Lang", "Chargé d’Affaires"),
        ("The talks stalled until Chargé d'Affaires Mira Osei came back.", "Mira Osei", "Chargé d'Affaires"),
    ],
)
def test_diplomatic_ranks_are_read_whole_and_stay_out_of_the_name(text, name, core):
    found = roles_in(text)
    assert [(r.name, r.core) for r in found] == [(name, core)]


def test_a_deputy_an_assistant_or_an_acting_holder_keeps_the_rank_in_the_office():
    found = roles_in("The memo was drafted by Karl Dunne, Second Assistant Secretary of State (a senior clerk).")
    assert [(r.name, r.core) for r in found] == [("Karl Dunne", "Second Assistant Secretary of State")]
    found = roles_in("Deputy Foreign Minister Ilse Brandt met the envoys.")
    assert [(r.name, r.core, r.accept[0]) for r in found] == [
        ("Ilse Brandt", "Deputy Foreign Minister", "Deputy Foreign Minister")
    ]


def test_a_plural_title_before_a_colon_gives_each_listed_holder_the_office_and_their_own_years():
    found = roles_in(
        "For forty years the bureau had only two chief clerks' deputies and two deputy ministers:"
        " Ana Ruiz (1901-1915) and Tomas Ek (1915-1940)."
    )
    assert [(r.name, r.core, r.start_date, r.end_date) for r in found] == [
        ("Ana Ruiz", "deputy minister", "1901", "1915"),
        ("Tomas Ek", "deputy minister", "1915", "1940"),
    ]


def test_a_nomination_is_not_an_office_held():
    assert roles_in("In 1838 the president nominated Jules Marin as Minister to Peru.") == []
    found = roles_in("Sara Holt accepted an appointment as Consul to Bergen on 4 May 1871.")
    assert [(r.name, r.core, r.start_date) for r in found] == [("Sara Holt", "Consul", "1871-05-04")]


def test_a_preposition_before_a_title_is_no_rank():
    found = roles_in("The reforms went on under Premier Ivo Dahl and his cabinet.")
    assert [(r.name, r.core) for r in found] == [("Ivo Dahl", "Premier")]


def _verified_roles(text: str) -> set[tuple[str, str, str | None, str | None]]:
    """(name, office core, start, end) of the pairs a whole import keeps, after the never-invent check."""
    from classroom.ingest import draft_course

    course = draft_course(text, "test.txt", fmt="txt")
    return {(r.name, r.core, r.start_date, r.end_date) for _, r in course.roles()}


def test_a_title_with_a_complement_and_a_post_before_the_name():
    found = _verified_roles("The Special Envoy of the Republic to Ostria Jane Roe signed the port treaty in 1854.")
    assert {(name, core) for name, core, _, _ in found} == {("Jane Roe", "Envoy")}
    (role,) = roles_in("The Special Envoy of the Republic to Ostria Jane Roe signed the port treaty in 1854.")
    assert role.accept[0] == "Envoy of the Republic to Ostria"


def test_a_second_office_joined_by_and_is_held_by_the_same_person():
    found = _verified_roles("Tomas Varga, the governor of Lindmark and later senator from Ostria, opposed the tariff.")
    assert {(name, core) for name, core, _, _ in found} == {("Tomas Varga", "governor"), ("Tomas Varga", "senator")}
    other = _verified_roles("Tomas Varga, the governor of Lindmark, met the senator from Ostria and his aides.")
    assert ("Tomas Varga", "senator", None, None) not in other  # met, not held: the senator is someone else


def test_presenting_credentials_starts_an_envoys_tenure():
    assert _verified_roles("On 4 May 1911 Ambassador Peter Holm presented his credentials to the king of Ostria.") == {
        ("Peter Holm", "Ambassador", "1911-05-04", None)
    }
    assert _verified_roles("Peter Holm presented his credentials as Minister to Ostria on 4 May 1911.") == {
        ("Peter Holm", "Minister", "1911-05-04", None)
    }
    assert _verified_roles("Ambassador Peter Holm met the king of Ostria on 4 May 1911 at the palace.") == {
        ("Peter Holm", "Ambassador", None, None)
    }


def test_succeeded_as_an_office_by_someone_gives_both_holders():
    assert _verified_roles("Anna Berg was succeeded as prime minister by Lars Ekdal in 1933 after the elections.") == {
        ("Lars Ekdal", "prime minister", "1933", None),
        ("Anna Berg", "prime minister", None, "1933"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Helena Marsh, who became foreign minister in 1950, opened talks with the neighbouring states.",
            ("Helena Marsh", "foreign minister", "1950", None),
        ),
        (
            "Oskar Lindqvist took office as president of the republic on 1 January 1921 after a long campaign.",
            ("Oskar Lindqvist", "president", "1921-01-01", None),
        ),
        (
            "In 1948 the country's prime minister, Karl Dunmore, announced the new currency to parliament.",
            ("Karl Dunmore", "prime minister", None, None),
        ),
    ],
)
def test_forms_the_blind_batches_missed_are_read(text, expected):
    assert expected in _verified_roles(text)


def test_coordinated_plural_titles_give_each_holder_the_office():
    found = _verified_roles("Presidents Alan Moore and Bruno Keller met at the border in 1960 to sign the water pact.")
    assert {(name, core) for name, core, _, _ in found} == {("Alan Moore", "President"), ("Bruno Keller", "President")}


def test_a_second_office_after_a_bracket_and_a_time_is_the_same_persons():
    text = (
        "The old clerk was praised by Anton Weber, Second Assistant Secretary of State (the third post in the "
        "office) in the early 1890s and Acting Secretary during part of the war."
    )
    assert {(r.name, r.core) for r in roles_in(text)} == {
        ("Anton Weber", "Second Assistant Secretary of State"),
        ("Anton Weber", "Acting Secretary"),
    }
    # spaCy's small model hangs "Acting Secretary" on "1890s"; since the sixth round the check links a second
    # office through the office it is joined to by "and", which the parse links to the name
    assert ("Anton Weber", "Acting Secretary") in {(n, c) for n, c, _, _ in _verified_roles(text)}
    unjoined = "Anton Weber met the old clerk in the early 1890s, and the Acting Secretary wrote to him."
    assert ("Anton Weber", "Acting Secretary") not in {(n, c) for n, c, _, _ in _verified_roles(unjoined)}


def test_a_paternal_surname_stands_for_the_one_person_of_the_article_with_it():
    text = (
        "General Rafael Ortiz Mendes led the army in the north for many years. "
        "In 1960 Ortiz became president of the republic after the elections."
    )
    assert ("Rafael Ortiz Mendes", "president", "1960", None) in _verified_roles(text)
    two = text + " His cousin Elena Ortiz Vidal was a famous painter in the capital."
    assert not any(name.startswith(("Rafael", "Elena")) for name, *_ in _verified_roles(two))


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        ("In 1931 Democrat Alvin Marsh became governor of the state.", "Alvin Marsh", "governor"),
        ("Tory Edwina Clore was elected mayor of the borough in 1902.", "Edwina Clore", "mayor"),
        ("Labour leader Hugh Tarrant became prime minister in 1955.", "Hugh Tarrant", "prime minister"),
        ("President Orin Fell, a Republican, vetoed the bill.", "Orin Fell", "President"),
    ],
)
def test_a_party_word_before_a_name_is_not_part_of_it(text, name, office):
    found = roles_in(text)
    assert [(r.name, r.core) for r in found] == [(name, office)]


def test_a_party_word_does_not_make_a_second_person():
    text = "Democrat Alvin Marsh ran in 1930. President Alvin Marsh signed the act. President Marsh resigned."
    assert {r.name for r in roles_in(text)} == {"Alvin Marsh"}


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        ("HAN Mi-rae", "HAN Mi-rae"),
        ("Dorin TAKO", "Dorin TAKO"),
        ("President SEO Ji-ho", "SEO Ji-ho"),
        ("NATO Vera Lund", None),  # a body's acronym is no surname
        ("SEO JIN Ho", None),  # two words in capitals: not read as one person
    ],
)
def test_a_surname_in_capitals_is_part_of_a_name(written, cleaned):
    assert clean_name(written) == cleaned


def test_a_title_before_a_name_with_its_surname_in_capitals():
    text = "In 2004 President SEO Ji-ho opened the new port. The NATO Council met later that year."
    assert [(r.name, r.core) for r in roles_in(text)] == [("SEO Ji-ho", "President")]


@pytest.mark.parametrize(
    "text",
    [
        "In 1988 the lawyer Tomas Ravel won the presidency by a wide margin.",
        "Tomas Ravel narrowly won the 1988 presidential election.",
        "A strike forced an early presidential election in 1988 won by Tomas Ravel.",
    ],
)
def test_winning_the_presidential_election_is_holding_the_presidency(text):
    found = roles_in(text)
    assert [(r.name, r.core) for r in found] == [("Tomas Ravel", "president")]
    assert found[0].start_date is None  # the election year is not said to be the first day in office


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ravel lost the presidential election of 1988.",
        "Tomas Ravel ran in the presidential election of 1988.",
        "Tomas Ravel won the vote for mayor in 1988.",
        "Tomas Ravel won a seat after the presidential election of 1988.",
    ],
)
def test_no_presidency_without_a_win_of_it(text):
    assert [r for r in roles_in(text) if r.core == "president"] == []


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        (
            "In 1969 Nora Vell became National Security Adviser to the president.",
            "Nora Vell",
            "National Security Adviser",
        ),
        ("Petra Osk served as Counselor of the Department from 1974.", "Petra Osk", "Counselor"),
        ("Ambassador-at-Large Linus Farr flew to the talks in 1978.", "Linus Farr", "Ambassador-at-Large"),
        ("Ivo Marsh became Under Secretary of State for Trade in 1981.", "Ivo Marsh", "Under Secretary"),
        ("In 1887 Cedric Hale was appointed quartermaster-general.", "Cedric Hale", "quartermaster-general"),
        ("Cedric Hale became adjutant-general to the forces in 1890.", "Cedric Hale", "adjutant-general"),
        ("Cedric Hale was under-secretary for the colonies in 1886.", "Cedric Hale", "under-secretary"),
    ],
)
def test_staff_and_department_offices(text, name, office):
    found = roles_in(text)
    assert [(r.name, r.core) for r in found] == [(name, office)]


def test_a_day_span_without_a_year_takes_the_year_of_its_passage():
    text = "The fleet sailed in May 1744. It fought off the cape (June 3-5) and again on the 19th of June."
    found = {m.text: (m.date, m.until) for m in find_dates(text)}
    assert found["June 3-5"] == ("1744-06-03", "1744-06-05")
    assert found["19th of June"] == ("1744-06-19", None)
    assert [m.text for m in find_dates("The fleet fought off the cape (June 3-5).")] == []  # no year: left out


def test_a_day_takes_no_year_from_a_month_the_story_has_left_behind():
    text = "The mill opened in April 1762. A second mill followed in 1765, and a canal in 1770. A flood came on May 9."
    assert [m.text for m in find_dates(text)] == ["April 1762", "1765", "1770"]
    text = "The mill opened in April 1762. Its wheel was mended in 1762. A flood came on May 9."
    assert {m.text: m.date for m in find_dates(text)}["May 9"] == "1762-05-09"  # the same year: still that year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Guilds grew in the late sixteenth and early seventeenth centuries.",
            [("the late sixteenth", "1567", "1599"), ("early seventeenth centuries", "1600", "1633")],
        ),
        (
            "Trade rose in the second half of the 14th and the 15th centuries.",
            [("the second half of the 14th", "1350", "1399"), ("the 15th centuries", "1400", "1499")],
        ),
        ("Trade rose in the first half of the 14th century.", [("the first half of the 14th century", "1300", "1349")]),
    ],
)
def test_two_centuries_sharing_one_noun_are_two_periods(text, expected):
    assert [(m.text, m.date, m.until) for m in find_dates(text)] == expected
    assert all(m.vague for m in find_dates(text))


def test_a_comma_after_the_first_year_does_not_split_a_from_until_period():
    mention = only_date("She held the post from June 2, 1911, until May 30, 1915, when she retired.")
    assert (mention.date, mention.until) == ("1911-06-02", "1915-05-30")


def test_a_surname_shaped_like_a_peoples_name_is_not_a_qualifier_of_the_office():
    found = roles_in("In 1932 the voters elected Alma Morgan president.")  # "Morgan" ends like "German"
    assert [(r.name, r.office) for r in found] == [("Alma Morgan", "president")]
    found = roles_in("Ukrainian president Ivo Dane came to the talks in 1999.")
    assert [(r.name, r.office) for r in found] == [("Ivo Dane", "Ukrainian president")]


def test_holders_given_as_examples_of_a_plural_office():
    found = roles_in("The habits that early presidents like Ada Voss had fostered lasted.")
    assert [(r.name, r.core) for r in found] == [("Ada Voss", "president")]
    found = roles_in("Kings such as Otto Brand and Felix Narr ruled the valley.")
    assert [(r.name, r.core) for r in found] == [("Otto Brand", "king"), ("Felix Narr", "king")]
    assert roles_in("Leaders like Ada Voss spoke at the fair.") == []  # "leader" is no office


def test_leading_the_country_as_its_president_is_holding_the_office():
    found = roles_in("Ivo Dane led the nation as its first president from 1921 to 1930.")
    assert [(r.name, r.core, r.start_date, r.end_date) for r in found] == [("Ivo Dane", "president", "1921", "1930")]
    assert roles_in("Ivo Dane praised the nation as its first president had done in 1921.") == []


# Sixth round: general forms of "who held which office", each on made-up names and places.
@pytest.mark.parametrize(
    ("text", "name", "office", "start", "end"),
    [
        ("As prime minister, Ada Lind cut taxes in 1951.", "Ada Lind", "prime minister", None, None),
        ("Ada Lind, as prime minister, cut taxes in 1951.", "Ada Lind", "prime minister", None, None),
        ("Then-President Ada Lind signed the harbour treaty.", "Ada Lind", "President", None, None),
        ("The then-foreign minister Ada Lind signed it.", "Ada Lind", "foreign minister", None, None),
        ("Former foreign minister Ada Lind died at her farm.", "Ada Lind", "foreign minister", None, None),
        ("Ada Lind was chosen to be prime minister in 1950.", "Ada Lind", "prime minister", "1950", None),
        ("Ada Lind held the post of foreign minister from 1950 to 1955.", "Ada Lind", "foreign minister", "1950", "1955"),  # noqa: E501
        ("Ada Lind returned to office as prime minister in 1960.", "Ada Lind", "prime minister", "1960", None),
        ("Ada Lind went on to serve as foreign minister from 1950 to 1955.", "Ada Lind", "foreign minister", "1950", "1955"),  # noqa: E501
        ("Ada Lind was the first woman to serve as prime minister of Ostria.", "Ada Lind", "prime minister of Ostria", None, None),  # noqa: E501
        ("Karl Berg appointed Ada Lind to be foreign minister in 1950.", "Ada Lind", "foreign minister", "1950", None),
        ("Ada Lind's term as prime minister ended in 1955 after a strike.", "Ada Lind", "prime minister", None, None),
        ("Karl Berg's earlier service as ambassador to Velmar helped him.", "Karl Berg", "ambassador to Velmar", None, None),  # noqa: E501
        ("In 1973, Winston Lord became Counselor of the office.", "Winston Lord", "Counselor", "1973", None),
    ],
)  # fmt: skip
def test_sixth_round_forms_of_holding_an_office(text, name, office, start, end):
    found = roles_in(text)
    assert len(found) == 1, [(r.name, r.office) for r in found]
    role = found[0]
    assert (role.name, role.accept[0], role.start_date, role.end_date) == (name, office, start, end)


def test_forms_that_say_no_office_was_held_give_nothing():
    assert roles_in("Karl Berg's role as president in the film made him famous.") == []
    assert roles_in("Ada Lind hoped to serve as foreign minister under Karl Berg.") == []
    assert roles_in("Then-President Ada Lind met Karl Berg.")[0].name == "Ada Lind"  # "Then-President" is no name
    assert clean_name("Then-President Ada Lind") == "Ada Lind"
    assert clean_name("Lord Grey") == "Grey"  # a peer's style before the name still goes


def test_an_apposition_between_the_appointed_name_and_as():
    text = "The king, Otto Brand, named Colonel Ada Lind, his deputy at the council, as foreign minister in 1950."
    found = {(r.name, r.core, r.start_date) for r in roles_in(text)}
    assert ("Ada Lind", "foreign minister", "1950") in found
    listed = "The king named Ada Lind, Karl Berg and Otto Brand, as foreign minister in 1950."
    assert all(r.name != "Ada Lind" for r in roles_in(listed))


def test_two_offices_joined_by_and_are_two_pairs():
    text = "Ada Lind, who served as Governor of Ostria and Secretary of War in the cabinet, died in 1937."
    assert {(r.name, r.core) for r in roles_in(text)} == {
        ("Ada Lind", "Governor"),
        ("Ada Lind", "Secretary of War"),
    }


def test_a_pronoun_after_a_clause_naming_one_person_is_that_person():
    text = "Because of anger at the fact that Karl Berg held two posts, he resigned as foreign minister in 1975."
    (role,) = roles_in(text)
    assert (role.name, role.core, role.end_date) == ("Karl Berg", "foreign minister", "1975")
    two = "When Karl Berg met Ada Lind in 1975, she became foreign minister."
    assert roles_in(two) == []


def test_only_person_named_is_the_one_full_name_not_an_owner():
    from classroom.ingest.extract_people import only_person_named

    book = NameBook(["Ada Lind was born in Velmar in 1901."])
    assert only_person_named("Ada Lind was born in Velmar in 1901.", book) == "Ada Lind"
    assert only_person_named("Ada Lind's husband was a miller.", book) is None
    assert only_person_named("Karl Berg met Ada Lind in Velmar.", book) is None
    assert only_person_named("The harvest was large.", book) is None


def test_a_presidential_race_won_gives_the_presidency():
    (role,) = roles_in("Karl Berg won a close race for the presidency in 1987.")
    assert (role.name, role.core, role.start_date) == ("Karl Berg", "president", None)
    text = (
        "Ostria held its first free presidential election in 1987, with former general KIM Jae-won winning a"
        " close race."
    )
    (role,) = roles_in(text)
    assert (role.name, role.core) == ("KIM Jae-won", "president")
    assert roles_in("Ostria held a presidential election in 1987, with Karl Berg losing by a small margin.") == []


def test_a_pronoun_after_two_people_in_its_own_sentence_is_not_guessed():
    text = (
        "President Otto Brand made Lind Governor General of Velmar that spring, an office he kept until he"
        " was named Secretary of State in 1929. Ada Lind was born in 1901."
    )
    assert ("Otto Brand", "Secretary of State") not in {(n, c) for n, c, _, _ in _verified_roles(text)}


def test_a_surname_alone_counts_before_a_pronoun_when_the_article_gave_it_an_office():
    text = "Because of anger at the fact that Berg held two posts, he resigned as foreign minister in 1975."
    book = NameBook([text])
    assert find_roles(text, 0, find_dates(text), book, []) == []
    (role,) = find_roles(text, 0, find_dates(text), book, [], known={"Berg"})
    assert (role.name, role.core, role.end_date) == ("Berg", "foreign minister", "1975")


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ada Lind named Omar Quist -- a banker -- as her new minister of finance.",
        "Governor Ada Lind named Omar Quist, a banker, as her minister of finance.",
    ],
)
def test_an_office_given_by_appointment_is_the_appointed_ones(text):
    found = {(r.name, r.core.lower()) for r in roles_in(text)}
    assert ("Omar Quist", "minister") in found or ("Omar Quist", "minister of finance") in found
    assert not any(name == "Ada Lind" and "minister" in core for name, core in found)


@pytest.mark.parametrize(
    "text",
    [
        "Acting on a plea from the Foreign Minister, Ada Lind sailed home in 1820.",
        "After a long talk with the Secretary of the Navy, Karl Berg signed the order.",
    ],
)
def test_an_office_ending_a_phrase_before_the_subject_is_not_the_subjects(text):
    assert roles_in(text) == []


def test_an_apposition_closed_by_a_comma_after_a_preposition_is_still_read():
    found = roles_in("The envoy sent a letter to the Foreign Minister, Ada Lind, in 1820.")
    assert [(r.name, r.office) for r in found] == [("Ada Lind", "Foreign Minister")]


def test_a_name_may_open_with_initials():
    found = roles_in("When Ada Lind retired, the Minister of Works, T. Karl Berg, praised her.")
    assert ("T. Karl Berg", "Minister of Works") in [(r.name, r.office) for r in found]
    assert clean_name("H. J. Brill") == "H. J. Brill"
    assert clean_name("T.") is None  # initials alone name nobody


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        (
            "The mill at Arden belongs to the early-to-mid 19th century.",
            "the early-to-mid 19th century",
            "1800",
            "1866",
        ),
        ("Arden grew fast in the mid to late 1880s.", "the mid to late 1880s", "1884", "1889"),
    ],
)
def test_a_range_of_parts_is_one_period(text, written, start, end):
    assert [(d.text, d.date, d.until) for d in find_dates(text)] == [(written, start, end)]


def test_two_centuries_sharing_a_singular_noun_are_two_periods():
    found = find_dates("The farm keeps walls of the 17th and 18th century houses of Arden.")
    assert [(d.text, d.date, d.until) for d in found] == [
        ("the 17th", "1600", "1699"),
        ("18th century", "1700", "1799"),
    ]


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        ("The vote of eighteen-hundred-forty gave Arden a new mayor.", "eighteen-hundred-forty", "1840"),
        (
            "Karl Berg came back to Arden during the autumn of eighteen-hundred-forty-six.",
            "the autumn of eighteen-hundred-forty-six",
            "1846",
        ),
        ("In nineteen hundred and five the mill of Arden closed.", "nineteen hundred and five", "1905"),
        (
            "Sealed at Velmar, the year of our Lord two thousand and nine.",
            "the year of our Lord two thousand and nine",
            "2009",
        ),
        ("It was built in the year eighteen hundred by the guild.", "the year eighteen hundred", "1800"),
    ],
)
def test_a_year_written_in_words_is_read(text, written, year):
    assert [(d.text, d.date) for d in find_dates(text)] == [(written, year)]


@pytest.mark.parametrize(
    "text",
    [
        "Eighteen hundred soldiers marched to Arden.",
        "The treaty gave two thousand square miles to Ostria.",
        "Nineteen hundred and forty workers struck at the mill.",
    ],
)
def test_a_count_in_words_is_no_year(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        ("Karl Berg, the Attorney-General, was likewise a friend of the plan.", "Karl Berg", "Attorney-General"),
        ("Postmaster General Ada Lind opened the office at Arden in 1820.", "Ada Lind", "Postmaster General"),
        ("The Solicitor-General, Omar Quist, argued the case in 1901.", "Omar Quist", "Solicitor-General"),
    ],
)
def test_law_and_post_offices_written_with_a_hyphen_or_general(text, name, office):
    assert [(r.name, r.office) for r in roles_in(text)] == [(name, office)]


@pytest.mark.parametrize(
    ("text", "written", "iso"),
    [
        (
            "The charter of Arden was sealed on the twentieth day of June, 1632, at Velmar.",
            "the twentieth day of June, 1632",
            "1632-06-20",
        ),
        (
            "Done this twenty-first day of May, in the year 1801.",
            "twenty-first day of May, in the year 1801",
            "1801-05-21",
        ),
        ("On the 4th day of July, 1776, the guild met.", "the 4th day of July, 1776", "1776-07-04"),
    ],
)
def test_a_day_written_as_an_ordinal_with_the_word_day(text, written, iso):
    assert [(d.text, d.date) for d in find_dates(text)] == [(written, iso)]


def test_an_ordinal_day_past_the_months_end_is_no_day():
    assert [(d.text, d.date) for d in find_dates("On the thirtieth day of February, 1800, the mill burned.")] == [
        ("February, 1800", "1800-02")
    ]


def test_only_a_sentence_naming_an_office_is_sent_ahead_to_the_parser():
    assert names_an_office("In 1903 the mayor of Arden, Ada Lind, opened the bridge.")
    assert names_an_office("Karl Berg served as Minister of Roads until 1911.")
    assert not names_an_office("In 1903 the people of Arden opened the bridge over the Velm.")
