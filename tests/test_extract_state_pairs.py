"""Works named by two states' abbreviations (sentences written for these tests; no article
text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _projects(text: str) -> set[str]:
    ex = extract(Document(id="pairs", text=text))
    return {m.entity.label for m in ex.mentions if m.entity.cls == "Project"}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # the other state written first: one node in China's order
        ("柬方期待柬中友谊大桥早日通车。", "中柬友谊大桥", "柬中友谊大桥"),
        ("老中经济走廊建设稳步推进。", "中老经济走廊", "老中经济走廊"),
        ("越中铁路合作项目取得进展。", "中越铁路合作项目", "越中铁路合作项目"),
        # a clause's words before the pair are not in the name
        ("尼泊尔议会高度重视中尼跨境铁路。", "中尼跨境铁路", "尼泊尔议会高度重视中尼跨境铁路"),
        ("一车车蔬菜经中越铁路运往河内。", "中越铁路", "一车车蔬菜经中越铁路"),
        # a place before the pair belongs to the name; a quoted facility is named by itself
        ("南宁中泰产业园开园。", "南宁中泰产业园", "中泰产业园"),
        ("“老中友谊大桥”项目竣工。", "中老友谊大桥", "“老中友谊大桥”项目"),
        # a place whose name is two such characters is no pair
        ("巴中至广安高速公路开工。", "巴中至广安高速公路", None),
    ],
)
def test_state_pairs_name_the_works_in_chinas_order(text, present, absent):
    projects = _projects(text)
    assert present in projects
    assert absent is None or absent not in projects
