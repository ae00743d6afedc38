"""The event coder's knowledge: verb and noun patterns, cue words and the CAMEO/PLOVER tables.

Files (in ``knowledge/events/``), all plain TSV with a header unless noted:

- ``patterns.tsv`` (ours) and ``petrarch_verbs.tsv`` (converted from PETRARCH2, MIT):
  ``pos lemma frame code note``. ``pos`` is VERB or NOUN; ``lemma`` may hold a particle
  ("set up"); ``frame`` is empty (the lemma's default) or ``obj:WORD``, ``prep:PREP``,
  ``prep:PREP:WORD``, ``subj:WORD``, ``mod:WORD`` (a noun's modifier: "war games").
  ``code`` ``-`` means "not an event" (to silence a default). A lemma listed in
  ``patterns.tsv`` is coded by its rows alone; PETRARCH's rows for it are ignored. Only
  PETRARCH's frames are used, not its verb defaults, which code every sense of a verb
  ("improve", "mean", "win" as cooperation): precision over volume.
- ``cues.tsv``: ``lemma role`` — light verbs (``light``) and the cues of factuality
  (``intended``, ``expected``, ``hypothetical``, ``negated``, ``reported``, ``threat``,
  ``obliged`` for "must").
- ``modality.tsv``: ``code intended threatened demanded refused`` — the CAMEO code an event
  becomes when its actor only announces it (AGREE 03x), threatens it (THREATEN 13x), when
  a speaker says another actor must do it (REQUEST 10x) or an actor says it will not
  (REJECT 12x); the row of the longest code prefix applies.
- ``cameo_codes.tsv``: ``code name goldstein quad_class``.
- ``CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0): ``code: TYPE, mode, context # name``;
  ``plover_overrides.tsv`` (``code plover plover_mode``) applies PLOVER 2.0 where the 2021
  table differs (02x appeals -> REQUEST, 163 sanctions -> SANCTION).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path


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
    cues: dict[str, str] = field(default_factory=dict)
    modality: dict[str, dict[str, str]] = field(default_factory=dict)
    codes: dict[str, CameoCode] = field(default_factory=dict)
    first_words: set[tuple[str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.first_words = {(pos, lemma.split()[0]) for pos, lemma in self.patterns}

    def may_code(self, pos: str, lemma: str) -> bool:
        """True when some pattern starts with this lemma ("set" for "set up")."""
        return (pos, lemma) in self.first_words

    def lookup(self, pos: str, lemma: str) -> dict[tuple, Pattern]:
        """The patterns of a lemma by frame key (empty when the lemma codes nothing)."""
        return self.patterns.get((pos, lemma), {})

    def role(self, lemma: str) -> str | None:
        return self.cues.get(lemma)

    def recode(self, code: str, mode: str, default: str | None = None) -> str:
        """The code of an event told in ``mode`` (intended, threatened, demanded, refused):
        the row of the longest code prefix, else ``default``, else the code itself."""
        table = self.modality.get(mode, {})
        for size in range(len(code), 1, -1):
            if code[:size] in table:
                return table[code[:size]]
        return default or code


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(handle, delimiter="\t")
        ]


def parse_frame(frame: str) -> tuple[str, str | None, str | None]:
    """``"prep:on:russia"`` -> ("prep_word", "on", "russia"); ``""`` -> ("default", None, None)."""
    if not frame:
        return "default", None, None
    parts = frame.split(":", 2)
    if parts[0] == "prep":
        return ("prep_word", parts[1], parts[2]) if len(parts) == 3 else ("prep", parts[1], None)
    if parts[0] in ("obj", "mod", "subj") and len(parts) == 2:
        return parts[0], None, parts[1]
    raise ValueError(f"unknown frame {frame!r}")


def load_patterns(
    paths: list[Path], frames_only: frozenset[str] = frozenset()
) -> dict[tuple[str, str], dict[tuple, Pattern]]:
    """Patterns of every file, earlier files first. A lemma belongs to the first file that
    lists it: a later file's frames for it are ignored, so our own rows are never overruled
    by a more specific PETRARCH frame. Files named in ``frames_only`` give their frames
    ("impose" + "curfew") but not their verbs' defaults."""
    seen: dict[tuple[str, str, str], Pattern] = {}
    owner: dict[tuple[str, str], str] = {}
    for path in paths:
        origin = path.stem
        for row in read_tsv(path):
            key = (row["pos"], row["lemma"].lower(), row["frame"].lower())
            if owner.setdefault(key[:2], origin) != origin or key in seen:
                continue
            kind, prep, word = parse_frame(key[2])
            if origin in frames_only and kind == "default":
                continue  # PETRARCH's verb defaults code every sense of a verb: too loose
            code = None if row["code"] == "-" else row["code"]
            seen[key] = Pattern(key[0], key[1], kind, prep, word, code, origin)
    index: dict[tuple[str, str], dict[tuple, Pattern]] = {}
    for pattern in seen.values():
        index.setdefault((pattern.pos, pattern.lemma), {})[frame_key(pattern)] = pattern
    return index


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


def load_event_knowledge(directory: Path) -> EventKnowledge:
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
    return EventKnowledge(
        patterns=load_patterns(
            [folder / "patterns.tsv", folder / "petrarch_verbs.tsv"],
            frames_only=frozenset({"petrarch_verbs"}),
        ),
        cues={row["lemma"].lower(): row["role"] for row in read_tsv(folder / "cues.tsv")},
        modality=modality,
        codes=codes,
    )
