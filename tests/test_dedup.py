"""Near-duplicate articles on real texts: syndicated copies found, stories on one topic kept apart,
across runs into one store and inside one batch."""

from __future__ import annotations

import json
from itertools import groupby

import duckdb
import pytest

from newsgraph.dedup import NearDuplicateIndex, is_copy, signature
from newsgraph.ids import article_id
from newsgraph.model import Analysis, Article
from newsgraph.store import Store
from tests.conftest import shared_file

NOTICE = ("\n\n(Only the headline of this story may have been reworked by our staff; the rest "
          "of the content is auto-generated from a syndicated feed.)")


def jsonl(relative: str) -> list[dict]:
    with shared_file(relative).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def allsides(*ids: str) -> list[dict]:
    wanted = set(ids)
    found = {row["id"]: row for row in jsonl("corpus/allsides-world/articles.jsonl")
             if row["id"] in wanted}
    return [found[i] for i in ids]


def stored(row: dict) -> Analysis:
    """An analysis with no records: the store judges duplicates by the article alone."""
    text, source, url = row["text"], row.get("source"), row.get("url")
    return Analysis(article=Article(id=article_id(text, source, url), text=text, source=source,
                                    url=url, external_id=row.get("id")))


def copy_of(row: dict, text: str, source: str = "Another Outlet") -> dict:
    return {**row, "text": text, "source": source, "url": None, "id": row["id"] + "-copy"}


def articles_of(path) -> dict[str, tuple[str | None, bool]]:
    """external id → (external id of the original it copies, syndicated)."""
    db = duckdb.connect(str(path), read_only=True)
    try:
        rows = db.execute("SELECT a.external_id, o.external_id, a.syndicated FROM articles a"
                          " LEFT JOIN articles o ON o.id = a.duplicate_of").fetchall()
    finally:
        db.close()
    return {row[0]: (row[1], row[2]) for row in rows}


@pytest.fixture(scope="module")
def pairs() -> list[list[dict]]:
    rows = sorted(jsonl("corpus/neardup/allsides_syndicated_pairs.jsonl"),
                  key=lambda row: row["dup_group"])
    return [list(group) for _, group in groupby(rows, key=lambda row: row["dup_group"])]


def test_every_syndicated_pair_is_a_copy(pairs):
    assert len(pairs) == 11
    for first, second in pairs:
        assert is_copy(signature(first["text"]), signature(second["text"])), first["dup_group"]


def test_every_syndicated_pair_is_marked_in_the_store(tmp_path, pairs):
    with Store(tmp_path / "n.duckdb") as store:
        store.write_many([stored(row) for pair in pairs for row in pair])
    marked = articles_of(tmp_path / "n.duckdb")
    for first, second in pairs:
        assert marked[first["id"]] == (None, False)
        assert marked[second["id"]] == (first["id"], True)


def test_a_new_headline_a_trimmed_ending_or_a_notice_is_still_a_copy(pairs):
    original = pairs[3][0]
    text = original["text"]
    paragraphs = text.split("\n\n")
    retitled = "Wire story, told under another headline\n\n" + text
    trimmed = "\n\n".join(paragraphs[: len(paragraphs) // 2])  # the last half cut
    noticed = text + NOTICE
    index = NearDuplicateIndex()
    index.add("original", signature(text))
    for name, copy in (("retitled", retitled), ("trimmed", trimmed), ("noticed", noticed)):
        assert index.original_of(name, signature(copy)) == "original", name


def test_two_stories_on_one_topic_are_not_copies():
    # Barr's testimony in doubt (Washington Times) / Barr spars with Nadler (Fox): one topic,
    # two stories; two CNN Ukraine stories that share an embedded photo gallery.
    for one, other in (("abp-DkQ4OrtC0OITk2R2", "abp-mKfCFGUQ3L7ue61K"),
                       ("abp-Z6JHOAF5cjkxqlsy", "abp-XI1oiW8WQA38Acjz")):
        first, second = allsides(one, other)
        assert not is_copy(signature(first["text"]), signature(second["text"])), (one, other)


def test_a_copy_stored_in_a_later_run_points_at_the_first_seen(tmp_path, pairs):
    first, second = pairs[0]
    third = copy_of(second, "Headline rewritten once more\n\n" + second["text"])
    path = tmp_path / "n.duckdb"
    with Store(path) as store:
        store.write(stored(first))
    with Store(path) as store:
        store.write_many([stored(second), stored(third)])
    marked = articles_of(path)
    assert marked[second["id"]] == (first["id"], True)
    assert marked[third["id"]] == (first["id"], True)


def test_running_again_changes_no_duplicate_marks(tmp_path, pairs):
    path = tmp_path / "n.duckdb"
    batch = [stored(row) for pair in pairs[:4] for row in pair]
    with Store(path) as store:
        store.write_many(batch)
    before = articles_of(path)
    with Store(path) as store:
        assert set(store.write_many(batch)) == {"unchanged"}
    assert articles_of(path) == before


def test_a_store_from_before_signatures_gets_them_on_its_next_write(tmp_path, pairs):
    first, second = pairs[1]
    path = tmp_path / "n.duckdb"
    with Store(path) as store:
        store.write(stored(first))
    db = duckdb.connect(str(path))
    db.execute("DROP TABLE signatures")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.close()
    with Store(path) as store:
        store.write(stored(second))
    assert articles_of(path)[second["id"]] == (first["id"], True)


def test_extract_marks_an_edited_copy_later_in_the_same_input(pipeline, pairs):
    first, second = min(pairs, key=lambda pair: len(pair[0]["text"]))
    articles = [pipeline.make_article(row["text"], source=row["source"], external_id=row["id"])
                for row in (first, second)]
    original, copy = (analysis.article for analysis in pipeline.analyse_many(articles))
    assert (original.duplicate_of, copy.duplicate_of) == (None, original.id)
    assert copy.syndicated is True


def test_worker_processes_mark_the_same_copies_as_one_process(tmp_path, pipeline, pairs):
    from newsgraph.ingest import iter_inputs
    from newsgraph.run import InlineEngine, ProcessEngine, run

    shortest = sorted(pairs, key=lambda pair: len(pair[0]["text"]))[:2]
    path = tmp_path / "pairs.jsonl"
    rows = [row for pair in shortest for row in pair]
    rows.append(copy_of(rows[1], "A third headline\n\n" + rows[1]["text"]))
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    marks = []
    for name, engine in (("inline", InlineEngine(pipeline)), ("workers", ProcessEngine(2))):
        with Store(tmp_path / f"{name}.duckdb") as store:
            run(iter_inputs([path]), engine, store, chunk_articles=1)
        marks.append(articles_of(tmp_path / f"{name}.duckdb"))
    assert marks[0] == marks[1]
    assert marks[0][rows[1]["id"]] == marks[0][rows[4]["id"]] == (rows[0]["id"], True)


def test_the_index_recalls_exactly_what_datasketch_lsh_recalls():
    """The index bands signatures itself (for memory); its candidates must be datasketch's."""
    from datasketch import MinHashLSH

    from newsgraph.dedup import BAND_ROWS, BANDS, CANDIDATE_RESEMBLANCE, MIN_SHINGLES, NUM_PERM

    rows = jsonl("corpus/allsides-world/articles.jsonl")[:400]
    lsh = MinHashLSH(threshold=CANDIDATE_RESEMBLANCE, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, BAND_ROWS)
    index = NearDuplicateIndex()
    sigs = {}
    for row in rows:
        key = article_id(row["text"], row.get("source"), row.get("url"))
        if key in sigs:
            continue
        sigs[key] = sig = signature(row["text"])
        index.add(key, sig)
        if sig.shingles >= MIN_SHINGLES:
            lsh.insert(key, sig.minhash())
    keys = list(sigs)
    shared = 0
    for key, sig in sigs.items():
        ours = {keys[i] for i in index.candidates(sig)}
        theirs = set(lsh.query(sig.minhash())) if sig.shingles >= MIN_SHINGLES else ours
        assert ours == theirs, key
        shared += len(ours) > 1
    assert shared >= 10  # copies in the corpus: the comparison is not one of empty sets


def test_signatures_are_datasketchs_minhash_values():
    """Signatures are computed without datasketch; stored ones must stay its affine32 MinHash."""
    import numpy as np
    from datasketch import MinHash

    from newsgraph.dedup import NUM_PERM, SCHEME, SEED, shingles

    with shared_file("corpus/allsides-world/articles.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line, _ in zip(lines, range(150), strict=False)]
    for text in [*texts, "", "One short sentence."]:
        theirs = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
        theirs.update_batch(list(shingles(text)))
        ours = signature(text).hashvalues
        assert ours.dtype == np.uint32 and np.array_equal(ours, theirs.hashvalues), text[:60]
