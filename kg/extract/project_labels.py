"""A project's label in its official form: an airport by its name (白云机场 → 广州白云国际机场),
two states in China's order (缅中经济走廊 → 中缅经济走廊), an expressway in full (沈海高速 →
沈海高速公路), a project's works as the project (…项目工程 → …项目)."""

from __future__ import annotations

from kg.extract.airports import official_airport
from kg.extract.lexicon import Lexicon
from kg.extract.state_pairs import china_first

__all__ = ["official_label"]


def official_label(label: str, lex: Lexicon) -> str:
    """The official form of a project's ``label`` as the text writes it."""
    label = china_first(official_airport(label), lex)
    if label.endswith("项目工程"):
        return label[:-2]  # 亚蓉欧国家馆集群项目工程: the project's works are the project
    if label.endswith("高速") and len(label) > 3:
        return label + "公路"  # 沈海高速: an expressway's name is …高速公路
    return label
