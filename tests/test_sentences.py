"""Sentence spans: the abbreviations, initials and datelines news text is full of do not end a sentence."""

from __future__ import annotations

import pytest

from briefing.sentences import first_sentence_span, paragraph_spans, sentence_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Smith left. He said no.", ["Mr Smith left.", "He said no."]),
        ("It opens Sept. 5 in the U.S. The mayor came.", ["It opens Sept. 5 in the U.S.", "The mayor came."]),
        ("J. K. Rowling wrote it. Fans queued.", ["J. K. Rowling wrote it.", "Fans queued."]),
        ('"Why?" she asked. "Because."', ['"Why?" she asked.', '"Because."']),
        (
            "DENVERTON, Colo. (Wire) — Voters backed the levy. Turnout was low.",
            ["DENVERTON, Colo. (Wire) — Voters backed the levy.", "Turnout was low."],
        ),
        (
            "HARBORVIEW, Calif. — Fog closed the port. It reopened.",
            ["HARBORVIEW, Calif. — Fog closed the port.", "It reopened."],
        ),
        ("The city voted. (Reporting by Ana Ruiz)", ["The city voted.", "(Reporting by Ana Ruiz)"]),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


def test_line_breaks_end_sentences_and_paragraphs() -> None:
    text = "A title\n\nFirst line. Second.\n  \nLast"
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["A title", "First line. Second.", "Last"]
    assert [text[a:b] for a, b in sentence_spans(text)] == ["A title", "First line.", "Second.", "Last"]


@pytest.mark.parametrize(
    "text",
    ["Mr Smith left. He said no.", "  \n\nA title\nFirst line. Second.", "No end", "Why? No.", "   ", ""],
)
def test_first_sentence_span_is_the_first_of_sentence_spans(text: str) -> None:
    for start in range(len(text) + 1):
        spans = sentence_spans(text, start)
        assert first_sentence_span(text, start, len(text)) == (spans[0] if spans else None)
