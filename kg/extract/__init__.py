"""Extraction: Chinese text in, plain records out."""

from kg.extract.lexicon import Lexicon
from kg.extract.pipeline import extract

__all__ = ["extract", "Lexicon"]
