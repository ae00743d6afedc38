"""Long texts parsed in paragraph-aligned chunks and joined into one Doc over the whole text.

Parsing memory grows with a text's length (and with its longest sentence); a chunk of a
few paragraphs at a time keeps it bounded. The chunks' texts concatenate to the text,
and the joined Doc's offsets are the text's, so every record points into the whole text.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Well under spaCy's limit (1,000,000) and longer than nearly every news article, which
# is therefore parsed whole as before.
CHUNK_CHARS = 20_000
# Where a chunk may end, best first: a blank line, a line break, a sentence end, a space.
BREAKS = ("\n\n", "\n", ". ", " ")


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters that concatenate to ``text``. Each ends at
    the last paragraph break in its second half (else a line break, a sentence end, a
    space; a hard cut only where ``limit / 2`` characters hold none of them)."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for mark in BREAKS:
            found = text.rfind(mark, start + limit // 2, end - len(mark) + 1)
            if found >= 0:
                end = found + len(mark)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse_in_chunks(nlp: Language, text: str, limit: int = CHUNK_CHARS) -> Doc:
    """``text`` parsed a chunk at a time (one chunk in the parser at once), as one Doc."""
    docs = list(nlp.pipe(chunk_text(text, limit), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "chunks must join to the text"  # offsets into the whole text
    return doc
