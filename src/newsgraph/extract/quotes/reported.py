"""Reported speech: the content a cue verb or source phrase reports, indirect or mixed.

"X said (that) …", "X told reporters …", "…, X said.", "A, X said, B", "X urged Y to …",
"X called for …", "X denied the report" (for verbs whose object can be the content, marked
in cues.tsv) and "according to X, …". Content with quoted fragments is ``mixed``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.extract.labels import NAME_LABELS
from newsgraph.extract.marks import CLOSING, OPENING, STRAIGHT, QuotedSpan
from newsgraph.extract.quotes.candidates import QuoteCandidate, end_char, mark_at, trim_quote
from newsgraph.extract.quotes.cues import (
    cue_subject,
    is_cue,
    source_of,
    source_phrase_at,
    subject_in_paragraph,
)
from newsgraph.knowledge.quotes import QuoteKnowledge

# Words that may open reported content without belonging to it.
CONTENT_MARKERS = {"that"}
# A relative clause right after closing marks: the writer's comment on the quoted words.
COMMENT_AFTER_MARKS = re.compile(r"[”\"’],?\s+which\b")
KNOWN_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
MARKS = frozenset(OPENING + CLOSING + STRAIGHT)
SPEAKING_PERSONS = frozenset({"i", "we", "you"})
# Pronouns in the object case, never the subject of a reported clause.
OBJECT_PRONOUNS = frozenset({"me", "him", "us", "them"})
# Conjunctions that open an adverbial clause, never reported content.
ADVERBIAL_MARKS = frozenset({
    "so", "because", "although", "though", "while", "since", "unless", "until", "before",
    "after", "once",
})


def find_reported(
    doc: Doc,
    quoted: list[QuotedSpan],
    direct: list[QuoteCandidate],
    cues: QuoteKnowledge,
    text: str | None = None,
) -> list[QuoteCandidate]:
    """Content clauses of cue verbs and source phrases; mixed when they hold quoted parts.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every access).
    """
    text = doc.text if text is None else text
    used = {c.cue.i: c for c in direct if c.cue is not None}
    found = []
    for token in doc:
        cue_verb = is_cue(token, cues)
        end = None if cue_verb else source_phrase_at(token, cues)
        if not cue_verb and end is None:
            continue
        # A cue inside a direct quote is the quoted speaker's own words ("I always said ...").
        if any(c.start <= token.idx < c.end for c in direct):
            continue
        quote = used.get(token.i)
        if quote is not None and quote.start < token.idx:
            continue  # "“…,” she said": the cue of the quote before it
        if cue_verb:
            if not _reports(token, cues):
                continue
            content = _content_of_verb(token, cues)
            subject, confidence = subject_in_paragraph(token, cues.passive_speakers), 0.7
        else:
            content = _content_around(token, end)
            subject, confidence = source_of(end), 0.6
        if (content is None or subject is None or _addressed(subject, quoted)
                or _about_quoted_words(subject, quoted)):
            continue
        cue = token if cue_verb else end
        candidate = _reported(doc, text, content, quoted, direct, cue, subject, confidence)
        if candidate is not None and (quote is None or _opens_before(text, candidate, quote, cue)):
            found.append(candidate)
    return found


def _opens_before(text: str, content: QuoteCandidate, quote: QuoteCandidate, cue: Token) -> bool:
    """A cue its direct quote took reports too when its content runs from the cue (or
    around it) and has words before the marks ("She added that most of the black vote …,
    because, “In the end, …”"); not when the quote follows the cue at once ("O'Neill said,
    “Not going to …”") or the content lies before the cue ("when … she added the words")."""
    cue_end = cue.idx + len(cue.text)
    return (
        content.start < quote.start
        and content.end > cue.idx
        and any(ch.isalnum() for ch in text[content.start : quote.start])
        and any(ch.isalnum() for ch in text[cue_end : quote.start])
    )


def _addressed(subject: Token, quoted: list[QuotedSpan]) -> bool:
    """True for a cue whose subject is the reader ("in case you're wondering how …") or,
    inside quotation marks, the quoted speaker or listener ("You ask yourself, …", "we
    say"): those words belong to the writer or to the quotation, not to a new speaker."""
    word = subject.lower_
    if word == "you":
        return True
    return word in SPEAKING_PERSONS and any(q.start <= subject.idx < q.end for q in quoted)


def _about_quoted_words(subject: Token, quoted: list[QuotedSpan]) -> bool:
    """A relative clause whose antecedent is quoted words (“a bomber task force,” which
    suggested …): the writer's comment on them; the quoted words are no speaker."""
    if subject.lower_ not in ("which", "that") or subject.head.dep_ != "relcl":
        return False
    antecedent = subject.head.head
    return any(q.start <= antecedent.idx < q.end for q in quoted)


def _reported(
    doc: Doc,
    text: str,
    content: tuple[int, int],
    quoted: list[QuotedSpan],
    direct: list[QuoteCandidate],
    cue: Token,
    subject: Token,
    confidence: float,
) -> QuoteCandidate | None:
    start, end = _within_paragraph(text, doc[content[0]].idx, end_char(doc[content[1]]), cue.idx)
    parenthetical = start <= cue.idx < end  # "A, X said, B" keeps its cue inside
    if (start <= subject.idx < end and not parenthetical) or end - start < 2:
        return None
    for quote in direct:
        if min(end, quote.end) - max(start, quote.start) > 0.5 * (end - start):
            return None
        if quote.start <= start < quote.end:
            return None  # content opening inside a direct quote is that quote's speaker's
    if any(q.start <= cue.idx < q.end and (start < q.start or end > q.end) for q in quoted):
        return None  # a cue in quoted words reports within them, not the writer's text
    for quote in quoted:  # a fragment the content opens runs on to its closing mark
        tail = text[end : quote.close_mark]
        if start <= quote.open_mark < end <= quote.close_mark and _same_sentence(tail):
            end = quote.close_mark + len(mark_at(text, quote.close_mark))
    comment = COMMENT_AFTER_MARKS.search(text, start, end)
    if comment is not None:  # “…,” which means …: the writer's comment on the quoted words
        end = comment.start() + 1
    fragments = [q for q in quoted if start <= q.open_mark and q.close_mark < end]
    kind = "mixed" if fragments else "indirect"
    confidence = 0.8 if fragments else confidence
    return QuoteCandidate(start, end, kind, cue, subject, confidence, fragments)


def _same_sentence(tail: str) -> bool:
    """The rest of a quoted fragment the content opened: within its paragraph and short
    (the parse may end a sentence inside the marks: "because, “In the end, we don’t vote
    against somebody. We vote for somebody.”")."""
    return len(tail) < 200 and "\n" not in tail


def _within_paragraph(text: str, start: int, end: int, cue: int) -> tuple[int, int]:
    """Cut reported content at paragraph breaks, keeping the part next to its cue."""
    if "\n" not in text[start:end]:
        return start, end
    if cue >= end:
        start = text.rindex("\n", start, end) + 1
    else:
        end = text.index("\n", start, end)
    return trim_quote(text, start, end)


def _reports(verb: Token, cues: QuoteKnowledge) -> bool:
    """False for cue verbs that report nothing themselves: "Asked to ...", "required to
    disclose ...", and a relative clause's "who pledged to ..." without an antecedent.
    An infinitive under a verb of going on reports ("continued to call for …"), and so
    does a perfect in an adverbial clause ("While his advisers have suggested …")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in cues.aspect_verbs:
        return False
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not _perfect(verb):
        return False
    subject = cue_subject(verb)
    return subject is None or subject.lower_ not in ("who", "that", "which") or any(
        c.dep_ == "ccomp" for c in verb.children
    )


def _perfect(verb: Token) -> bool:
    """A past participle with "have" and a subject of its own: a finite clause."""
    children = list(verb.children)
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children) and any(
        c.dep_ == "nsubj" for c in children
    )


def _content_of_verb(verb: Token, cues: QuoteKnowledge) -> tuple[int, int] | None:
    """Token range of what a cue verb reports, without "that" and trailing asides."""
    if _gives(verb, cues):
        return None
    clause = _content_clause(verb, cues) or _clause_as_advcl(verb)
    beside = _content_beside(verb, cues)
    if clause is not None and beside is not None and _set_off(verb, clause):
        clause = None  # "A," Jordan said, and still "B … It just raises …": A and B
    if clause is not None and (beside is None or clause.i > verb.i):
        found = _clause_range(clause, verb, cues)
        if found is None:
            return None
        found = _with_reason(verb, _with_split_clause(verb, clause, found, cues))
        return _with_more_clauses(verb, found, cues)
    if beside is not None:
        return beside
    return _object_content(verb, cues)


def _gives(verb: Token, cues: QuoteKnowledge) -> bool:
    """A verb whose noun object can be the content, used with two objects, withholds or
    grants a thing and says nothing ("would deny Iran the plutonium", "denied him bail");
    the parse may make the second object a clause whose subject is the first ("him"), with
    no auxiliary; "claiming them to be mercenaries" (an infinitive) is a claim."""
    if verb.lemma_.lower() not in cues.objects:
        return False
    return any(c.dep_ == "dative" for c in verb.children) or any(
        c.dep_ == "ccomp" and not any(a.dep_ in ("aux", "auxpass") for a in c.children) and any(
            s.dep_ == "nsubj" and s.tag_ == "PRP" and s.lower_ in OBJECT_PRONOUNS
            for s in c.children
        )
        for c in verb.children
    )


def _set_off(verb: Token, clause: Token) -> bool:
    """A clause after the cue with a comma between them: not the cue's complement when the
    cue itself stands between commas as an aside ("A," Jordan said, and still "…")."""
    return clause.i > verb.i and any(
        t.text == "," for t in verb.doc[verb.i + 1 : clause.left_edge.i]
    )


def _content_clause(verb: Token, cues: QuoteKnowledge) -> Token | None:
    """The clause a cue's parse gave as its complement: the one after the cue first; one
    before it only when no semicolon parts them ("A; Smith told Wikinews he believed B"
    reports B, not A)."""
    clauses = [
        c for c in _unnamed(verb.children) if c.dep_ == "ccomp" and not _adverbial(c)
    ]
    after = [c for c in clauses if c.i > verb.i and not _stacked_attribution(c, cues)]
    if after:
        return after[0]
    doc = verb.doc
    before = [c for c in clauses if not any(t.text == ";" for t in doc[c.right_edge.i : verb.i])]
    return before[0] if before else None


def _unnamed(children: Iterable[Token]) -> list[Token]:
    """The children, with a name the parse made a clause ("Meet the Press") replaced by the
    clauses under it (what was said on the programme)."""
    found = []
    for child in children:
        inner = [c for c in child.children if c.dep_ == "ccomp"]
        if child.ent_type_ in NAME_LABELS and (child.pos_ in ("VERB", "AUX") or inner):
            found += inner  # (a noun of a name heading the content is a misparse of it)
        else:
            found.append(child)
    return found


def _stacked_attribution(clause: Token, cues: QuoteKnowledge) -> bool:
    """A second attribution closing the sentence after a comma, which the parse hangs on the
    first cue ("A went missing, the military said Monday, the Associated Press reported"):
    the one who relayed the report, not what the first speaker said."""
    doc = clause.doc
    rest = [t for t in doc[clause.right_edge.i + 1 : clause.sent.end] if not t.is_punct]
    return (
        is_cue(clause, cues)
        and not rest
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in clause.children)
        and any(t.text == "," for t in doc[max(clause.left_edge.i - 1, 0) : clause.i])
    )


def _adverbial(clause: Token) -> bool:
    """A clause the parse made a complement that opens with an adverbial conjunction
    ("declared last Friday so he could fund a wall"): a purpose or reason, not content."""
    return any(
        c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS and c.i == clause.left_edge.i
        for c in clause.children
    )


def _content_beside(verb: Token, cues: QuoteKnowledge) -> tuple[int, int] | None:
    """The sentence around a cue clause set off by commas: "A, X said." / "A, X said, B"."""
    subject = cue_subject(verb)
    if subject is None or subject.head.i != verb.i:
        return None
    doc, sentence = verb.doc, verb.sent
    left = min(subject.left_edge.i, verb.i)
    right = verb.i
    for child in verb.children:  # "said in a statement on Monday"
        if child.i > verb.i and child.dep_ in ("advmod", "prep", "npadvmod", "agent"):
            right = max(right, child.right_edge.i)
    if left <= sentence.start or not _comma_before(doc, left):
        return None
    after = doc[right + 1] if right + 1 < sentence.end else None
    if after is None or after.is_space or after.text in (".", "!", "?"):
        content = _strip(doc, sentence.start, left - 2)
    elif after.text == "," and _participle_of(verb, right + 2):
        content = _strip(doc, sentence.start, left - 2)  # "A," X said, citing …
    elif after.text == "," and _relayed_by(verb, right + 2, cues):
        content = _strip(doc, sentence.start, left - 2)  # "A, X said, the agency reported"
    elif after.text == ",":
        content = _strip(doc, sentence.start, sentence.end - 1)
    else:
        return None
    return content if content is not None and _is_clause(doc, *content) else None


def _relayed_by(verb: Token, start: int, cues: QuoteKnowledge) -> bool:
    """The rest of the sentence from ``start`` is a second attribution ("…, X said, the
    agency reported"): who relayed the report, not more of what X said."""
    doc = verb.doc
    return start < verb.sent.end and any(
        t.left_edge.i == start and _stacked_attribution(t, cues)
        for t in doc[start : verb.sent.end]
    )


def _participle_of(verb: Token, start: int) -> bool:
    """A participle of the cue after its comma ("…," McConnell said in June 2012, citing
    the release of …): the speaker's act, not more of what was said."""
    return start < len(verb.doc) and any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == start for c in verb.children
    )


def _comma_before(doc: Doc, left: int) -> bool:
    """A comma right before the cue clause, or a comma and the closing mark of the quoted
    words it ends (Mills "got an immunity agreement," Jordan said)."""
    before = doc[left - 1]
    if before.text == ",":
        return True
    closing = before.is_quote and before.text not in OPENING
    return closing and left >= 2 and doc[left - 2].text == ","


def _is_clause(doc: Doc, left: int, right: int) -> bool:
    """A reported clause, not an adverbial ("In July, X called for ...")."""
    roots = [t for t in doc[left : right + 1] if not left <= t.head.i <= right or t.head.i == t.i]
    return any(t.dep_ in ("ccomp", "ROOT", "parataxis") and t.pos_ in ("VERB", "AUX")
               for t in roots)


def _object_content(verb: Token, cues: QuoteKnowledge) -> tuple[int, int] | None:
    """Content that is no clause: "urged Congress to act", "called for talks", "denied it"."""
    children = list(verb.children)
    obj = next((c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    goal = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if goal is None and obj is not None and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "tells his supporters … to “go …”" parsed as an adverbial (not "reporting numbers
        # to obfuscate": a participle's purpose clause)
        goal = next((c for c in children if c.dep_ == "advcl" and c.i > obj.i and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if goal is not None and goal.pos_ in ("VERB", "AUX"):  # "urged Congress to act"
        return _strip(verb.doc, goal.left_edge.i, goal.right_edge.i)
    predicate = next((c for c in children if c.dep_ == "oprd"), None)
    if obj is not None and predicate is not None:  # "called climate change a hoax"
        return _strip(verb.doc, obj.left_edge.i, predicate.right_edge.i)
    if verb.lemma_.lower() == "call" and not any(c.dep_ == "auxpass" for c in children):
        target = next((  # "called for talks", "called for reducing the rate"; not "on Friday"
            t for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on")
            for t in c.children
            if t.dep_ in ("pobj", "pcomp") and t.ent_type_ not in ("DATE", "TIME")
        ), None)
        if target is not None:
            right = max([target.right_edge.i] + [c.right_edge.i for c in target.children])
            return _strip(verb.doc, target.left_edge.i, right)
    if obj is not None and obj.dep_ == "dobj" and obj.pos_ == "VERB":
        # a gerund object is an act reported ("recalled thinking, “…”", "mentioned refinancing
        # student loans") for any cue; a noun object only for the verbs marked so
        return _strip(verb.doc, obj.left_edge.i, obj.right_edge.i)
    if verb.lemma_.lower() in cues.objects and obj is not None and obj.dep_ == "dobj":
        role = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"
                     and c.i > obj.i and any(p.dep_ == "pobj" for p in c.children)), None)
        if role is not None:  # "described Hillary Clinton as a “disgrace”"
            return _strip(verb.doc, obj.left_edge.i, role.right_edge.i)
        if _known_text(obj, cues):
            return None
        predicate_verb = _orphan_verb_after(obj)
        if predicate_verb is not None:  # "claiming the state of emergency is unconstitutional"
            return _strip(verb.doc, obj.left_edge.i, predicate_verb.right_edge.i)
        if obj.pos_ == "PRON" or obj.ent_type_ == "PERSON":
            return None
        return _strip(verb.doc, obj.left_edge.i, obj.right_edge.i)
    return None


def _known_text(obj: Token, cues: QuoteKnowledge) -> bool:
    """A definite text ("acknowledged the communication", "noted the speech"): a reference to
    a text already known, not what the verb reports ("announced plans to" still reports)."""
    return obj.lemma_.lower() in cues.document_nouns and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in KNOWN_DETERMINERS)
        for c in obj.children)


def _orphan_verb_after(obj: Token) -> Token | None:
    """A finite verb right after an object, with no subject of its own: the parse took the
    subject of a content clause for the cue's object ("claiming the state of emergency is
    unconstitutional")."""
    doc = obj.doc
    following = obj.right_edge.i + 1
    if following >= len(doc):
        return None
    verb = doc[following]
    if verb.tag_ not in ("VBZ", "VBD", "VBP", "MD") or verb.head.i > verb.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return verb


def _content_around(phrase_start: Token, phrase_end: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase attaches to, without the phrase."""
    head = phrase_start.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i:
        head = head.head
    if head.i == phrase_start.i:
        return None
    phrase_left = phrase_start.i
    phrase_right = phrase_end.right_edge.i
    left, right = head.left_edge.i, head.right_edge.i
    if phrase_left <= left + 1:
        left = phrase_right + 1
    elif phrase_right >= right - 1:
        right = phrase_left - 1
    return _strip(head.doc, left, right)


def _clause_as_advcl(verb: Token) -> Token | None:
    """A content clause the parse hung on the cue as an adverbial: "tweeted in the early
    morning hours that Machado was …", "said after the convention he would not …" - a finite
    clause after the cue with a subject of its own and no conjunction but "that"."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.i < verb.i or child.tag_ in ("VBG", "VBN"):
            continue
        marks = [c for c in child.children if c.dep_ in ("mark", "advmod") and c.i < child.i]
        if any(m.lower_ != "that" and m.dep_ == "mark" for m in marks):
            return None
        if any(m.tag_ == "WRB" for m in marks):  # "when", "where", "how"
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            return child
    return None


def _with_reason(verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """ "Gowdy said that claim smacked of hypocrisy, because Democrats have been …": a
    "because" clause the parse hung on the cue after its content is the speaker's reason,
    more of the content (nobody "says because")."""
    left, right = content
    for child in verb.children:
        if child.dep_ != "advcl" or child.left_edge.i <= right:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        between = verb.doc[right + 1 : child.left_edge.i]
        if "because" in marks and all(t.is_punct for t in between):
            stripped = _strip(verb.doc, left, child.right_edge.i)
            if stripped is not None:
                right = stripped[1]
    return left, right


def _with_split_clause(
    verb: Token, clause: Token, content: tuple[int, int], cues: QuoteKnowledge
) -> tuple[int, int]:
    """One content the parse split into two complements of the cue, the second right after
    the first ("told … it is clear from information that hacking of the DNC, the DCCC and
    state election offices … can be traced to …"): the content runs over both."""
    left, right = content
    doc = verb.doc
    for other in sorted((c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.i),
                        key=lambda c: c.i):
        between = doc[right + 1 : other.left_edge.i]
        if other.left_edge.i <= right or not all(t.is_punct or t.is_space for t in between):
            break
        if is_cue(other, cues) or "\n" in doc[right : other.i].text:
            break  # a cue of its own, or across a paragraph: another report
        stripped = _strip(doc, left, other.right_edge.i)
        if stripped is None:
            break
        right = stripped[1]
    return left, right


def _with_more_clauses(
    verb: Token, content: tuple[int, int], cues: QuoteKnowledge
) -> tuple[int, int]:
    """ "X said A, and there was “no evidence” …" / "X says A, but she knows that “…”": a
    clause joined to the cue verb after its content, with a subject of its own, no cue of
    its own and words in quotation marks, is more of what X said; "X said A and left" (no
    subject), "… and added B" (a cue) and "X said A, but he refuses to …" (no quoted words:
    the writer's own clause) are not."""
    left, right = content
    for child in verb.children:
        if child.dep_ != "conj" or child.i <= right or child.pos_ not in ("VERB", "AUX"):
            continue
        if is_cue(child, cues) or not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children
        ):
            break
        if not any(t.text in MARKS for t in child.subtree):
            break
        stripped = _strip(verb.doc, left, child.right_edge.i)
        if stripped is not None:
            right = stripped[1]
    return left, right


def _clause_range(clause: Token, exclude: Token, cues: QuoteKnowledge) -> tuple[int, int] | None:
    left, right = clause.left_edge.i, clause.right_edge.i
    for child in clause.children:
        # "..., adding ..." / "..., saying ..." belong to the speaker, not the content;
        # "…, prosecuting cases" is more of the content.
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and is_cue(child, cues)
            and child.i > clause.i
            and child.left_edge.i > 0
            and clause.doc[child.left_edge.i - 1].text == ","
            and child.right_edge.i == right
        ):
            right = child.left_edge.i - 1
    if left <= exclude.i <= right:
        return None
    return _strip(clause.doc, left, right)


def _misread_marker(token: Token) -> bool:
    """A "that" the parse made the object of a verb whose subject follows it ("that the
    United States must act"): the clause's marker, not a pronoun ("that is wrong")."""
    return token.dep_ == "dobj" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i for c in token.head.children
    )


def _strip(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
    """Trim punctuation, spaces, a leading "that" and a trailing conjunction, keeping marks
    of fragments inside."""
    while left <= right and (
        doc[left].is_space
        or (doc[left].is_punct and doc[left].text not in OPENING + STRAIGHT)
        or (doc[left].lower_ in CONTENT_MARKERS and (doc[left].dep_ == "mark" or (
            doc[left].dep_ == "advmod" and doc[left].head.pos_ in ("VERB", "AUX"))
            or _misread_marker(doc[left])))
    ):
        left += 1
    while right >= left and (
        doc[right].is_space
        or (doc[right].is_punct and doc[right].text not in CLOSING + STRAIGHT)
        or doc[right].dep_ == "cc"  # "… should be released but" + a verb parsed apart
    ):
        right -= 1
    if left == right and doc[left].lower_ in CONTENT_MARKERS:
        return None  # "reports that:" before a block quotation: the content is what follows
    return (left, right) if left <= right else None
