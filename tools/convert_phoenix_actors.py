"""Convert the Phoenix actor dictionaries (MIT) into newsgraph's actor knowledge files.

Reads ../shared/knowledge/phoenix (or $NEWSGRAPH_SHARED/knowledge/phoenix) and writes, under
src/newsgraph/knowledge/data/actors/:

- ``phoenix_names.tsv``: ``name<TAB>codes<TAB>source``, one row per name. ``codes`` is a
  ``;``-separated list of ``CODE`` or ``CODE@FROM..TO`` (ISO dates, either end may be empty).
- ``phoenix_agents.tsv``: ``phrase<TAB>role`` (the agents file's ``[~GOV]`` becomes ``GOV``,
  ``[IGO~]`` becomes ``IGO~``), with the explicit plural forms and ``!PERSON!`` expansions.
- ``LICENSE.phoenix.txt``: the MIT notice the dictionaries carry.

Re-run with ``PYTHONPATH=src python tools/convert_phoenix_actors.py [PHOENIX_DIR]``.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path

from newsgraph.knowledge.actors import words_of

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
PHOENIX = SHARED / "knowledge" / "phoenix"
TARGET = REPO / "src" / "newsgraph" / "knowledge" / "data" / "actors"
ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}
CODE = re.compile(r"\[([^\]]*)\]")
MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def phoenix_date(text: str) -> date | None:
    """``090120`` -> 2009-01-20, ``20130605`` -> 2013-06-05; None when malformed."""
    if len(text) == 6:
        year = int(text[:2])
        year += 1900 if year >= 30 else 2000
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def convert_code(raw: str) -> str | None:
    """``USAGOV >090120`` -> ``USAGOV@2009-01-20..``; None for codes we cannot read."""
    parts = raw.replace("> ", ">").replace("< ", "<").split()
    if not parts or not re.fullmatch(r"[A-Z]{3,15}", parts[0]):
        return None
    if len(parts) == 1:
        return parts[0]
    span = parts[1]
    if span.startswith(">") or span.startswith("<"):
        day = phoenix_date(span[1:])
        if day is None:
            return None
        return f"{parts[0]}@{day}.." if span[0] == ">" else f"{parts[0]}@..{day}"
    if "-" in span:
        start, end = (phoenix_date(p) for p in span.split("-", 1))
        if start is None or end is None or end < start:  # a typo in the source: unusable
            return None
        return f"{parts[0]}@{start}..{end}"
    return None


def phrase(raw: str) -> str:
    """``RUSSIAN_FEDERATION_`` -> ``russian federation``: the words newsgraph matches on
    (``words_of``), so loading needs no normalising; parenthesised parts dropped."""
    text = re.sub(r"\([^)]*\)?", " ", raw.split("#", 1)[0])
    return " ".join(words_of(text.replace("_", " ")))


def read_actors(path: Path, source: str) -> dict[str, tuple[list[str], str]]:
    """Name -> (codes, source) from one TABARI/PETRARCH ``.actors`` file."""
    names: dict[str, tuple[list[str], str]] = {}
    block: list[str] = []
    codes: list[str] = []

    def flush() -> None:
        if codes:
            for name in block:
                if name and name not in names:
                    names[name] = (list(dict.fromkeys(codes)), source)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        content = line.split("#", 1)[0]
        if not content.strip():
            continue
        found = [c for c in (convert_code(raw) for raw in CODE.findall(content)) if c]
        head = CODE.sub(" ", content)
        if content[0] in " \t":
            codes.extend(found)
            continue
        if content.startswith("+"):
            block.append(phrase(head[1:]))
        else:
            flush()
            block, codes = [phrase(head)], []
        codes.extend(found)
    flush()
    return names


def read_agents(path: Path) -> dict[str, str]:
    """Agent phrase -> role code, with plurals and ``!PERSON!`` macros expanded."""
    macros: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        content = line.split("#", 1)[0].strip()
        if not content:
            continue
        macro = MACRO.match(content)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        found = CODE.findall(content)
        if not found:
            continue
        role = found[0].strip().replace("~", "") if found[0].startswith("~") else found[0]
        head = CODE.sub(" ", content)
        plural = re.search(r"\{([^}]*)\}", head)
        forms = [re.sub(r"\{[^}]*\}", " ", head)]
        if plural and plural.group(1).strip():
            forms.append(plural.group(1))
        for form in forms:
            for expanded in expand_macros(form.strip(), macros):
                name = phrase(expanded)
                if name and name not in agents:
                    agents[name] = role
    return agents


def expand_macros(text: str, macros: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", text)
    if not match or match.group(1) not in macros:
        return [text]
    results = []
    for word in macros[match.group(1)]:
        results.extend(expand_macros(text[: match.start()] + word + text[match.end() :], macros))
    return results


def main(phoenix: Path = PHOENIX, target: Path = TARGET) -> None:
    target.mkdir(parents=True, exist_ok=True)
    names: dict[str, tuple[list[str], str]] = {}
    for filename, source in ACTOR_FILES.items():
        for name, value in read_actors(phoenix / filename, source).items():
            names.setdefault(name, value)
    with open(target / "phoenix_names.tsv", "w", encoding="utf-8") as out:
        out.write("name\tcodes\tsource\n")
        for name, (codes, source) in sorted(names.items()):
            out.write(f"{name}\t{';'.join(codes)}\t{source}\n")
    agents = read_agents(phoenix / "Phoenix.agents.txt")
    with open(target / "phoenix_agents.tsv", "w", encoding="utf-8") as out:
        out.write("phrase\trole\n")
        for name, role in sorted(agents.items()):
            out.write(f"{name}\t{role}\n")
    shutil.copyfile(phoenix / "LICENSE.petrarch2.MIT.txt", target / "LICENSE.phoenix.txt")
    print(f"{len(names)} names, {len(agents)} agent phrases -> {target}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else PHOENIX)
