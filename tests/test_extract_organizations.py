"""Organisations by suffix: universities, hospitals, newspapers, legal company names."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document


def _orgs(text: str) -> list[str]:
    ex = extract(Document(id="t", text=text))
    return [m.entity.label for m in ex.mentions if m.entity.cls == "Organization"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("南京大学、东南大学等高校参与。", ["南京大学", "东南大学"]),
        ("派出专家常驻保定市第二医院。", ["保定市第二医院"]),
        ("香港科技大学(广州)已签约。", ["香港科技大学(广州)"]),
        ("接受《南方日报》记者采访。", ["南方日报"]),
        ("新华社长沙5月26日电 会议召开。", ["新华社"]),
        ("湖南华菱钢铁集团有限责任公司与长沙签约。", ["湖南华菱钢铁集团有限责任公司"]),
    ],
)
def test_organizations_by_suffix(text, expected):
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "支持高校和医院共建平台。",
        "推动高校院所互设研发机构和研究型大学。",
        "支持相关行业协会整合资源。",
        "推动重庆环大学创新生态圈建设。",
        "引导小额贷款公司、融资担保公司规范发展。",
    ],
)
def test_organizations_kinds_are_not_names(text):
    assert _orgs(text) == []
