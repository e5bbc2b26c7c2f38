"""Characters the data's text may hold: controls, noncharacters, surrogates, direction controls."""

from __future__ import annotations

import pytest

from generator.check.characters import bad_character, unclosed_bidi


@pytest.mark.parametrize(
    ("text", "multiline", "found"),
    [
        ("Hợp tác xã Mẫu", False, None),
        ("e\u0301 \u00a0 \U0001f469\u200d\U0001f467 שלום \ufeff", False, None),  # odd but valid
        ("a\x00b", False, "\x00"),
        ("a\x07b", True, "\x07"),
        ("a\x1b[2J", True, "\x1b"),
        ("a\x7fb", False, "\x7f"),
        ("a\x9bb", True, "\x9b"),  # C1 control (CSI)
        ("a\ufffeb", True, "\ufffe"),
        ("a\uffffb", False, "\uffff"),
        ("a\ufdd0b", False, "\ufdd0"),
        ("a\U0010fffeb", False, "\U0010fffe"),
        ("a\ud800b", True, "\ud800"),  # a lone surrogate
        ("a\tb", False, "\t"),
        ("a\tb", True, None),
        ("a\nb", False, "\n"),
        ("a\nb", True, None),
        ("a\u2028b", False, "\u2028"),
        ("a\rb", True, "\r"),
    ],
)
def test_bad_characters(text: str, multiline: bool, found: str | None) -> None:
    assert bad_character(text, multiline) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("abc", None),
        ("\u202eabc\u202c", None),
        ("\u2067x\u2069 \u202bאב\u202c", None),
        ("\u2066\u202ax\u202c\u2069", None),  # nested in order
        ("\u202eabc", "\u202e"),
        ("abc\u202c", "\u202c"),  # closing nothing
        ("\u2068x", "\u2068"),
        ("\u202ax\u2069", "\u202a"),  # closed by the wrong kind: the embedding stays open
        ("x\u2069", "\u2069"),  # closing nothing
        ("\u2066\u202ax\u2069", "\u202a"),  # an embedding left open inside an isolate
        ("\u202ex\ny\u202c", "\u202e"),  # a paragraph break closes nothing
    ],
)
def test_direction_controls_must_be_closed(text: str, found: str | None) -> None:
    assert unclosed_bidi(text) == found
