"""Extraction: Chinese text in, plain records out."""

from kg.callable import make_callable
from kg.extract.lexicon import Lexicon
from kg.extract.pipeline import extract

__all__ = ["extract", "Lexicon"]


make_callable(__name__, extract)
