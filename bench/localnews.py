"""Places on local news: hand-annotated toponyms of Wikinews articles, scored like GeoWebNews.

usage: [NEWSGRAPH_SHARED=../shared] python bench/localnews.py [--keep DIR]

``bench/localnews/toponyms.tsv`` holds the annotations (see ``bench/localnews/README.md``):
one toponym a row, with its character span in the article text of
``../shared/corpus/wikinews/articles.jsonl`` and its GeoNames id and point. This script
writes a GeoWebNews-style XML gold file from them (the text is read from ../shared, not
copied here), analyses each article with the Pipeline, and runs ``score_geo.py score``
on the outputs: recall, acc@161km, median km, precision. Articles alternate into a
tuning and a checking half (``halves.py``) as on GeoWebNews; both are printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from newsgraph.pipeline import Pipeline
from places import analyse_record, score_by_half

REPO = Path(__file__).resolve().parents[1]
ANNOTATIONS = REPO / "bench" / "localnews" / "toponyms.tsv"
CORPUS = Path("corpus/wikinews/articles.jsonl")
SCORER = Path("bench/score_geo.py")
COLUMNS = ("article", "start", "end", "text", "geonameid", "lat", "lon", "name")


def read_annotations(path: Path) -> dict[str, list[dict[str, str]]]:
    """Annotated toponyms by article id, in file order (comment lines start with #)."""
    by_article: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t"
        )
        for row in rows:
            by_article.setdefault(row["article"], []).append(row)
    return by_article


def gold_xml(articles: list[dict], annotations: dict[str, list[dict[str, str]]]) -> ET.Element:
    """A GeoWebNews-style gold tree: every annotated toponym is a Literal place."""
    root = ET.Element("articles")
    for article in articles:
        node = ET.SubElement(root, "article", file=article["id"])
        text = article["text"]
        ET.SubElement(node, "text").text = text
        toponyms = ET.SubElement(node, "toponyms")
        for row in annotations[article["id"]]:
            start, end = int(row["start"]), int(row["end"])
            if text[start:end] != row["text"]:
                sys.exit(f"{ANNOTATIONS}: {row['article']} {start}-{end} is "
                         f"{text[start:end]!r}, not {row['text']!r}")
            toponym = ET.SubElement(toponyms, "toponym")
            for tag, value in (("type", "Literal"), ("start", row["start"]),
                               ("end", row["end"]), ("geonamesID", row["geonameid"]),
                               ("latitude", row["lat"]), ("longitude", row["lon"])):
                ET.SubElement(toponym, tag).text = value
    return root


def run(shared: Path, out_dir: Path) -> None:
    annotations = read_annotations(ANNOTATIONS)
    lines = (shared / CORPUS).read_text(encoding="utf-8").splitlines()
    articles = [a for a in map(json.loads, lines) if a["id"] in annotations]
    missing = set(annotations) - {a["id"] for a in articles}
    if missing:
        sys.exit(f"{ANNOTATIONS}: articles not in {shared / CORPUS}: {sorted(missing)}")
    gold = out_dir / "gold.xml"
    ET.ElementTree(gold_xml(articles, annotations)).write(gold, encoding="utf-8")
    pipeline = Pipeline()
    output = out_dir / "out.jsonl"
    with output.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {"id": article["id"], "text": article["text"],
                      "title": None, "published": None, "source": None, "url": None}
            handle.write(json.dumps(analyse_record(pipeline, record)) + "\n")
    toponyms = sum(map(len, annotations.values()))
    print(f"{len(articles)} articles, {toponyms} annotated toponyms")
    score_by_half(shared / SCORER, gold, output, out_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path,
        default=Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared")),
    )
    parser.add_argument("--keep", type=Path, default=None, help="write outputs here")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.shared, args.keep)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(args.shared, Path(folder))


if __name__ == "__main__":
    main()
