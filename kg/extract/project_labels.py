"""A project's label in its official form: an airport by its name (白云机场 → 广州白云国际机场),
two states in China's order (缅中经济走廊 → 中缅经济走廊), an expressway in full (沈海高速 →
沈海高速公路, 京礼高速平原段 → 京礼高速公路平原段), a project's works as the project
(…项目工程 → …项目), a line without the gloss of its ends (宜昭(四川宜宾至云南昭通)高速 →
宜昭高速公路), a facility quoted before 项目 by its own name (“中柬友谊大桥”项目 →
中柬友谊大桥)."""

from __future__ import annotations

import re

from kg.extract.airports import official_airport
from kg.extract.lexicon import Lexicon
from kg.extract.state_pairs import china_first

__all__ = ["official_label"]

# A section of an expressway written by its short name (京礼高速平原段, not …高速铁路…段).
_EXPRESSWAY_SECTION = re.compile(r"(.{2,}高速)(?!公路|铁路)([\u4e00-\u9fff]{1,6}段)")
# A facility's name in quotation marks before the word for a project (“中柬友谊大桥”项目).
_QUOTED = re.compile(r"“([^“”]{2,30})”(?:项目|工程)")

# A phase or a section of the works after 项目 (…项目一期工程): part of the name.
_PHASE = re.compile(r"期|段|标")
# A bracket that spells out a line's ends after its short name (宜昭(四川宜宾至云南昭通)…).
_ENDS_GLOSS = re.compile(r"\([^()]{2,16}至[^()]{2,16}\)")


def official_label(label: str, lex: Lexicon) -> str:
    """The official form of a project's ``label`` as the text writes it."""
    label = china_first(official_airport(label), lex)
    label = _ENDS_GLOSS.sub("", label)  # 宜昭(四川宜宾至云南昭通)高速公路: a gloss of its ends
    quoted = _QUOTED.fullmatch(label)
    if quoted is not None and quoted.group(1).endswith(tuple(lex.project_heads)):
        return official_label(quoted.group(1), lex)  # “中柬友谊大桥”项目: the facility's name
    works = label.find("项目", 2)
    if (
        works > 0
        and label.endswith("工程")
        and works + 2 < len(label)
        and not _PHASE.search(label, works)
    ):
        return label[: works + 2]  # 中老铁路项目线下土建工程, …项目工程: the project's works
    if label.endswith("高速") and len(label) > 3:
        return label + "公路"  # 沈海高速: an expressway's name is …高速公路
    section = _EXPRESSWAY_SECTION.fullmatch(label)
    if section is not None:
        return section.group(1) + "公路" + section.group(2)  # 京礼高速平原段: a section of it
    return label
