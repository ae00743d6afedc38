"""Where the article's places are named, for the actors of its events: a toponym that is an
argument stands for its country ("South Lebanon" -> LBN), a thing acted upon stands for the
country it is in, and a city's name is where, not who ("the Benghazi attacks")."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import Place


class PlaceMentions:
    """The mentions of the article's places with their countries, and of its cities."""

    def __init__(self, places: list[Place]) -> None:
        self.countries = sorted(
            (m.start, m.end, p.country) for p in places if p.country for m in p.mentions
        )
        self.cities = [(m.start, m.end) for p in places if p.feature == "city" for m in p.mentions]

    def country_within(self, start: int, end: int) -> str | None:
        """The country of a place mention that holds all of [start, end)."""
        for m_start, m_end, country in self.countries:
            if m_start <= start and end <= m_end:
                return country
        return None

    def country_named(self, head: int, start: int) -> str | None:
        """The country of a place named by a phrase starting at ``start`` whose head word
        starts at ``head``: the place holds the head, and the phrase starts in or just before
        it."""
        for m_start, m_end, country in self.countries:
            if m_start <= head < m_end and start >= m_start - 4:
                return country
        return None

    def is_city(self, token: Token) -> bool:
        """Whether the token is part of a city's name ("Benghazi" in "the Benghazi attacks")."""
        return any(start <= token.idx < end for start, end in self.cities)
