"""A US politician's party marker after the name: "Bob Corker (R) of Tennessee", "Sen. Rand
Paul (R-Ky.)", "Saxby Chambliss, Republican of Georgia", "Rep. Jim Himes, D-Conn." (a bare
"(R)" is a photo caption's "right": "Moon Jae-in (R) took in the view").

American news writes these only of American politicians, so the person is American (USA),
whatever place follows ("of Georgia" is the state); with no role of their own they are a
legislator (LEG), as the marker is written for members of Congress. Written by hand: the
marker is a convention of American political writing that no library models."""

from __future__ import annotations

import re

PARTY_MARKER = re.compile(
    r"\s*(?:"
    r"\(\s*[RDI]\s*[-–,]\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*\)"  # (D-N.Y.)
    r"|\(\s*[RDI]\s*\)\s+(?:of|from)\s+[A-Z]"  # (R) of Tennessee; a bare "(R)" is a caption's
    r"|,\s*[RDI][-–][A-Z][A-Za-z.]{1,6}(?=[\s,.;)])"  # , R-Ky.
    r"|,\s*(?:a\s+)?(?:Republican|Democrat)\s+(?:of|from)\s"  # , Republican of Georgia
    r")"
)
COUNTRY = "USA"
DEFAULT_ROLE = "LEG"
REACH = 40  # characters after a mention in which a marker is read


def has_party_marker(text: str, end: int) -> bool:
    """Whether a US party marker follows a mention ending at ``end``."""
    return PARTY_MARKER.match(text[end : end + REACH]) is not None


def party_code(role: str | None) -> str:
    """The code of a marked politician: American, in their role or as a legislator."""
    return COUNTRY + (role or DEFAULT_ROLE)
