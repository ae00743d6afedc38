"""Cues in a parse: is this token a cue verb or the start of a source phrase, and who is its
speaker? The cue lists are quote knowledge (``newsgraph.knowledge.quotes``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.quotes.candidates import crosses_paragraph
from newsgraph.knowledge.quotes import QuoteKnowledge

# A cue verb without a subject of its own borrows its head's ("..., saying that ...").
BORROWS_SUBJECT = ("conj", "advcl", "xcomp")
DATELINE_DASHES = frozenset({"-", "--", "–", "—", "―"})
# Prepositions that open an absolute construction: "despite/with X now saying …".
ABSOLUTE_PREPOSITIONS = frozenset({"despite", "with", "without", "amid"})
# Relative pronouns a cue's subject may be: the clause's antecedent is the speaker, or, after
# quotation marks, the quoted words the writer comments on.
SUBJECT_RELATIVES = frozenset({"who", "which", "that"})


def is_cue(token: Token, cues: QuoteKnowledge, beside_quote: bool = False) -> bool:
    """True for a verb that attributes speech (or, beside a quote, a quote-only verb)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return cues.is_cue_lemma(token.lemma_.lower(), beside_quote)


def source_phrase_at(token: Token, cues: QuoteKnowledge) -> Token | None:
    """The last token of a source phrase starting at ``token`` ("according to" -> "to")."""
    doc = token.doc
    for phrase in cues.sources_by_first.get(token.lower_, ()):
        end = token.i + len(phrase)
        if end <= len(doc) and all(
            doc[token.i + k].lower_ == word for k, word in enumerate(phrase)
        ):
            return doc[end - 1]
    return None


def source_phrase_ending(token: Token, cues: QuoteKnowledge) -> Span | None:
    """The whole source phrase whose last word is ``token`` ("to" -> "according to")."""
    for phrase in cues.sources:
        start = token.i - len(phrase) + 1
        if start >= 0 and source_phrase_at(token.doc[start], cues) is not None:
            return token.doc[start : token.i + 1]
    return None


def cue_subject(verb: Token, passive_speakers: frozenset[str] = frozenset()) -> Token | None:
    """The grammatical subject of a cue verb.

    Borrowed from the head for "..., saying ..." and "X smiled and said"; the noun itself
    for "footage of Trump saying"; the name after the verb for "Said Ellis: ..."; the
    passive subject of a verb in ``passive_speakers`` ("X was quoted as saying").
    """
    for step in range(6):
        # The first child of each relation; a dash misparsed as a noun is no subject, nor a
        # title quoted after the verb ("said on Fox News's “Fox and Friends.”").
        by_dep = {
            child.dep_: child
            for child in reversed(list(verb.children))
            if any(ch.isalnum() for ch in child.text) and not _quoted_after(child, verb)
        }
        if "nsubj" in by_dep:
            subject = _past_colon(_named_subject(verb, by_dep["nsubj"]), verb)
            return _role_holder(_past_dateline(subject))
        if "nsubjpass" in by_dep and verb.lemma_.lower() in passive_speakers:
            return by_dep["nsubjpass"]
        if "agent" in by_dep:  # "was told by X"
            return next((c for c in by_dep["agent"].children if c.dep_ == "pobj"), None)
        if "nsubjpass" in by_dep:  # what was said, not who said it
            return None
        if not step and verb.dep_ in ("acl", "compound") and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head  # "footage of Trump saying", a misparsed "Said Ellis"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "X sings before asking"
            verb = _clause_verb(verb.head.head)
            continue
        if verb.dep_ == "xcomp" and verb.tag_ == "VBG":  # "shows footage of X asking"
            shown = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if shown is not None and shown.i < verb.i:
                return _of_whom(shown)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            absolute = _absolute_subject(verb) if not step else None
            if absolute is not None:  # "despite a few supporters, …, now saying"
                return absolute
            before = _cue_before_comma(verb)
            if before is not None:  # "…," Sanders said, going on to say …
                verb = before
                continue
        if verb.dep_ == "ccomp" and _conjunct_as_complement(verb):
            # "Roberts said Friday that A but said “B”": the second cue, parsed as the
            # first one's complement, is its conjunct and shares its subject.
            verb = verb.head
            continue
        if verb.dep_ == "advcl" and verb.head.dep_ == "relcl":
            # "X defended not paying an architect who said …, saying …": the participle
            # belongs to the main clause, not to the relative clause it was hung on.
            verb = _clause_verb(verb.head.head)
            continue
        if verb.dep_ not in BORROWS_SUBJECT or verb.head.i == verb.i:
            break
        if _bare_participle_conjunct(verb):
            # "the website noted the signal received from Jakarta but declared …": a finite
            # verb hung on a participle shares the subject of the participle's clause.
            verb = verb.head.head
            continue
        verb = verb.head
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.pos_ == "PROPN" and following.head.i == verb.i:
        return following
    return None


def _cue_before_comma(participle: Token) -> Token | None:
    """The verb of "X said," right before a participle the parse hung on a later verb
    ("…," Sanders said, going on to say that …): the participle is X's."""
    doc = participle.doc
    comma = participle.left_edge.i - 1
    if participle.head.i < participle.i or comma < 1 or doc[comma].text != ",":
        return None
    verb = doc[comma - 1]
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return verb


def _absolute_subject(participle: Token) -> Token | None:
    """The noun an absolute participle follows ("remain confident despite a few early
    supporters of the bill, such as …, now saying they think …"): the object of a
    "despite"/"with" phrase of the same clause that ends right before the participle."""
    # The phrase must run up to the participle, its own commas included: "spoke with
    # reporters, saying" (a comma of the clause between) is no absolute.
    before = participle.left_edge.i - 1
    for prep in participle.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ABSOLUTE_PREPOSITIONS or prep.i > before:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and prep.right_edge.i >= before:
            return noun
    return None


def _conjunct_as_complement(verb: Token) -> bool:
    """A finite verb right after a coordinating conjunction, without a subject, parsed as
    a complement ("said Friday that A but said “B”")."""
    doc = verb.doc
    return (
        verb.i > 0
        and doc[verb.i - 1].dep_ == "cc"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.head.i < verb.i
    )


def _bare_participle_conjunct(verb: Token) -> bool:
    """A finite verb conjoined to a past participle with no auxiliary of its own, itself a
    complement ("noted the signal received … but declared"): a misparse of two verbs of
    one subject."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VBN"
        and head.dep_ == "ccomp"
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    )


def _of_whom(noun: Token) -> Token:
    """A noun, or the one it shows ("footage of Hillary Clinton" -> Clinton)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            shown = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if shown is not None and shown.pos_ == "PROPN":
                return shown
    return noun


def _quoted_after(child: Token, verb: Token) -> bool:
    """A word after the verb inside quotation marks opened after the verb."""
    return child.i > verb.i and any(
        t.is_quote for t in child.doc[verb.i + 1 : child.left_edge.i]
    )


def _named_subject(verb: Token, first: Token) -> Token:
    """Of several subjects the parse gave one verb ("THE BORROWING Back when he wrote his
    book, Mr. McKinley said": a section heading and the speaker), the first that is a name
    (an entity), else the first."""
    named = [c for c in verb.children if c.dep_ == "nsubj" and c.ent_type_ and c.i < verb.i]
    return named[0] if named and not first.ent_type_ else first


def _past_dateline(subject: Token) -> Token:
    """A dateline parsed as the subject ("WASHINGTON -- President Obama, …, said") -> the
    name after its dash, which the parse hung on it as an appositive."""
    doc = subject.doc
    at_start = subject.left_edge.i == 0 or "\n" in doc[subject.left_edge.i - 1].text
    dash = subject.i + 1 < len(doc) and doc[subject.i + 1].text in DATELINE_DASHES
    if not (at_start and dash and subject.ent_type_ in ("GPE", "LOC")):
        return subject
    named = [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i + 1]
    return named[0] if named else subject


def _role_holder(subject: Token) -> Token:
    """An organisation the parse joined to a role and its holder ("said University of
    California, San Diego's chancellor, Pradeep Khosla": the chancellor a conjunct, Khosla
    its appositive) -> the holder."""
    if subject.pos_ != "PROPN":
        return subject
    for role in subject.children:
        if role.dep_ in ("conj", "appos") and role.pos_ == "NOUN":
            for name in role.children:
                if name.dep_ == "appos" and name.pos_ == "PROPN" and name.i > role.i:
                    return name
    return subject


def _past_colon(subject: Token, verb: Token) -> Token:
    """A subject parsed across a colon ("The Latest: Trump urges") -> the nearest name or
    noun after the colon."""
    if not subject.i < verb.i or not any(t.text == ":" for t in subject.doc[subject.i : verb.i]):
        return subject
    for token in reversed(subject.doc[subject.i + 1 : verb.i]):
        if token.text == ":":
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON") and token.dep_ in ("nsubj", "compound"):
            return token
    return subject


def _clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token ("began by saying on Tuesday" -> began)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def subject_in_paragraph(
    verb: Token, passive_speakers: frozenset[str] = frozenset()
) -> Token | None:
    """The subject of a cue, or, when the parse found it across a paragraph break (a
    dateline, a headline), the nearest noun before the verb in the verb's own paragraph."""
    subject = cue_subject(verb, passive_speakers)
    if subject is None:
        return None
    if not crosses_paragraph(subject, verb):
        return subject
    for token in reversed(verb.doc[: verb.i]):
        if "\n" in token.text:
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            return token
    return None


def source_of(phrase_end: Token) -> Token | None:
    """The source named by a phrase such as "according to X": the object of its last word."""
    for child in phrase_end.children:
        if child.dep_ in ("pobj", "dobj", "pcomp"):
            return child
    nxt = phrase_end.nbor(1) if phrase_end.i + 1 < len(phrase_end.doc) else None
    if nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "DET", "PRON"):
        return nxt if nxt.pos_ != "DET" else nxt.head
    return None
