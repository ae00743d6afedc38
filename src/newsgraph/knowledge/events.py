"""The event coder's knowledge: verb and noun patterns, cue words and the CAMEO/PLOVER tables.

Files (in ``data/events/``), all plain TSV with a header unless noted:

- ``patterns.tsv`` (ours) and ``petrarch_verbs.tsv`` (converted from PETRARCH2, MIT):
  ``pos lemma frame code note``. ``pos`` is VERB or NOUN; ``lemma`` may hold a particle
  ("set up"); ``frame`` is empty (the lemma's default) or ``obj:WORD``, ``prep:PREP``,
  ``prep:PREP:WORD``, ``subj:WORD``, ``mod:WORD`` (a noun's modifier: "war games").
  ``code`` ``-`` means "not an event" (to silence a default). Our row wins over PETRARCH's
  for the same lemma and frame (and for the frame word's plural); PETRARCH's other frames
  still apply under our lemmas ("attack" + "agreement" 111 under our "attack" 190).
  PETRARCH's verb defaults code every sense of a verb ("improve", "mean", "win" as
  cooperation), so they are loaded *gated* (``Pattern.gated``): the event coder keeps such an
  event only when its arguments are coded actors. The frame ``*`` is the lemma's default
  and closes it to PETRARCH's frames and default ("say": a reporting verb). A frame's
  word may name a class, ``obj:@document``, listed in ``word_classes.tsv``
  (``class word note``); a row naming the word itself wins over its class.
- ``cues.tsv``: ``lemma role`` — light verbs (``light``) and the cues of factuality
  (``intended``, ``expected``, ``hypothetical``, ``negated``, ``reported``, ``threat``,
  ``cancelled`` for "cancel", "call off", ``question`` for "ask" used of a question,
  ``obliged`` for "must", ``obliging`` for "need", "have", "ought" with a "to" infinitive
  (read as "must"), ``occasion`` for "when", "once": a present-simple clause they
  mark is no act that happened; ``catenative`` for "help": with a verb complement and no
  object, "helped oust Gadhafi", the complement is the act; ``control`` for "prompt",
  "urge", "force": their object does their infinitive, "prompted Turkey to recall";
  ``foretell`` for "warn": with a that-clause telling what may happen, a pessimistic
  comment, 012, not a threat; ``consent`` for "accept", "support", "allow": "cannot"
  on them is a refusal, on any other verb an inability, no act). A cue
  may have several roles, one row each ("announce": light and reported); the first row's
  role is its main one. The reporting verbs of ``quotes/cues.tsv`` (type ``speech``) are
  ``reported`` cues too: one lexicon for both.
- ``modality.tsv``: ``code intended threatened demanded refused halted`` — the CAMEO code an event
  becomes when its actor only announces it (AGREE 03x), threatens it (THREATEN 13x), when
  a speaker says another actor must do it (REQUEST 10x) or an actor says it will not
  (REJECT 12x; a show or use of force it will not make is restraint announced, 0356), or
  halts it (``halted``: "ended talks" -> 164, "halted aid" -> 162, after
  a ``halt`` cue); the row of the longest code prefix applies.
- ``cameo_codes.tsv``: ``code name goldstein quad_class``.
- ``symmetric.tsv``: ``code name`` — events whose two actors play the same part ("met",
  "negotiated"): the store groups their reports whichever actor comes first.
- ``CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0): ``code: TYPE, mode, context # name``;
  ``plover_overrides.tsv`` (``code plover plover_mode``) applies PLOVER 2.0 where the 2021
  table differs (02x appeals -> REQUEST, 163 sanctions -> SANCTION).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsgraph.knowledge.tsv import read_tsv

CLOSED = "*"  # the frame of a row that closes its lemma to later files' frames


@dataclass(frozen=True, slots=True)
class Pattern:
    """One pattern: a lemma in a frame codes as ``code``."""

    pos: str
    lemma: str
    kind: str  # obj | mod | prep_word | prep | subj | default
    prep: str | None
    word: str | None
    code: str | None  # None: explicitly not an event
    origin: str
    gated: bool = False  # a broad default: coded only when its arguments are coded actors


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


def frame_key(pattern: Pattern) -> tuple:
    """The key a pattern is found under: ("obj", word), ("prep_word", prep, word), ("default",)."""
    if pattern.kind == "prep_word":
        return (pattern.kind, pattern.prep, pattern.word)
    if pattern.kind == "prep":
        return (pattern.kind, pattern.prep)
    if pattern.kind == "default":
        return (pattern.kind,)
    return (pattern.kind, pattern.word)


@dataclass(slots=True)
class EventKnowledge:
    """Patterns indexed by (pos, lemma) then by frame key, compiled once; cues; code tables."""

    patterns: dict[tuple[str, str], dict[tuple, Pattern]] = field(default_factory=dict)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a cue's roles, in order
    modality: dict[str, dict[str, str]] = field(default_factory=dict)
    codes: dict[str, CameoCode] = field(default_factory=dict)
    first_words: set[tuple[str, str]] = field(default_factory=set)
    phrasal: set[tuple[str, str]] = field(default_factory=set)
    topics: frozenset[str] = frozenset()  # event nouns whose compound names the topic
    leaving: frozenset[str] = frozenset()  # event nouns whose "from" is what is left
    carriers: frozenset[str] = frozenset()  # nouns that carry the event of their compound
    attitudes: frozenset[str] = frozenset()  # event nouns only under a light verb
    telling: frozenset[str] = frozenset()  # verbs of telling: "declined to comment" is 011
    reprisals: frozenset[str] = frozenset()  # "warned that X would meet a response": a threat
    outcomes: frozenset[str] = frozenset()  # "warned of the consequences of failure": 012
    severities: frozenset[str] = frozenset()  # "warned of serious consequences": still a threat
    sourcing: frozenset[str] = frozenset()  # "spoke on condition of anonymity to discuss": no act
    remembered: frozenset[str] = frozenset()  # "the anniversary of": an act of the past
    aimed: frozenset[str] = frozenset()  # "the Russia probe": a place named is its aim
    undergone: frozenset[str] = frozenset()  # "Navalny's arrest": the possessor undergoes it
    meetings: frozenset[str] = frozenset()  # "a meeting to discuss": the meeting is the partner
    assemblies: frozenset[str] = frozenset()  # "the cabinet discussed": a body of several
    wishing: frozenset[str] = frozenset()  # "hoping for American assistance": not given
    affairs: frozenset[str] = frozenset()  # "the Syria issue", "the Ukraine crisis": no actor

    def __post_init__(self) -> None:
        self.first_words = {(pos, lemma.split()[0]) for pos, lemma in self.patterns}
        self.phrasal = {(pos, lemma.split()[0]) for pos, lemma in self.patterns if " " in lemma}

    def is_phrasal(self, pos: str, lemma: str) -> bool:
        """True when some pattern is this lemma with a particle ("set up", "call on")."""
        return (pos, lemma) in self.phrasal

    def may_code(self, pos: str, lemma: str) -> bool:
        """True when some pattern starts with this lemma ("set" for "set up")."""
        return (pos, lemma) in self.first_words

    def lookup(self, pos: str, lemma: str) -> dict[tuple, Pattern]:
        """The patterns of a lemma by frame key (empty when the lemma codes nothing)."""
        return self.patterns.get((pos, lemma), {})

    def role(self, lemma: str) -> str | None:
        """The cue's first role ("warn": threat before reported), None for no cue."""
        roles = self.cues.get(lemma)
        return roles[0] if roles else None

    def has_role(self, lemma: str, role: str) -> bool:
        """Whether the cue plays ``role`` among others ("announce": light and reported)."""
        return role in self.cues.get(lemma, ())

    def recode(self, code: str, mode: str, default: str | None = None) -> str:
        """The code of an event told in ``mode`` (intended, threatened, demanded, refused):
        the row of the longest code prefix, else ``default``, else the code itself."""
        table = self.modality.get(mode, {})
        for size in range(len(code), 1, -1):
            if code[:size] in table:
                return table[code[:size]]
        return default or code


def parse_frame(frame: str) -> tuple[str, str | None, str | None]:
    """``"prep:on:russia"`` -> ("prep_word", "on", "russia"); ``""`` -> ("default", None, None);
    ``"*"`` (the default, and no other file's frames for the lemma) -> ("default", None, None)."""
    if frame in ("", CLOSED):
        return "default", None, None
    parts = frame.split(":", 2)
    if parts[0] == "prep":
        return ("prep_word", parts[1], parts[2]) if len(parts) == 3 else ("prep", parts[1], None)
    if parts[0] in ("obj", "mod", "subj") and len(parts) == 2:
        return parts[0], None, parts[1]
    raise ValueError(f"unknown frame {frame!r}")


def plural(word: str) -> str:
    """The regular plural of a frame's word ("document" -> "documents")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def expand_frame(frame: str, classes: dict[str, list[str]]) -> list[str]:
    """The frames a row stands for: ``obj:@document`` -> ``obj:report``, ``obj:summary`` …"""
    head, _, word = frame.rpartition(":")
    if not word.startswith("@"):
        return [frame]
    if word[1:] not in classes:
        raise ValueError(f"unknown word class {word!r} in frame {frame!r}")
    return [f"{head}:{member}" for member in classes[word[1:]]]


def row_patterns(
    row: dict[str, str], origin: str, classes: dict[str, list[str]], plurals: bool
) -> Iterator[tuple[bool, Pattern]]:
    """The patterns one row stands for, each flagged True when the row names its word rather
    than its class or (with ``plurals``) the word's plural, which a proper noun's lemma keeps
    ("Falkland Islands")."""
    frame = "" if row["frame"] == CLOSED else row["frame"].lower()
    pos, lemma = row["pos"], row["lemma"].lower()
    code = None if row["code"] == "-" else row["code"]
    for member in expand_frame(frame, classes):
        kind, prep, word = parse_frame(member)
        yield member == frame, Pattern(pos, lemma, kind, prep, word, code, origin)
        if plurals and word is not None:
            yield False, Pattern(pos, lemma, kind, prep, plural(word), code, origin)


def singular_wins(frames: dict[tuple, Pattern]) -> dict[tuple, Pattern]:
    """A word's frame also decides its plural's: a plural token matches both (by its form and
    by its lemma), and PETRARCH codes some pairs apart ("peacekeeper" 0334, "peacekeepers"
    074), which would leave the choice to chance."""
    found = dict(frames)
    for key, pattern in frames.items():
        if key[0] != "default" and pattern.word is not None:
            twin = (*key[:-1], plural(pattern.word))
            if twin in frames:
                found[twin] = replace(pattern, word=plural(pattern.word))
    return found


def load_patterns(
    paths: list[Path],
    gated: frozenset[str] = frozenset(),
    classes: dict[str, list[str]] | None = None,
) -> dict[tuple[str, str], dict[tuple, Pattern]]:
    """Patterns of every file, earlier files first, indexed by (pos, lemma) then frame key.

    On an equal key the earlier file wins, so our rows overrule PETRARCH's (a row for a word
    also takes its plural), but a later file's other frames still apply under a lemma we
    list ("attack" 190 keeps PETRARCH's "attack" + "agreement" 111). A row with the frame
    ``*`` closes its lemma: later files' frames for it are ignored ("say": a reporting verb).
    Within a file a row naming a word beats a row naming its class (``obj:@document``,
    expanded from ``classes``). Files named in ``gated`` give their frames ("impose" +
    "curfew") as they are, and their verbs' defaults, which code every sense of a verb,
    marked ``gated``."""
    index: dict[tuple[str, str], dict[tuple, Pattern]] = {}
    closed: set[tuple[str, str]] = set()
    for path in paths:
        origin = path.stem
        named: list[Pattern] = []
        implied: list[Pattern] = []
        closing: set[tuple[str, str]] = set()
        for row in read_tsv(path):
            lemma = (row["pos"], row["lemma"].lower())
            if lemma in closed:
                continue
            if row["frame"] == CLOSED:
                closing.add(lemma)
            broad = origin in gated and row["frame"] in ("", CLOSED)
            plurals = origin not in gated
            for is_named, pattern in row_patterns(row, origin, classes or {}, plurals):
                pattern = replace(pattern, gated=True) if broad else pattern
                (named if is_named else implied).append(pattern)
        added: dict[tuple[str, str], dict[tuple, Pattern]] = {}
        for pattern in (*named, *implied):
            frames = added.setdefault((pattern.pos, pattern.lemma), {})
            frames.setdefault(frame_key(pattern), pattern)
        for lemma, frames in added.items():
            index[lemma] = {**frames, **index.get(lemma, {})}  # earlier files win
        closed |= closing
    return {lemma: singular_wins(frames) for lemma, frames in index.items()}


def load_classes(path: Path) -> dict[str, list[str]]:
    """Word classes for frames (``class word note``): "@document" is report, summary, …"""
    classes: dict[str, list[str]] = {}
    for row in read_tsv(path):
        classes.setdefault(row["class"].lower(), []).append(row["word"].lower())
    return classes


def load_plover(path: Path, overrides: Path) -> dict[str, tuple[str | None, str | None]]:
    """CAMEO code -> (PLOVER type, mode) from the 2021 table, then our PLOVER 2.0 overrides."""
    table: dict[str, tuple[str | None, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line[:1].isdigit() or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        fields = [f.strip() for f in rest.split("#")[0].split(",")]
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        table.setdefault(code.strip(), (fields[0] or None, mode))
    for row in read_tsv(overrides):
        table[row["code"]] = (row["plover"] or None, row["plover_mode"] or None)
    return table


def plover_of(code: str, table: dict[str, tuple[str | None, str | None]]) -> tuple:
    """The PLOVER type and mode of a code: its own row, else its parent's type without mode."""
    if code in table:
        return table[code]
    for size in range(len(code) - 1, 1, -1):
        if code[:size] in table:
            return table[code[:size]][0], None
    return None, None


def load_cues(path: Path, speech: Path) -> dict[str, tuple[str, ...]]:
    """Every role of each cue, in the order of ``path``'s rows; then the reporting verbs of
    the quote lexicon (``speech``: type speech), one lexicon for quotes and events, take the
    role ``reported`` ("declared that Y must …" is a demand as "said that" is)."""
    roles: dict[str, list[str]] = {}
    for row in read_tsv(path):
        found = roles.setdefault(row["lemma"].lower(), [])
        if row["role"] not in found:
            found.append(row["role"])
    for row in read_tsv(speech):
        found = roles.setdefault(row["cue"].lower(), [])
        if row["type"] == "speech" and "reported" not in found:
            found.append("reported")
    return {lemma: tuple(found) for lemma, found in roles.items() if found}


def load_symmetric(directory: Path) -> frozenset[str]:
    """The CAMEO codes whose source and target may swap without changing the event."""
    return frozenset(row["code"] for row in read_tsv(directory / "events" / "symmetric.tsv"))


def load_events(directory: Path) -> EventKnowledge:
    """Read every event knowledge file under ``directory``/events."""
    folder = directory / "events"
    plover = load_plover(folder / "CAMEO2PLOVER-2021.txt", folder / "plover_overrides.tsv")
    codes = {}
    for row in read_tsv(folder / "cameo_codes.tsv"):
        ptype, mode = plover_of(row["code"], plover)
        codes[row["code"]] = CameoCode(
            row["code"], row["name"], float(row["goldstein"]), int(row["quad_class"]),
            ptype, mode,
        )
    modality: dict[str, dict[str, str]] = {}
    for row in read_tsv(folder / "modality.tsv"):
        for mode, code in row.items():
            if mode not in ("code", "note") and code:
                modality.setdefault(mode, {})[row["code"]] = code
    classes = load_classes(folder / "word_classes.tsv")
    return EventKnowledge(
        patterns=load_patterns(
            [folder / "patterns.tsv", folder / "petrarch_verbs.tsv"],
            gated=frozenset({"petrarch_verbs"}),
            classes=classes,
        ),
        topics=frozenset(classes.get("topic", [])),
        leaving=frozenset(classes.get("leaving", [])),
        carriers=frozenset(classes.get("carrier", [])),
        attitudes=frozenset(classes.get("attitude", [])),
        telling=frozenset(classes.get("telling", [])),
        reprisals=frozenset(classes.get("reprisal", [])),
        outcomes=frozenset(classes.get("outcome", [])),
        severities=frozenset(classes.get("severity", [])),
        sourcing=frozenset(classes.get("sourcing", [])),
        remembered=frozenset(classes.get("remembered", [])),
        aimed=frozenset(classes.get("aimed", [])),
        undergone=frozenset(classes.get("undergone", [])),
        meetings=frozenset(classes.get("meeting", [])),
        assemblies=frozenset(classes.get("assembly", [])),
        wishing=frozenset(classes.get("wishing", [])),
        affairs=frozenset(classes.get("affair", [])),
        cues=load_cues(folder / "cues.tsv", directory / "quotes" / "cues.tsv"),
        modality=modality,
        codes=codes,
    )
