"""How often each row of patterns.tsv codes a predicate: in AllSides news and in each half of
the PLOVER dev set.

    python tools/pattern_support.py [--articles 800] [--cache DIR] [--only-dev] > support.tsv

A row fitted to one benchmark sentence fires on dev text and hardly anywhere else. For every
row of ``knowledge/data/events/patterns.tsv`` this counts the verbs and nouns it matches
(the most specific frame, as the coder matches it, before any actor is resolved; a row
that silences a sense counts too) in the first ``--articles``
articles of ``corpus/allsides-world`` and in the tuning and checking halves of
``bench/plover-gsr/plover_gsr_dev.json`` (the split of ``bench/halves.py``), and prints one
TSV line per row: ``line pos lemma frame code allsides tuning checking``. PETRARCH's rows
are summed by kind (frames, gated defaults). A new row is general when it has at least 3
AllSides hits (or the CAMEO codebook describes it); ``--only-dev`` lists the rows that fire
on dev sentences but fewer than 3 times in AllSides. Parses are cached in ``--cache``
(default: a folder in the system's temporary directory), so a second run only re-counts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsgraph.extract.events.predicates import match
from newsgraph.extract.tree import tree_of
from newsgraph.knowledge import Knowledge
from newsgraph.knowledge.events import expand_frame, parse_frame, plural
from newsgraph.knowledge.tsv import read_tsv
from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
PATTERNS = REPO / "src" / "newsgraph" / "knowledge" / "data" / "events" / "patterns.tsv"
CLASSES = PATTERNS.with_name("word_classes.tsv")
ALLSIDES = SHARED / "corpus" / "allsides-world" / "articles.jsonl"
DEV = SHARED / "bench" / "plover-gsr" / "plover_gsr_dev.json"
GENERAL = 3  # AllSides hits a row needs to count as general
POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN"}


def parses(pipeline: Pipeline, texts: list[str], cache: Path) -> list[Doc]:
    """The parses of ``texts``, read from ``cache`` when it holds exactly them."""
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(pipeline.nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(pipeline.nlp.pipe(texts, batch_size=16))
    DocBin(docs=docs).to_disk(cache)
    return docs


def pattern_keys(row: dict[str, str], classes: dict[str, list[str]]) -> list[tuple]:
    """The (pos, lemma, kind, prep, word) of every pattern one row stands for."""
    frame = "" if row["frame"] == "*" else row["frame"].lower()
    keys = []
    for member in expand_frame(frame, classes):
        kind, prep, word = parse_frame(member)
        for form in (word,) if word is None else (word, plural(word)):
            keys.append((row["pos"], row["lemma"].lower(), kind, prep, form))
    return keys


def row_lines(path: Path) -> list[int]:
    """The line number of each data row, as ``read_tsv`` reads them (header excluded)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbers = [n for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    return numbers[1:]


def count(docs: list[Doc], knowledge: Knowledge) -> Counter:
    """Words each pattern matches (by its key and origin) over ``docs``: every verb and
    noun is matched as the coder matches it, so rows that silence a sense ("-") count too."""
    hits: Counter = Counter()
    for doc in docs:
        kids = tree_of(doc)
        for token in kids.tokens:
            pos = POS.get(kids.pos[token.i])
            p = match(knowledge.events, pos, token, kids) if pos else None
            if p is not None:
                hits[(p.pos, p.lemma, p.kind, p.prep, p.word, p.origin, p.gated)] += 1
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=800)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "ng-support")
    parser.add_argument("--only-dev", action="store_true", help="rows failing the test only")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    with ALLSIDES.open(encoding="utf-8") as handle:
        news = [json.loads(line)["text"] for line, _ in zip(handle, range(args.articles),
                                                              strict=False)]
    dev = [r["text"] for r in json.loads(DEV.read_text(encoding="utf-8"))[1:]]
    corpora = {
        "allsides": parses(pipeline, news, args.cache / f"allsides-{args.articles}.spacy"),
        "tuning": parses(pipeline, dev[0::2], args.cache / "dev-tuning.spacy"),
        "checking": parses(pipeline, dev[1::2], args.cache / "dev-checking.spacy"),
    }
    hits = {name: count(docs, pipeline.knowledge) for name, docs in corpora.items()}
    classes: dict[str, list[str]] = {}
    for row in read_tsv(CLASSES):
        classes.setdefault(row["class"].lower(), []).append(row["word"].lower())
    out = sys.stdout
    out.write("line\tpos\tlemma\tframe\tcode\tallsides\ttuning\tchecking\n")
    for line, row in zip(row_lines(PATTERNS), read_tsv(PATTERNS), strict=True):
        keys = pattern_keys(row, classes)
        got = {
            name: sum(c[(*k, "patterns", False)] for k in keys) for name, c in hits.items()
        }
        if args.only_dev and not (
            got["allsides"] < GENERAL and got["tuning"] + got["checking"] > 0
        ):
            continue
        out.write(
            f"{line}\t{row['pos']}\t{row['lemma']}\t{row['frame']}\t{row['code']}\t"
            f"{got['allsides']}\t{got['tuning']}\t{got['checking']}\n"
        )
    for label, gated in (("petrarch frames", False), ("petrarch gated defaults", True)):
        sums = {
            name: sum(n for k, n in c.items() if k[5] == "petrarch_verbs" and k[6] is gated)
            for name, c in hits.items()
        }
        print(f"# {label}: " + " ".join(f"{k}={v}" for k, v in sums.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
