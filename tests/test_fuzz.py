"""bench/fuzz.py at a fixed seed and a small size: no exception, one result per input."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import REPO


def load_fuzzer():
    spec = importlib.util.spec_from_file_location("fuzz", REPO / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_mutated_real_articles_give_no_exception_and_one_result_each(pipeline):
    report = load_fuzzer().fuzz(per_reader=12, analyse_count=10, seed=17, pipeline=pipeline)
    assert report.findings == []
    assert sum(report.inputs.values()) == 60 and report.analysed == 10
    assert {"txt", "jsonl", "html", "xml", "warc"} <= set(report.inputs)
    assert report.articles > 0 and report.problems > 0
    assert report.reasons["not JSON (Invalid control character at a"] > 0
