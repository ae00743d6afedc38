"""Convert the shared CAMEO knowledge into newsgraph's event knowledge files.

Re-run after the sources change:

    python tools/convert_cameo_verbs.py ../shared/knowledge src/newsgraph/knowledge/data/events

Writes
- ``petrarch_verbs.tsv``: PETRARCH2's CAMEO.2.0.txt verb dictionary (MIT) flattened to one
  row per verb lemma and frame (``pos lemma frame code note``), the format of ``patterns.tsv``;
- ``cameo_codes.tsv``: every CAMEO event code with its name, Goldstein value and quad class;
- ``CAMEO2PLOVER-2021.txt``: copied unchanged (CC BY-SA 4.0, licence file beside it).

A PETRARCH block lists synonymous verbs (with an optional own code) and patterns, each
kept for the verbs its comment names (else for every verb of the block): ``- * WORD [code]``
(direct object), ``- * (PREP WORD) [code]`` (prepositional phrase), ``- WORD * [code]``
(subject). Only the first element after the verb is kept as the frame; longer patterns are
reduced to it, and a pattern whose reduced frame already has a code keeps the first code.
A braced phrase (``{NO REASON}``) is kept whole, so it matches a noun with that modifier
only. A pattern coded ``[---]`` (``- * SESSION [---]`` under HOLD) is PETRARCH's "no event"
for that frame and becomes code ``-`` when it has no other element (reduced, ``- * CONTROL
(OF {THE HOUSE}) [---]`` would silence every "take control"). Defaults of plain statement
(010) are dropped, and frames coded 010 ("give details", "issue a statement", "deliver a
message") become ``-``: saying is attribution, read by the quote extractor.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
VERB = re.compile(r"^(\+?[A-Z][A-Z_'\-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
SYNONYM_SET = re.compile(r"^&([A-Z_]+)\s*$")
TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")
CODE = re.compile(r"^\d{2,4}$")
MARKERS = {"$", "+", "^", "%"}
NO_EVENT = "---"


def clean_code(raw: str) -> str | None:
    """``"042:043"`` -> ``"042"``; ``"---"`` and ``":110"`` (no own code) -> None."""
    code = raw.split(":")[0].strip()
    return code if CODE.match(code) else None


def no_event(raw: str) -> bool:
    """``[---]`` on a pattern: PETRARCH's "this verb with this word is no event"."""
    return raw.split(":")[0].strip() == NO_EVENT


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        match = SYNONYM_SET.match(line.strip())
        if match:
            current = sets.setdefault(match.group(1).rstrip("_"), [])
        elif current is not None and line.startswith("+"):
            current.append(word_of(line[1:].split("#")[0].strip()))
        elif not line.strip():
            current = None
    return sets


def word_of(raw: str) -> str:
    return raw.strip("+_").replace("_", " ").lower()


def expand(element: str, synonyms: dict[str, list[str]]) -> list[str]:
    """The words an element stands for: ``&FOOD`` -> its set; a braced phrase is kept whole,
    each of its ``&SET`` words expanded (``{NO REASON}`` -> "no reason", not "reason":
    cutting a phrase to its head coded "gave a reason" as PETRARCH's "gave no reason")."""
    words = [w for w in element.strip("{}").split() if w not in MARKERS]
    phrases = [""]
    for word in words:
        options = (
            synonyms.get(word[1:].rstrip("_"), []) if word.startswith("&") else [word_of(word)]
        )
        phrases = [f"{p} {o}".strip() for p in phrases for o in options]
    return [p for p in phrases if p]


def elements(pattern: str) -> list[str]:
    """The elements of a pattern besides the verb and markers: "- * CONTROL (OF VILLAGES)"
    has two."""
    return [e for e in TOKEN.findall(pattern.replace("*", " ")) if e not in MARKERS]


def frames(pattern: str, synonyms: dict[str, list[str]]) -> list[str]:
    """The frames of one PETRARCH pattern, reduced to its first element after the verb."""
    if "*" not in pattern:
        return []
    before, after = pattern.split("*", 1)
    elements = [e for e in TOKEN.findall(after) if e not in MARKERS]
    if elements:
        first = elements[0]
        if first.startswith("("):
            parts = [p for p in first.strip("()").split() if p not in MARKERS]
            if not parts:
                return []
            prep = parts[0].lower()
            if len(parts) == 1:
                return [f"prep:{prep}"]
            return [f"prep:{prep}:{w}" for w in expand(" ".join(parts[1:]), synonyms)]
        if first.isupper() and first.lower() in PREPOSITIONS:
            rest = elements[1:2]
            if not rest:
                return [f"prep:{first.lower()}"]
            return [f"prep:{first.lower()}:{w}" for w in expand(rest[0], synonyms)]
        return [f"obj:{w}" for w in expand(first, synonyms)]
    subjects = [e for e in TOKEN.findall(before) if e not in MARKERS]
    if subjects and not subjects[-1].startswith("("):
        return [f"subj:{w}" for w in expand(subjects[-1], synonyms)]
    return []


# A verb whose default is a plain statement ("describe", "estimate") attributes speech; it is
# no event of its own (the quotes extractor reads it), so no default is kept for it.
ATTRIBUTION = {"010"}
PREPOSITIONS = {
    "to", "with", "on", "against", "in", "into", "from", "for", "at", "over", "of", "by",
    "toward", "towards", "about", "across", "through", "upon", "under", "between", "off",
}


def convert_verbs(source: Path, codes: set[str]) -> list[tuple[str, str, str, str, str]]:
    lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    synonyms = read_synonyms(lines)
    rows: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}
    from_set: set[tuple[str, str]] = set()  # frames whose row came through a synonym set
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    block_code: str | None = None
    verbs: list[tuple[str, str | None]] = []
    block = ""

    def add(lemma: str, frame: str, code: str, note: str, literal: bool = True) -> None:
        """The first code of a frame wins, but a pattern naming its word beats one that
        reached it through a synonym set (``{TEAR GAS} [175]`` under FIRE over the 150 of
        a ``&WEAPON`` pattern listed before it)."""
        code = code if code == "-" else known_code(code, codes)
        if not code:
            return
        key = (lemma, frame)
        if key not in rows or (literal and key in from_set):
            rows[key] = ("VERB", lemma, frame, code, note)
            from_set.discard(key)
            if not literal:
                from_set.add(key)

    for line in lines[start + 1 :]:
        text, _, comment = line.partition("#")
        text = text.rstrip()
        header = BLOCK.match(text)
        if header:
            block, block_code, verbs = header.group(1), clean_code(header.group(2)), []
            continue
        if not text.strip():
            continue
        pattern = PATTERN.match(text)
        if pattern:
            code = "-" if no_event(pattern.group(2)) else clean_code(pattern.group(2))
            if code is None or (code == "-" and len(elements(pattern.group(1))) > 1):
                continue  # "take control (of the House)" is no event; "take control" is
            named = {word_of(w) for w in re.split(r"[,\s]+", comment) if w.strip()}
            owners = [v for v in verbs if v[0] in named] or verbs
            literal = "&" not in pattern.group(1)
            for frame in frames(pattern.group(1), synonyms):
                for lemma, default in owners:
                    if code != default:
                        said = "-" if code in ATTRIBUTION else code
                        add(lemma, frame, said, f"petrarch {block}", literal)
            continue
        verb = VERB.match(text)
        if verb and text[0] != "-":
            lemma = word_of(verb.group(1))
            own = clean_code(verb.group(2)) if verb.group(2) else None
            if verb.group(2) and verb.group(2).strip() == "---":
                own = None
            code = own or (block_code if verb.group(2) is None else own)
            verbs.append((lemma, code))
            if code and code not in ATTRIBUTION:
                add(lemma, "", code, f"petrarch {block}")
    return sorted(rows.values(), key=lambda r: (r[1], r[2]))


MERGED_ROW = re.compile(r"^(.*?)(\d{3,4}):\[(-?\d+(?:\.\d+)?)\]\s*(.+)$")


def convert_codes(cameo: Path) -> list[list[str]]:
    """The code table; a row the source merged with the next ("…engagement106:[-5.0] Demand
    withdrawal") is split back into its two codes."""
    rows = []
    with (cameo / "cameo_codes_goldstein_quadclass.tsv").open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle, delimiter="\t"):
            merged = MERGED_ROW.match(r["name"])
            if merged:
                name, code, goldstein, other = merged.groups()
                rows.append([r["code"], name.strip(), r["goldstein"], r["quadclass"]])
                rows.append([code, other.strip(), goldstein, r["quadclass"]])
            else:
                rows.append([r["code"], r["name"].strip(), r["goldstein"], r["quadclass"]])
    return sorted(rows, key=lambda row: row[0])


def known_code(code: str, codes: set[str]) -> str | None:
    """A PETRARCH code that CAMEO 1.1b3 lacks ("176", "1213") falls back to its parent."""
    while code and code not in codes:
        code = code[:-1]
        if code + "0" in codes:
            return code + "0"
    return code or None


def write_tsv(path: Path, header: list[str], rows: list) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(shared_knowledge: str, target: str) -> None:
    shared, out = Path(shared_knowledge), Path(target)
    out.mkdir(parents=True, exist_ok=True)
    codes = convert_codes(shared / "cameo")
    write_tsv(out / "cameo_codes.tsv", ["code", "name", "goldstein", "quad_class"], codes)
    write_tsv(
        out / "petrarch_verbs.tsv",
        ["pos", "lemma", "frame", "code", "note"],
        convert_verbs(shared / "phoenix" / "CAMEO.2.0.txt", {row[0] for row in codes}),
    )
    shutil.copyfile(shared / "cameo" / "CAMEO2PLOVER-2021.txt", out / "CAMEO2PLOVER-2021.txt")
    shutil.copyfile(
        shared / "phoenix" / "LICENSE.petrarch2.MIT.txt", out / "petrarch_verbs.LICENSE.txt"
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
