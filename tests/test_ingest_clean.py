"""Importer cleaning and splitting: page furniture goes, the article stays, lessons have 2–6 passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from classroom.ingest.clean import read_article, read_html, read_markdown, read_text
from classroom.ingest.split import MAX_PASSAGES, MIN_PASSAGES, plan_lessons, sentences

ARTICLES = Path(__file__).resolve().parent / "testdata" / "ingest"


def body(article) -> str:
    return "\n".join(block.text for block in article.blocks)


def test_saved_web_page_keeps_the_article_and_drops_the_furniture():
    article = read_html((ARTICLES / "berlin-airlift.html").read_text(encoding="utf-8"))
    assert article.title == "How Planes Kept West Berlin Alive"
    assert [b.text for b in article.blocks if b.kind == "heading"] == [
        "A city cut off",
        "Bridging the gap by air",
        "The blockade ends",
    ]
    text = body(article)
    assert article.blocks[1].text.startswith("When the fighting in Europe stopped in 1945")
    assert text.endswith("Berlin became a symbol of Western resolve for the rest of the Cold War.")
    assert len([b for b in article.blocks if b.kind == "paragraph"]) == 9
    furniture = [
        "Skip to content",  # skip link
        "cookie",  # cookie banner
        "Newsletter",  # site navigation
        "Cold War ›",  # breadcrumbs
        "Hanna Lindqvist",  # byline
        "min read",
        "Share",  # share buttons
        "Tweet",
        "Advertisement",  # ad slot
        "Save 30%",
        "C-54",  # figure caption
        "Read more",  # inline promo
        "Tags:",
        "Related articles",  # related list
        "Marshall Plan, 1947",
        "comments",  # comments
        "grandfather",
        "weekly newsletter",  # footer
        "All rights reserved",
        "dataLayer",  # scripts
        "gtag",
        "font-family",  # styles
    ]
    for piece in furniture:
        assert piece not in text, piece
    removed = " ".join(article.removed)
    for piece in ("Hanna Lindqvist", "Related articles", "Advertisement", "All rights reserved"):
        assert piece in removed  # kept aside, so a teacher can see what was dropped


def test_page_without_article_element_uses_the_text_column():
    article = read_html((ARTICLES / "berlin-wall.html").read_text(encoding="utf-8"))
    assert article.title == "The Night the Wall Opened"
    text = body(article)
    assert "For twenty-eight years" in text and "a peaceful crowd can bring down a regime" in text
    for piece in ("Words by", "Facebook", "Also read", "Topics:", "Most read", "inbox", "Copyright", "Log in"):
        assert piece not in text, piece


def test_html_that_breaks_the_rules_still_gives_its_text():
    page = "<html><body><nav>Home | About</nav><p>First paragraph<p>Second <b>bold</i> text<div>Third</body>"
    article = read_html(page)
    assert [b.text for b in article.blocks] == ["First paragraph", "Second bold text", "Third"]


def test_markdown_loses_markup_citations_and_reference_sections():
    article = read_markdown((ARTICLES / "congress-of-vienna.md").read_text(encoding="utf-8"))
    assert article.title == "Congress of Vienna"
    text = body(article)
    assert text.startswith("The Congress of Vienna was a gathering")  # **bold** removed
    assert "[1]" not in text and "**" not in text
    for piece in ("See also", "Concert of Europe", "References", "Zamoyski", "Retrieved"):
        assert piece not in text, piece


def test_a_run_of_citation_marks_in_markdown_is_no_reference_link():
    source = "# Siege\n\nThe town fell in 1812.[19][20][21][22] See [the map][3] and [4](http://x).[5]\n"
    (block,) = read_markdown(source).blocks
    assert block.text == "The town fell in 1812. See the map and 4."  # not "1812.1921", and links keep their text


def test_markdown_lists_quotes_and_setext_headings():
    source = "Title\n=====\n\nIntro with a [link](http://x) and *stress*.\n\n> A quote.\n\nPart\n----\n\n- one\n- two\n"
    article = read_markdown(source)
    assert article.title == "Title"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", "Intro with a link and stress."),
        ("paragraph", "A quote."),
        ("heading", "Part"),
        ("item", "one"),
        ("item", "two"),
    ]


def test_plain_text_drops_byline_related_lines_and_textbook_apparatus():
    news = read_text((ARTICLES / "suez-brief.txt").read_text(encoding="utf-8"))
    assert news.title == "Eden resigns as Suez fallout topples government"
    assert "By our political staff" not in body(news) and "Related coverage" not in body(news)
    assert "Share this story" not in body(news) and "since 1869" not in body(news)
    book = read_text((ARTICLES / "meiji-restoration.txt").read_text(encoding="utf-8"))
    text = body(book)
    for piece in ("Learning objectives", "Explain why", "Key terms", "Check your understanding", "Why did the arrival"):
        assert piece not in text, piece
    assert "The Black Ships" in [b.text for b in book.blocks if b.kind == "heading"]


def test_objectives_end_at_the_opening_prose_and_critical_thinking_questions_are_apparatus():
    page = (
        "<html><body><main><h1>The Harbour Years</h1>"
        '<section class="objectives-box"><h3>Learning Objectives</h3><p>Aims:</p>'
        "<ul><li>Explain the harbour tax</li><li>Describe the strike</li></ul></section>"
        "<p>The harbour grew quickly after 1880, when the new pier opened and the ships from the south began to call"
        " every week, bringing grain, timber and the first tourists to the town.</p>"
        "<h2>The strike</h2><p>In 1891 the dock workers stopped work for nine weeks, and the owners gave way in the"
        " end, raising the day wage by a fifth and shortening the working day to ten hours.</p>"
        "<h2>Critical Thinking Questions</h2><p>Why did the owners give way in 1891? Would you have struck?</p>"
        "</main></body></html>"
    )
    text = body(read_html(page))
    assert "The harbour grew quickly after 1880" in text  # the opening paragraph survives the objectives box
    assert "Explain the harbour tax" not in text and "Why did the owners" not in text


def test_breadcrumb_line_before_the_title_is_dropped():
    source = (
        "Home World History The Fall of Rome\n\nThe Fall of Rome\n\nby someone\n\nRome fell in 476, or so it is said."
    )
    article = read_text(source)
    assert article.title == "The Fall of Rome"
    assert body(article) == "Rome fell in 476, or so it is said."


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.iterdir() if not p.name.endswith(".yaml")))
def test_every_lesson_of_the_evaluation_set_has_two_to_six_passages(name):
    fmt = {".html": "html", ".md": "md", ".txt": "txt"}[Path(name).suffix]
    plans = plan_lessons(read_article((ARTICLES / name).read_text(encoding="utf-8"), fmt), "x")
    assert plans
    for plan in plans:
        assert MIN_PASSAGES <= len(plan.passages) <= MAX_PASSAGES, (plan.title, len(plan.passages))


def test_lessons_follow_headings_when_there_are_some():
    plans = plan_lessons(read_text((ARTICLES / "meiji-restoration.txt").read_text(encoding="utf-8")), "x")
    assert [p.title for p in plans] == ["The Black Ships", "The Fall of the Shogunate", "Building a Modern State"]


def test_a_one_paragraph_section_joins_its_neighbour_even_after_a_full_lesson():
    paragraph = (
        "This paragraph says enough about its subject to stand as a passage of its own in a lesson, and it"
        " goes on a little longer so that it is not merged, {}."
    )
    six = "\n\n".join(paragraph.format(i) for i in range(6))
    source = f"# Title\n\n## Long part\n\n{six}\n\n## Short end\n\n{paragraph.format('end')}\n"
    plans = plan_lessons(read_markdown(source), "x")
    assert all(MIN_PASSAGES <= len(p.passages) <= MAX_PASSAGES for p in plans)
    assert sum(len(p.passages) for p in plans) == 7
    assert plans[-1].passages[-1].heading == "Short end"


def test_without_headings_lessons_are_cut_at_topic_shifts():
    war = [
        f"The army marched north in the war, and soldier {i} fought the enemy army in the mud of the war."
        for i in range(4)
    ]
    trade = [
        f"Merchants sold silk and spices at the market, and trader {i} counted coins at the busy market."
        for i in range(4)
    ]
    source = "A text\n\n" + "\n\n".join(p + " " + p for p in war + trade)
    plans = plan_lessons(read_text(source), "x")
    assert [len(p.passages) for p in plans] == [4, 4]
    assert all("army" in passage.text for passage in plans[0].passages)
    assert [p.title for p in plans] == ["A text (part 1)", "A text (part 2)"]


def test_a_long_text_without_headings_still_gives_lessons_of_two_to_six():
    paragraph = (
        "This paragraph talks about one thing or another at some length, with enough words to stand alone as a"
        " passage of its own, which is what this test needs."
    )
    plans = plan_lessons(read_text("\n\n".join(f"{paragraph} Number {i}." for i in range(23))), "x")
    assert sum(len(p.passages) for p in plans) == 23
    assert all(MIN_PASSAGES <= len(p.passages) <= MAX_PASSAGES for p in plans)


def test_a_one_paragraph_article_gives_one_lesson_of_two_passages():
    plans = plan_lessons(read_text("Rome was founded. It grew. It fell in 476. Historians still argue why."), "Rome")
    assert len(plans) == 1 and len(plans[0].passages) == 2


def test_sentences_respect_abbreviations_and_initials():
    text = 'Gen. Lucius D. Clay met Mr. Smith in the U.S. Army. He left. "Go!" she said. In 1948 it ended.'
    assert [s.text for s in sentences(text)] == [
        "Gen. Lucius D. Clay met Mr. Smith in the U.S. Army.",
        "He left.",
        '"Go!" she said.',
        "In 1948 it ended.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences(text))
    old_names = "The letter was signed by Wm. Pinkney and Chas. Evans. Both lived in Baltimore."
    assert [s.text for s in sentences(old_names)] == [
        "The letter was signed by Wm. Pinkney and Chas. Evans.",
        "Both lived in Baltimore.",
    ]


def test_a_paragraph_and_a_list_item_end_their_sentence_and_the_item_mark_is_not_in_it():
    text = "The quay was built in 1871\n\n- 1874 Kelby warehouse opened\n- Orrin followed in 1880. It was smaller"
    found = sentences(text)
    assert [s.text for s in found] == [
        "The quay was built in 1871",
        "1874 Kelby warehouse opened",
        "Orrin followed in 1880.",
        "It was smaller",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_dated_byline_is_furniture_but_a_short_dated_line_of_prose_is_not():
    article = read_text(
        "A title\n\nTuesday 15 October 2019 by Jane Roe\n\nThe treaty was signed in 1919 by the powers at"
        " Versailles after months of talks between the victors.\n\nMay 1945 by the river\n\nThe armies met at"
        " the bridge and the war in Europe came to an end within days of that meeting.\n"
    )
    assert "Tuesday 15 October 2019 by Jane Roe" in article.removed
    assert "May 1945 by the river" in [b.text for b in article.blocks]  # a heading, not a byline


PROSE = (
    "The harbour town grew quickly after the railway arrived, and merchants built warehouses along the quay"
    " to store grain, timber and salted fish for the winter markets inland."
)
MORE_PROSE = (
    "Within a generation the old fishing families had become shipowners, and their sons sat on the town"
    " council that decided where the new breakwater would stand."
)


def test_a_boxed_note_inside_the_main_text_is_not_a_passage():
    page = (
        f"<html><body><h1>The harbour town</h1><p>{PROSE}</p>"
        '<div class="note feature"><h3>Go further</h3><p>Listen to a recording of an old sea shanty sung by'
        " dockworkers of the period, kept in a regional sound archive.</p></div>"
        f"<aside><p>Visit the maritime museum to see a model of the quay as it stood then.</p></aside>"
        f"<p>{MORE_PROSE}</p></body></html>"
    )
    article = read_html(page)
    text = body(article)
    assert PROSE in text and MORE_PROSE in text
    assert "shanty" not in text and "Go further" not in text and "museum" not in text
    assert any("shanty" in removed for removed in article.removed)


def test_an_infobox_caption_repeating_the_title_is_not_a_passage():
    page = (
        "<html><body><h1>Harbour Board</h1>"
        '<table class="infobox"><caption>Harbour Board</caption><tr><td>Founded 1871</td></tr></table>'
        f"<p>{PROSE}</p><p>Harbour Board</p><p>{MORE_PROSE}</p></body></html>"
    )
    article = read_html(page)
    assert [b.text for b in article.blocks] == [PROSE, MORE_PROSE]


def test_a_label_written_as_a_paragraph_before_prose_becomes_a_heading():
    article = read_html(f"<html><body><h1>Town</h1><p>Background</p><p>{PROSE}</p><p>{MORE_PROSE}</p></body></html>")
    assert [(b.kind, b.text) for b in article.blocks][:2] == [("heading", "Background"), ("paragraph", PROSE)]
    listed = read_html(f"<html><body><h1>Town</h1><p>{PROSE}</p><p>Salt</p><p>Grain</p></body></html>")
    assert [(b.kind, b.text) for b in listed.blocks] == [
        ("paragraph", PROSE),
        ("paragraph", "Salt"),
        ("paragraph", "Grain"),
    ]


def test_the_sites_licence_line_ends_the_article_and_its_footer_goes_with_it():
    text = (
        f"Town\n\n{PROSE}\n\n{MORE_PROSE}\n\n{PROSE.replace('harbour', 'river')}\n\n"
        "Send comments on this post to editor@example.org.\n\n"
        "The whole text is licensed under a Creative Commons BY 4.0 licence.\n\n"
        "The views here are mine alone and not those of any employer I have had or will have, past or present.\n\n"
        "Quayside is a trademark of the Example Harbour Trust.\n"
    )
    article = read_text(text)
    kept = body(article)
    assert kept.endswith(PROSE.replace("harbour", "river"))
    assert "employer" not in kept and "trademark" not in kept and "editor@" not in kept
    assert any("employer" in removed for removed in article.removed)


def test_a_licence_named_early_in_the_text_does_not_end_it():
    text = f"Town\n\nThis page is licensed under a Creative Commons Attribution licence.\n\n{PROSE}\n\n{MORE_PROSE}\n"
    article = read_text(text)
    assert body(article).endswith(MORE_PROSE)


def test_a_list_the_running_text_announces_with_a_colon_is_kept():
    page = (
        "<html><body><main><h1>Ports of the coast</h1>"
        "<p>The company opened its first warehouse at Dunmore in the spring of 1871, after long talks with the"
        " harbour board about the rent and the tolls for every ship that would call there.</p>"
        "<p>Further warehouses were opened at the following places:</p>"
        "<ul><li>Kelby: opened June 2, 1874.</li><li>Orrin: opened May 9, 1880.</li></ul>"
        "<p>By the end of the decade the company traded in every port of the coast, and its ships carried most of"
        " the grain that the northern valleys sent to the capital each autumn.</p>"
        "</main></body></html>"
    )
    article = read_html(page)
    texts = [b.text for b in article.blocks]
    assert "Kelby: opened June 2, 1874." in texts and "Orrin: opened May 9, 1880." in texts


def test_wiki_gallery_lines_and_caption_tails_in_a_text_dump_are_furniture():
    text = (
        "The treaty was signed in the capital in 1902 by the four powers of the region after a long winter.\n\n"
        "Signing1902a.jpg|The envoys at the table Signing1902b.jpg|The seals\n\n"
        "at the palace in 1903]] The treaty held for a generation and was renewed by the same four powers later."
    )
    article = read_markdown(text)
    texts = [b.text for b in article.blocks]
    assert not any(".jpg" in t for t in texts)
    assert texts[-1].startswith("The treaty held for a generation")
    assert "at the palace in 1903]]" in article.removed


def test_footnote_marks_that_are_numbered_links_leave_no_number_on_the_word():
    page = (
        "<html><body><article><h1>Canal clerks</h1>"
        "<p>The ledgers of Port Ambrell were kept in good order.<sup><a href='#note3'>3</a></sup> "
        "Its clerks counted 1200 barges in a year, an area of 40 km<sup>2</sup> of docks,"
        "<a href='#n4'>4</a> and a toll office on pier <a href='#pier-7'>7</a> took the fees. "
        "Orsolya Fenwick wrote the rules in 1822.<sup><a href='other.html#p2'>12</a></sup></p>"
        "<p>Later clerks followed those rules for many years after the canal was widened.</p>"
        "</article></body></html>"
    )
    text = body(read_html(page))
    assert "order. Its clerks" in text and "1822. Later" not in text and "in 1822." in text
    assert "order.3" not in text and "docks,4" not in text and "1822.12" not in text
    assert "1200 barges" in text and "40 km2 of docks" in text  # a number in the text and a plain exponent stay
    assert "on pier 7 took" in text  # a numbered link after a space is text, not a note mark


def test_plain_text_loses_a_printed_page_marker_inside_a_sentence():
    text = body(read_text("LINDQVIST, ARNE\n\nHe sailed south and landed [v.07 p.0412] at the port in 1871.\n"))
    assert "landed at the port in 1871." in text


_BODY = (
    "The mill at Arden opened in 1811 and gave work to half the valley for forty years.\n\n"
    "Its owner, Ivo Marsk, built a school beside it in 1820, and the school outlived the mill by a century.\n"
)


def test_a_yaml_front_matter_header_is_metadata_not_running_text():
    source = '---\ntitle: "The Arden mill"\ndate: 1999-04-02\ntags:\n  - mills\n---\n\n' + _BODY
    for fmt in ("md", "txt"):
        article = read_article(source, fmt)
        texts = " ".join(b.text for b in article.blocks)
        assert "1999" not in texts and "mills" not in texts and texts.startswith("The mill at Arden")
        assert article.title == "The Arden mill"  # the header's title stands in for a missing one
        assert "date: 1999-04-02" in article.removed


def test_a_text_opening_with_a_rule_keeps_its_first_lines():
    source = "---\nThe mill at Arden opened in 1811.\n---\n\n" + _BODY  # not a YAML mapping: text
    for fmt in ("md", "txt"):
        assert "opened in 1811" in body(read_article(source, fmt))


def test_numbered_notes_after_the_body_are_furniture():
    notes = (
        "¹ The date of the opening is given by Hale, History of the Valley, vol. 2, p. 40.\n\n"
        "² Marsk's letters, 1822.\n\n"
        "He wrote in one of them that the school cost more than the mill.\n\n"  # a note running on
        "³ Hale, p. 41; see also the parish register of 1830.\n"
    )
    for fmt in ("md", "txt"):
        article = read_article("# The Arden mill\n\n" + _BODY + "\n" + notes, fmt)
        texts = " ".join(b.text for b in article.blocks)
        assert "1820" in texts and "1822" not in texts and "1830" not in texts and "cost more" not in texts
        assert any(r.startswith("² Marsk's letters") for r in article.removed)
    footnotes = "[^1]: Hale, p. 40.\n\n[^2]: The parish register of 1830.\n"
    assert "1830" not in " ".join(b.text for b in read_article(_BODY + "\n" + footnotes, "md").blocks)


def test_a_numbered_list_closing_an_article_is_kept_unless_it_cites_pages():
    events = "1. In 1830 the school got a second floor.\n\n2. In 1851 the mill closed.\n"
    texts = " ".join(b.text for b in read_article("# Arden\n\n" + _BODY + "\n" + events, "md").blocks)
    assert "1830" in texts and "1851" in texts
    cited = "1. Hale, History of the Valley, p. 40.\n\n2. Hale, p. 52, on the closing of 1851.\n"
    texts = " ".join(b.text for b in read_article("# Arden\n\n" + _BODY + "\n" + cited, "txt").blocks)
    assert "1820" in texts and "1851" not in texts


def test_a_line_opening_with_a_year_and_a_full_stop_continues_its_paragraph():
    source = "# Ada Lind\n\nAda Lind was born in Arden in\n1880. At the age of 20 she moved to Velmar.\n"
    assert body(read_markdown(source)) == "Ada Lind was born in Arden in 1880. At the age of 20 she moved to Velmar."
    listed = "# Steps\n\nThe guild did three things:\n1. It built a hall.\n2. It hired a clerk.\n"
    assert [b.kind for b in read_markdown(listed).blocks] == ["paragraph", "item", "item"]


def test_a_line_break_then_an_indent_starts_a_paragraph():
    source = (
        "# The charter\n\n     The council of Velmar met in 1820 and wrote the charter.  \n"
        "     The guild of Arden signed it in 1821, after a long quarrel.\n"
    )
    assert [b.text for b in read_markdown(source).blocks] == [
        "The council of Velmar met in 1820 and wrote the charter.",
        "The guild of Arden signed it in 1821, after a long quarrel.",
    ]


def test_the_signing_formula_of_a_proclamation_ends_the_text():
    source = (
        "The council of Velmar set aside the old mill of Arden as a park in 1990, after the last miller left it.\n\n"
        "The park shall be kept by the council of Velmar for the people of the valley, and no building shall be"
        " raised on its land without the consent of the council and of the guild.\n\n"
        "IN WITNESS WHEREOF, the council of Velmar signs this charter on the tenth day of May, 2001.\n\n"
        "ADA LIND\n"
    )
    article = read_text(source)
    assert "WITNESS" not in body(article) and "ADA LIND" not in body(article)
    assert any(r.startswith("IN WITNESS WHEREOF") for r in article.removed)


def test_prose_written_directly_in_a_div_between_kept_paragraphs_is_kept():
    translation = (
        "The old harbour master of Kelby kept the light burning through the storm of 1888, and the town still"
        " remembers his name every winter when the boats come home."
    )
    teaser = (
        "Read our whole series on the lighthouses of the northern coast and the families who kept them in twelve parts"
    )
    page = (
        "<html><body><article><h1>Voices from the coast</h1>"
        f"<p>{PROSE}</p>"
        "<p>The blogger Anselm Dufay wrote about the lighthouse of Kelby and its keeper in a long post:</p>"
        "<blockquote><p>Le vieux gardien du port de Kelby a gardé la lumière allumée pendant toute la tempête de"
        " 1888, et la ville se souvient encore de son nom chaque hiver.</p></blockquote>"
        f'<div class="translation">{translation}<p>He was never paid for that night, the post says.</p></div>'
        f"<p>{MORE_PROSE}</p>"
        f'<div class="promo"><a href="/series">{teaser}</a></div>'
        f"<p>{PROSE.replace('harbour town', 'river port')}</p>"
        "</article></body></html>"
    )
    texts = [b.text for b in read_html(page).blocks]
    assert translation in texts
    assert teaser not in texts  # no sentence: a teaser, though it stands between two paragraphs


def test_the_first_line_of_a_hard_wrapped_paragraph_is_no_heading():
    entry = (
        "VARNHOLT, SIR ODO MAREK (1801-1870), Dornish admiral, son of Petra\n"
        "Varnholt of Kelby, was born in 1801, and went to sea at the age of twelve\n"
        "in the frigate Larch, which he later commanded in the northern waters.\n\n"
        "In 1840 he became captain of the port of Kelby, a post he held until 1852.\n"
    )
    article = read_text(entry)
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert article.blocks[0].text.startswith(
        "VARNHOLT, SIR ODO MAREK (1801-1870), Dornish admiral, son of Petra Varnholt"
    )
    short = read_text(
        "Dornvale\n\nThe Black Ships\nIn 1853 four ships came into the bay of Edo and stayed there\nfor a week.\n\n"
        "In 1854 they came back with more ships and a letter for the court, which was read aloud.\n"
    )
    assert [b.kind for b in short.blocks] == ["heading", "paragraph", "paragraph"]


def test_a_broadcast_dateline_is_furniture_but_a_heading_about_broadcasting_is_not():
    article = read_text(
        "The Long Valley #12\n\nBroadcast: Monday, March 3, 2003\n\nBroadcast news in the valley\n\n"
        "The first radio station of Kelmoor opened in 1924 and read the grain prices every morning at six."
        "\n\nIts owner, Ada Quell, sold it in 1931 to a company from the capital, which moved it to the coast.\n"
    )
    assert "Broadcast: Monday, March 3, 2003" in article.removed
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Broadcast news in the valley"]


def test_a_term_label_introduces_its_list_and_no_list_item_becomes_a_heading():
    page = (
        "<html><body><main><h1>The council vote</h1>"
        f"<p>{PROSE}</p>"
        "<p>After three long evenings of argument about the cost of the stone and the risk to the old fishing"
        " berths, the council members voted on the new breakwater as follows:</p>"
        "<dl><dt>For</dt></dl><ul><li>Ada Brill</li><li>Tomas Corve</li></ul>"
        "<dl><dt>Against</dt></dl><ul><li>Ilse Dunmore</li></ul>"
        f"<p>{MORE_PROSE}</p>"
        "</main></body></html>"
    )
    article = read_html(page)
    assert [(b.kind, b.text) for b in article.blocks[2:7]] == [
        ("paragraph", "For:"),
        ("item", "Ada Brill"),
        ("item", "Tomas Corve"),
        ("paragraph", "Against:"),
        ("item", "Ilse Dunmore"),
    ]
    assert not [b for b in article.blocks if b.kind == "heading"]  # "Ilse Dunmore" before prose is no heading
    passages = [p.text for plan in plan_lessons(article, "x") for p in plan.passages]
    # the sentence announcing the list, its labels and its items: one passage
    assert "as follows:\n\nFor:\n\n- Ada Brill\n- Tomas Corve\n\nAgainst:\n\n- Ilse Dunmore" in "\n".join(passages)
    assert not any(text.startswith(("For:", "- ")) for text in passages)


def test_what_the_page_hides_and_a_wikis_maintenance_tags_are_not_text():
    page = (
        "<html><body><main><h1>The harbour</h1>"
        '<p>As of late 2015<sup class="update" style="display: none;"><a href="/edit">[update]</a></sup>, the quay'
        " handled most of the grain of the valley, and the town council [when?] planned a second breakwater"
        " [citation needed] to shelter the fishing fleet in winter storms.</p>"
        f"<p>{PROSE}</p>"
        f"<div hidden>{MORE_PROSE}</div>"
        "</main></body></html>"
    )
    text = body(read_html(page))
    assert "As of late 2015, the quay handled" in text
    assert "town council planned a second breakwater to shelter" in text
    assert "[" not in text and MORE_PROSE not in text


def items_between_prose(title: str, lists: str) -> list[str]:
    """The list items read from a page holding ``lists`` between two paragraphs of prose."""
    page = f"<html><body><main><h1>{title}</h1><p>{PROSE}</p>{lists}<p>{MORE_PROSE}</p></main></body></html>"
    return [b.text for b in read_html(page).blocks if b.kind == "item"]


def test_list_items_that_are_one_linked_word_are_labels_not_text():
    items = items_between_prose(
        "The dashboard",
        "<ul><li>The harbour board published a new chart of the tides, in three versions:<ul>"
        '<li><a href="/chart?v=1">plain</a></li><li><a href="/chart?v=2">annotated</a></li></ul></li>'
        '<li><a href="/people/ada">Ada Brill</a> drew all three by hand over one winter.</li>'
        '<li><a href="/kelby">Kelby</a></li></ul>',
    )
    assert items == [
        "The harbour board published a new chart of the tides, in three versions:",
        "Ada Brill drew all three by hand over one winter.",
    ]


def test_a_newsletters_chat_handles_leave_the_names_in_its_lists():
    items = items_between_prose(
        "Team news",
        "<ul><li>[ada] Tomas Corve joins the harbour office this week. Welcome Tomas!</li>"
        "<li>Ilse Dunmore [:ilse]</li><li>Jon Farrow :jfarrow</li><li>Mara Elsin [:m.elsin] fixed the bell.</li></ul>",
    )
    assert items == [
        "Tomas Corve joins the harbour office this week. Welcome Tomas!",
        "Ilse Dunmore",
        "Jon Farrow",
        "Mara Elsin fixed the bell.",
    ]


def test_a_list_after_a_sub_heading_starts_a_passage_and_a_long_list_goes_on_in_another():
    lead = "The harbour board kept a list of every ship that called at the quay in the first busy year after 1871."
    fleet = "".join(
        f"<li>The ship number {n} of the northern fleet unloaded grain and timber at the quay.</li>" for n in range(12)
    )
    page = (
        "<html><body><main><h1>Ships</h1><h2>The first year</h2>"
        f"<p>{lead}</p><ul>{fleet}</ul>"
        f"<h3>The fishing boats</h3><ul><li>{PROSE}</li><li>{MORE_PROSE}</li></ul>"
        "</main></body></html>"
    )
    passages = [p for plan in plan_lessons(read_html(page), "x") for p in plan.passages]
    boats = [p for p in passages if p.heading == "The fishing boats"]
    assert len(boats) == 1 and boats[0].text == f"- {PROSE}\n- {MORE_PROSE}"
    fleet_passages = [p.text for p in passages if "northern fleet" in p.text]
    assert len(fleet_passages) >= 2  # 12 items of 15 words: longer than one passage's list
    assert all(len(text.split()) <= 150 for text in fleet_passages)


def test_a_short_passage_joining_the_next_keeps_that_ones_sub_heading_as_a_label_line():
    text = (
        "# The port\n\n## Trade\n\n### Grain\n\nThe quay shipped grain from 1871.\n\n"
        f"### Timber\n\n{PROSE}\n\n### Fish\n\n{MORE_PROSE}\n"
    )
    passages = [p for plan in plan_lessons(read_markdown(text), "x") for p in plan.passages]
    first = passages[0]
    assert first.heading == "Grain"
    assert first.paragraphs == ("The quay shipped grain from 1871.", "Timber:", PROSE)
    assert passages[1].heading == "Fish"
