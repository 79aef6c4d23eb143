"""A quiz as a QTI 3.0 content package: a manifest, a test, and one item per question.

Each item scores like the classroom does where QTI can say it: one right
option (match), several (a map of +share/-share, bounded 0..points), accepted
written answers (a case-insensitive map), a number within its tolerance (full
marks) or within ``near`` (half), matching (a share per right pair), and order
(all or nothing: QTI has no "longest run in order" credit). The explanation and
each option's feedback become modal feedback. What QTI cannot carry (typo
allowance, feedback on written answers, hints, the subset order credit) is said
in the export report. The package is checked against 1EdTech's QTI 3.0 XSDs kept in
``qti3_xsd/`` (origin and licence in its README), offline.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from classroom.content.models import Quiz
from classroom.errors import InternalError
from classroom.interchange.items import Item
from classroom.interchange.richtext import markdown_to_html

NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
XSD = Path(__file__).parent / "qti3_xsd"
ITEM_XSD = XSD / "qtiv3p0" / "imsqti_asiv3p0_sbacv1p0_v1p0.xsd"
MANIFEST_XSD = XSD / "qtiv3p0" / "imsqtiv3p0_imscpv1p2_v1p0.xsd"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, _q(tag), {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def identifier(text: str) -> str:
    """A QTI identifier (an XML name) from one of ours: ids may start with a digit, names may not."""
    return text if re.match(r"[A-Za-z_]", text) else f"q-{text}"


def _html(parent: Any, markdown: str) -> None:
    """Question text into ``parent`` as XHTML paragraphs in the QTI namespace."""
    fragment = etree.fromstring(f"<div>{markdown_to_html(markdown)}</div>".replace("<br>", "<br/>"))
    for paragraph in fragment:
        p = _el(parent, "p", paragraph.text)
        for br in paragraph:
            _el(p, "br").tail = br.tail


def _score(root: Any, points: float) -> None:
    outcome = _el(root, "qti-outcome-declaration", identifier="SCORE", cardinality="single", base_type="float")
    _el(_el(outcome, "qti-default-value"), "qti-value", "0")
    top = _el(root, "qti-outcome-declaration", identifier="MAXSCORE", cardinality="single", base_type="float")
    _el(_el(top, "qti-default-value"), "qti-value", f"{points:g}")


def _set_score(parent: Any, value: float | None = None, expression: Any = None) -> Any:
    setter = _el(parent, "qti-set-outcome-value", identifier="SCORE")
    if expression is None:
        _el(setter, "qti-base-value", f"{value:g}", base_type="float")
    else:
        setter.append(expression)
    return setter


def _if_correct(processing: Any, points: float) -> None:
    """SCORE = points when the response matches the correct response, else 0."""
    condition = _el(processing, "qti-response-condition")
    branch = _el(condition, "qti-response-if")
    match = _el(branch, "qti-match")
    _el(match, "qti-variable", identifier="RESPONSE")
    _el(match, "qti-correct", identifier="RESPONSE")
    _set_score(branch, points)
    _set_score(_el(condition, "qti-response-else"), 0.0)


def _mapped(processing: Any) -> None:
    mapped = etree.Element(_q("qti-map-response"), identifier="RESPONSE")
    _set_score(processing, expression=mapped)


def _feedback(root: Any, question: Any, choice_ids: dict[str, str], lost: list[str]) -> None:
    """The explanation (shown after any answer) and each option's feedback (shown when it is picked), as modal feedback.

    Feedback keyed by a written answer or a number has no choice to hang on: it is named in the report.
    """
    shown = {choice_ids[key]: text for key, text in question.feedback.items() if key in choice_ids}
    if len(shown) < len(question.feedback):
        lost.append("feedback for particular written answers is not written to QTI")
    if question.hint:
        lost.append("the hint is not written to QTI")
    if question.explain:
        shown["explain"] = question.explain
    if not shown:
        return
    declarations = root.findall(_q("qti-outcome-declaration"))
    declaration = etree.Element(_q("qti-outcome-declaration"))
    for key, value in (("identifier", "FEEDBACK"), ("cardinality", "multiple"), ("base-type", "identifier")):
        declaration.set(key, value)
    declarations[-1].addnext(declaration)
    setter = _el(root.find(_q("qti-response-processing")), "qti-set-outcome-value", identifier="FEEDBACK")
    together = _el(setter, "qti-multiple")
    if question.explain:
        _el(together, "qti-base-value", "explain", base_type="identifier")
    if choice_ids:
        _el(together, "qti-variable", identifier="RESPONSE")
    for ident, text in shown.items():
        modal = _el(root, "qti-modal-feedback", outcome_identifier="FEEDBACK", identifier=ident, show_hide="show")
        _html(_el(modal, "qti-content-body"), text)


def _order(root: Any, response: Any, body: Any, question: Any, lost: list[str]) -> None:
    """Put in order has its own interaction in QTI (the bank formats go through matching instead)."""
    response.set("cardinality", "ordered")
    response.set("base-type", "identifier")
    correct = _el(response, "qti-correct-response")
    interaction = _el(body, "qti-order-interaction", response_identifier="RESPONSE", shuffle="true")
    _html(_el(interaction, "qti-prompt"), question.ask)
    for number, text in enumerate(question.items, start=1):
        _el(correct, "qti-value", f"c{number}")
        _el(interaction, "qti-simple-choice", text, identifier=f"c{number}")
    if question.scoring == "subset":
        lost.append("QTI scores the order all or nothing (no credit for a run in the right order)")
    _if_correct(_el(root, "qti-response-processing"), float(question.points))


NATIVE = {"order": _order}  # kinds QTI has an interaction for that the bank formats lack


def _item(question: Any, item: Item) -> tuple[bytes, list[str]]:
    """One question as a QTI item file, and what QTI could not carry."""
    lost: list[str] = []
    points = float(question.points)
    root = etree.Element(_q("qti-assessment-item"), nsmap={None: NS})
    root.set("identifier", identifier(question.id))
    root.set("title", question.id)
    root.set("adaptive", "false")
    root.set("time-dependent", "false")
    response = _el(root, "qti-response-declaration", identifier="RESPONSE", cardinality="single")
    _score(root, points)
    body = _el(root, "qti-item-body")
    processing: Any
    choice_ids: dict[str, str] = {}  # feedback key (an option, "true"/"false") -> its choice's identifier
    if question.kind in NATIVE:
        NATIVE[question.kind](root, response, body, question, lost)
    elif item.type in ("multichoice", "truefalse"):
        several = item.type == "multichoice" and not item.single
        response.set("cardinality", "multiple" if several else "single")
        response.set("base-type", "identifier")
        correct = _el(response, "qti-correct-response")
        names = {answer.text: f"c{n}" for n, answer in enumerate(item.answers, start=1)}
        choice_ids = names
        for answer in item.answers:
            if answer.fraction > 0:
                _el(correct, "qti-value", names[answer.text])
        if several:
            mapping = _el(response, "qti-mapping", lower_bound="0", upper_bound=f"{points:g}", default_value="0")
            for answer in item.answers:
                _el(
                    mapping, "qti-map-entry", map_key=names[answer.text], mapped_value=f"{answer.fraction * points:.6g}"
                )
        interaction = _el(
            body,
            "qti-choice-interaction",
            response_identifier="RESPONSE",
            max_choices="0" if several else "1",
            shuffle="false" if item.type == "truefalse" else "true",
        )
        _html(_el(interaction, "qti-prompt"), question.ask)
        for answer in item.answers:
            label = answer.text.capitalize() if item.type == "truefalse" else answer.text
            _el(interaction, "qti-simple-choice", label, identifier=names[answer.text])
        processing = _el(root, "qti-response-processing")
        _mapped(processing) if several else _if_correct(processing, points)
    elif item.type == "shortanswer":
        response.set("base-type", "string")
        accepted = [a.text for a in item.answers if a.fraction >= 1]
        _el(_el(response, "qti-correct-response"), "qti-value", accepted[0])
        mapping = _el(response, "qti-mapping", lower_bound="0", upper_bound=f"{points:g}", default_value="0")
        for text in dict.fromkeys(accepted):
            _el(mapping, "qti-map-entry", map_key=text, mapped_value=f"{points:g}", case_sensitive="false")
        _html(body, question.ask)
        _el(_el(body, "p"), "qti-text-entry-interaction", response_identifier="RESPONSE")
        _mapped(_el(root, "qti-response-processing"))
    elif item.type == "numerical":
        response.set("base-type", "float")
        key = item.answers[0]
        _el(_el(response, "qti-correct-response"), "qti-value", key.text)
        _html(body, question.ask)
        _el(_el(body, "p"), "qti-text-entry-interaction", response_identifier="RESPONSE")
        condition = _el(_el(root, "qti-response-processing"), "qti-response-condition")
        bands = [(key.tolerance, points)] + [
            (a.tolerance, points * a.fraction) for a in item.answers[1:2] if a.fraction
        ]
        for index, (tolerance, score) in enumerate(bands):
            branch = _el(condition, "qti-response-if" if index == 0 else "qti-response-else-if")
            if tolerance:
                equal = _el(branch, "qti-equal", tolerance_mode="absolute", tolerance=f"{tolerance!r} {tolerance!r}")
            else:
                equal = _el(branch, "qti-equal", tolerance_mode="exact")
            _el(equal, "qti-variable", identifier="RESPONSE")
            _el(equal, "qti-correct", identifier="RESPONSE")
            _set_score(branch, score)
        _set_score(_el(condition, "qti-response-else"), 0.0)
    elif item.type == "matching":
        pairs = [a for a in item.answers if a.left]
        response.set("cardinality", "multiple")
        response.set("base-type", "directedPair")
        rights = list(dict.fromkeys(a.text for a in item.answers))
        left_ids = {a.left: f"l{n}" for n, a in enumerate(pairs, start=1)}
        right_ids = {text: f"r{n}" for n, text in enumerate(rights, start=1)}
        correct = _el(response, "qti-correct-response")
        mapping = _el(response, "qti-mapping", lower_bound="0", upper_bound=f"{points:g}", default_value="0")
        for answer in pairs:
            pair = f"{left_ids[answer.left]} {right_ids[answer.text]}"
            _el(correct, "qti-value", pair)
            _el(mapping, "qti-map-entry", map_key=pair, mapped_value=f"{points / len(pairs):.6g}")
        interaction = _el(
            body,
            "qti-match-interaction",
            response_identifier="RESPONSE",
            shuffle="true",
            max_associations=str(len(pairs)),
        )
        _html(_el(interaction, "qti-prompt"), question.ask)
        lefts, right_set = _el(interaction, "qti-simple-match-set"), _el(interaction, "qti-simple-match-set")
        for answer in pairs:
            _el(lefts, "qti-simple-associable-choice", answer.left, identifier=left_ids[answer.left], match_max="1")
        for text in rights:
            _el(right_set, "qti-simple-associable-choice", text, identifier=right_ids[text], match_max="0")
        _mapped(_el(root, "qti-response-processing"))
    else:  # every type ``mapping.to_item`` writes is handled above
        raise InternalError(f"no QTI form for a {item.type} item")
    _feedback(root, question, choice_ids, lost)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True), lost


def _test(quiz: Quiz, hrefs: list[tuple[str, str]]) -> bytes:
    root = etree.Element(_q("qti-assessment-test"), nsmap={None: NS})
    root.set("identifier", identifier(quiz.id))
    root.set("title", quiz.title)
    part = _el(root, "qti-test-part", identifier="part-1", navigation_mode="nonlinear", submission_mode="simultaneous")
    section = _el(part, "qti-assessment-section", identifier="section-1", title=quiz.title, visible="true")
    for ident, href in hrefs:
        _el(section, "qti-assessment-item-ref", identifier=ident, href=href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _manifest(quiz: Quiz, hrefs: list[tuple[str, str]]) -> bytes:
    def cp(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        element = etree.SubElement(parent, f"{{{CP}}}{tag}", attrs)
        element.text = text
        return element

    root = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP}, identifier=f"manifest-{identifier(quiz.id)}")
    metadata = cp(root, "metadata")
    cp(metadata, "schema", "QTI Package")
    cp(metadata, "schemaversion", "3.0.0")
    cp(root, "organizations")
    resources = cp(root, "resources")
    test = cp(resources, "resource", identifier="test", type="imsqti_test_xmlv3p0", href="test.xml")
    cp(test, "file", href="test.xml")
    for ident, _ in hrefs:
        cp(test, "dependency", identifierref=f"item-{ident}")
    for ident, href in hrefs:
        resource = cp(resources, "resource", identifier=f"item-{ident}", type="imsqti_item_xmlv3p0", href=href)
        cp(resource, "file", href=href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def files(quiz: Quiz, items: list[Item]) -> tuple[dict[str, bytes], dict[str, list[str]]]:
    """The package's files (name -> bytes) and, per question id, what QTI could not carry."""
    out: dict[str, bytes] = {}
    lost: dict[str, list[str]] = {}
    hrefs: list[tuple[str, str]] = []
    for question, item in zip(quiz.questions, items, strict=True):
        ident = identifier(question.id)
        href = f"items/{ident}.xml"
        out[href], lost[question.id] = _item(question, item)
        hrefs.append((ident, href))
    out["test.xml"] = _test(quiz, hrefs)
    out["imsmanifest.xml"] = _manifest(quiz, hrefs)
    return out, lost


@functools.cache
def schema(path: Path) -> Any:
    """A QTI XSD, loaded once, offline (no network, no entities)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def problems(package: dict[str, bytes]) -> list[str]:
    """Every XSD violation in the package's files, as ``file:line: message`` (empty: valid)."""
    found: list[str] = []
    for name, data in package.items():
        checker = schema(MANIFEST_XSD if name == "imsmanifest.xml" else ITEM_XSD)
        document = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
        if not checker.validate(document):
            found.extend(f"{name}:{e.line}: {e.message}" for e in checker.error_log)
    return found


def package(quiz: Quiz, items: list[Item]) -> tuple[bytes, dict[str, list[str]]]:
    """The zip file, checked against the XSDs before it is handed out (a failure is a bug here)."""
    content, lost = files(quiz, items)
    invalid = problems(content)
    if invalid:
        raise InternalError("the QTI export does not validate: " + "; ".join(invalid[:5]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in content.items():
            archive.writestr(name, data)
    return buffer.getvalue(), lost
