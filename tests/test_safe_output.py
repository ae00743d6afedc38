"""Printed and exported text cannot attack its reader."""

import pytest

from newsgraph.safe_output import csv_cell, for_terminal

TERMINAL_CASES = [
    ("Putin visits Minsk", "Putin visits Minsk"),
    ("\x1b[2Jcleared", "\\x1b[2Jcleared"),
    ("\x1b]0;pwned\x07title", "\\x1b]0;pwned\\x07title"),
    ("C1 CSI \x9b31m", "C1 CSI \\x9b31m"),
    ("two\nlines\r", "two\\x0alines\\x0d"),
    ("tab\tstays", "tab\tstays"),
    ("abc\u202edcba", "abc\\u202edcba"),
    ("lone \ud83d surrogate", "lone \\ud83d surrogate"),
    ("Zürich — «quoted» 北京", "Zürich — «quoted» 北京"),
    (None, ""),
]


@pytest.mark.parametrize(("raw", "shown"), TERMINAL_CASES)
def test_for_terminal_shows_controls_as_escapes(raw, shown):
    assert for_terminal(raw) == shown


def test_for_terminal_keeps_newlines_when_asked():
    assert for_terminal("a\nb\x1b", keep_newlines=True) == "a\nb\\x1b"


CSV_CASES = [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\uff1d1+1", "'\uff1d1+1"),
    ("Vladimir Putin", "Vladimir Putin"),
    ("a=b", "a=b"),
    (-3, -3),
    (0.5, 0.5),
    (None, None),
]


@pytest.mark.parametrize(("raw", "cell"), CSV_CASES)
def test_csv_cell_neutralises_formulas(raw, cell):
    assert csv_cell(raw) == cell
