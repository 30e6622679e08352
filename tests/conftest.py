"""Shared fixtures: paths to the seed and the evaluation data, and a hand-made extraction."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from kg.records import (
    DateValue,
    Document,
    Entity,
    Extraction,
    Mention,
    QuantityValue,
    Relation,
    Sentence,
    Span,
)

ROOT = Path(__file__).resolve().parent.parent


def bench_corpus() -> ModuleType:
    """The corpus generator of ``bench/corpus.py`` (not a package), loaded once."""
    return bench_module("corpus")


def bench_module(name: str) -> ModuleType:
    """The module ``bench/NAME.py`` (not a package), loaded once as ``bench_NAME``."""
    module = sys.modules.get(f"bench_{name}")
    if module is None:
        path = ROOT / "bench" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[f"bench_{name}"] = module
        spec.loader.exec_module(module)
    return module


SEED = ROOT / "seeds" / "000_8ad9febdc21e1cf6.txt"
DATA = ROOT / "tests" / "data"


def span_of(text: str, surface: str, sentence: int = 0, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), surface, sentence)


@pytest.fixture(scope="session")
def small_extraction() -> Extraction:
    """A two-sentence article read by hand: one agreement, two parties, a science city."""
    text = (
        "3月5日，北京市科委与天津市科技局签署《京津科技协同合作协议》。"
        "中关村科学城涉及海淀区，规划面积75平方公里。"
    )
    doc = Document(id="doc1", text=text, published=datetime.date(2023, 3, 6), title="京津合作")
    s0_end = text.index("。") + 1
    sentences = (
        Sentence(0, 0, s0_end, text[:s0_end]),
        Sentence(1, s0_end, len(text), text[s0_end:]),
    )
    a1 = Entity("Agency", "北京市科学技术委员会", "北京市科学技术委员会")
    a2 = Entity("Agency", "天津市科学技术局", "天津市科学技术局")
    ag = Entity("Agreement", "京津科技协同合作协议@2023-03-05", "京津科技协同合作协议")
    sc = Entity("ScienceCity", "中关村科学城", "中关村科学城")
    hd = Entity("District", "110108", "海淀区", code="110108")
    bj = Entity("City", "110000", "北京市", code="110000")
    mentions = (
        Mention(a1, span_of(text, "北京市科委"), "canonical-name"),
        Mention(a2, span_of(text, "天津市科技局"), "canonical-name"),
        Mention(ag, span_of(text, "京津科技协同合作协议")),
        Mention(sc, span_of(text, "中关村科学城", 1), "exact"),
        Mention(hd, span_of(text, "海淀区", 1)),
    )
    s0 = Span(0, s0_end, text[:s0_end], 0)
    s1 = Span(s0_end, len(text), text[s0_end:], 1)
    relations = (
        Relation(ag, "party", a1, s0),
        Relation(ag, "party", a2, s0),
        Relation(ag, "signedOn", DateValue(datetime.date(2023, 3, 5), "published"), s0),
        Relation(sc, "includesDistrict", hd, s1),
        Relation(sc, "plannedArea", QuantityValue(Decimal("75"), "SquareKilometre"), s1),
        Relation(hd, "locatedIn", bj, s1),
    )
    return Extraction(doc, sentences, mentions, relations)
