"""A project's label in its official form (labels written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract.lexicon import Lexicon
from kg.extract.project_labels import official_label


@pytest.mark.parametrize(
    "label, official",
    [
        ("萧山机场", "杭州萧山国际机场"),
        ("越中友谊大桥", "中越友谊大桥"),
        ("沪昆高速", "沪昆高速公路"),
        ("G15沈海高速", "G15沈海高速公路"),
        ("京港澳高速湖南段", "京港澳高速公路湖南段"),
        ("滨海国际会展中心项目工程", "滨海国际会展中心项目"),
        ("成渝铁路项目线下土建工程", "成渝铁路项目"),
        ("宜昭(四川宜宾至云南昭通)高速", "宜昭高速公路"),
        ("“中哈友谊大桥”项目", "中哈友谊大桥"),
        ("“江西省农村公路提升工程”项目", "江西省农村公路提升工程"),
        # already official, another kind of line, or a quoted name that is no facility's
        ("“暖心屋”项目", "“暖心屋”项目"),
        ("沪昆高速公路", "沪昆高速公路"),
        ("京沪高速铁路", "京沪高速铁路"),
        ("京沪高速铁路江苏段", "京沪高速铁路江苏段"),
        ("巴中机场", "巴中机场"),
    ],
)
def test_project_labels_official_forms(label, official):
    assert official_label(label, Lexicon.default()) == official
