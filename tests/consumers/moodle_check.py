"""Reads linkage's Moodle XML quiz with lxml: validates it against the structure of
Moodle's question format (moodle_quiz.xsd), reads each question's text and choices out
of their HTML (lxml.html), checks that every fraction is one of the grades Moodle's
import accepts and that a question's grades add up as Moodle marks them, and compares
the questions, right choices and wrong choices with what linkage says it wrote.

usage: moodle_check.py QUIZ.xml EXPECTED.json"""

import json
import os

from lxml import etree, html

from common import expect, main

# Moodle's grade options (question_bank::fraction_options_full), as percentages.
GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
          16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0]


def text_of(fragment):
    """The text a student sees of an HTML fragment."""
    return " ".join(html.fragment_fromstring(fragment, create_parent="div").text_content().split())


def check(argv):
    quiz_path, expected_path = argv
    here = os.path.dirname(os.path.abspath(__file__))
    schema = etree.XMLSchema(etree.parse(os.path.join(here, "moodle_quiz.xsd")))
    doc = etree.parse(quiz_path)
    schema.assertValid(doc)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    questions = doc.getroot().findall("question[@type='multichoice']")
    expect("questions", len(questions), len(expected))
    keyed = 0
    for q, want in zip(questions, expected):
        prompt = text_of(q.findtext("questiontext/text"))
        expect("question", prompt, want["prompt"])
        right, wrong, positive, negative = [], [], 0.0, 0.0
        for answer in q.findall("answer"):
            fraction = float(answer.get("fraction"))
            if not any(abs(abs(fraction) - g) < 1e-4 for g in GRADES):
                raise AssertionError(f"{prompt}: {fraction} is not a Moodle grade")
            choice = text_of(answer.findtext("text"))
            (right if fraction > 0 else wrong).append(choice)
            if fraction > 0:
                positive += fraction
            else:
                negative += fraction
        expect(f"right choices of {prompt!r}", sorted(right), sorted(want["right"]))
        expect(f"wrong choices of {prompt!r}", sorted(wrong), sorted(want["wrong"]))
        single = q.findtext("single") == "true"
        expect(f"single of {prompt!r}", single, len(want["right"]) == 1)
        expect(f"marks of {prompt!r}", round(positive, 3), 100.0)
        if not single:
            expect(f"penalties of {prompt!r}", round(negative, 3), -100.0)
        feedback = text_of(q.findtext("generalfeedback/text"))
        for paper in want["key_papers"]:
            if paper not in feedback:
                raise AssertionError(f"{prompt}: the key does not name {paper}")
        keyed += 1
    return {"questions": len(questions), "keyed": keyed}


if __name__ == "__main__":
    main(check)
