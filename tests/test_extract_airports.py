"""China's main airports by their official names (sentences written for these tests; no
article text)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.airports import official_airport, official_airports
from kg.records import Document


def _projects(text: str) -> set[str]:
    ex = extract(Document(id="airports", text=text))
    return {m.entity.label for m in ex.mentions if m.entity.cls == "Project"}


@pytest.mark.parametrize(
    "label, official",
    [
        # the city, the name and 机场; the name alone; the city where it has one airport here
        ("昆明长水机场", "昆明长水国际机场"),
        ("长水机场", "昆明长水国际机场"),
        ("黄花国际机场", "长沙黄花国际机场"),
        ("贵阳机场", "贵阳龙洞堡国际机场"),
        ("澳门机场", "澳门国际机场"),
        # a part or the works of an airport keep what follows its name
        ("双流机场T2航站楼", "成都双流国际机场T2航站楼"),
        ("咸阳机场三期扩建工程", "西安咸阳国际机场三期扩建工程"),
        # a city with two airports here names neither
        ("成都机场", "成都机场"),
        ("北京机场", "北京机场"),
        # an airport the table does not hold stays as written
        ("义乌机场", "义乌机场"),
        ("南通新机场", "南通新机场"),
    ],
)
def test_airports_short_forms_read_as_the_official_name(label, official):
    assert official_airport(label) == official


def test_airports_every_form_names_one_airport_of_its_city():
    forms = official_airports()
    officials = set(forms.values())
    assert all(o.endswith("机场") for o in officials)
    for form, official in forms.items():
        # no short form is another airport's official name
        assert form not in officials or form == official


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("航班平稳降落在长水机场。", "昆明长水国际机场", "长水机场"),
        ("萧山机场与杭州萧山国际机场客流同比增长。", "杭州萧山国际机场", "萧山机场"),
        ("深圳机场第二跑道投入使用。", "深圳宝安国际机场第二跑道", "深圳机场第二跑道"),
    ],
)
def test_airports_mentions_are_one_node_by_the_official_name(text, present, absent):
    projects = _projects(text)
    assert present in projects
    assert absent not in projects
