"""Units named with their parents: a unit written right after its parent organisation
(中国科学院深圳先进技术研究院), units listed after a unit of a university or an academy, a
company's plant or mine written after its legal form (…有限责任公司洪家渡发电厂), and a society's
committee or branch written after it (中国金融学会绿色金融专业委员会)."""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.org_kinds import LEGAL_FORMS

__all__ = ["join_units"]

Span = tuple[int, int, str]


def join_units(norm: str, hits: list[Span], lex: Lexicon) -> list[Span]:
    """The organisations ``hits`` (start, end, label, in text order) with their units joined."""
    # 中国科学院深圳先进技术研究院, 香港大学深圳医院: a unit written right after its parent
    # organisation is one name
    merged: list[Span] = []
    for h in hits:
        joined = merged and norm[merged[-1][1] : h[0]] in ("", "附属")  # 复旦大学附属中山医院
        # (中建三局武汉火神山医院: an engineering bureau and what it builds)
        joined = joined and not merged[-1][2].endswith("局")
        state = lex.country_re.match(h[2])
        if (
            joined
            and state is not None
            and state.group() == "中国"
            and merged[-1][2].endswith("大学")
            and _UNIT_END.search(h[2])
        ):
            state = None  # 清华大学中国农村研究院: a university's unit that studies China
        if joined and state is None and not lex.known_organization_re.match(h[2]):
            # (a known body is its own name: 中国科学院国网…, 国家电网国网…公司)
            # (莫斯科大学俄罗斯外交学院: a name beginning with a state is its own)
            prev = merged[-1]
            merged[-1] = (prev[0], h[1], norm[prev[0] : h[1]])
        else:
            merged.append(h)
    # 兰州大学黄河流域绿色发展研究院、绿色金融研究院: units listed after a unit of a university
    # or an academy belong to it too
    for k in range(1, len(merged)):
        prev, h = merged[k - 1], merged[k]
        if norm[prev[1] : h[0]] != "、":
            continue
        parent = _PARENT.match(prev[2])
        if (
            parent is not None
            and parent.end() < len(prev[2])
            and not _PARENT.match(h[2])
            and _UNIT_END.search(h[2])
            and not lex.country_re.match(h[2])  # (…研究所、中国有色金属工业协会: its own)
        ):
            merged[k] = (h[0], h[1], parent.group() + h[2])
    # …有限责任公司洪家渡发电厂, …有限责任公司羊场湾煤矿: the company's plant or mine
    for k, (start, end, label) in enumerate(merged):
        plant = _PLANT.match(norm, end) if label.endswith(LEGAL_FORMS) else None
        if plant is not None:
            merged[k] = (start, plant.end(), label + plant.group())
        committee = _COMMITTEE.match(norm, end) if label.endswith(_SOCIETIES) else None
        if committee is not None and not _NOT_IN_COMMITTEE.search(committee.group()):
            # (中国博物馆学会史前遗址博物馆专业委员会: the society is only inside its name)
            merged[k] = (start, committee.end(), label + committee.group())
    return merged


# The end of a unit's name (…研究院, …实验室).
_UNIT_END = re.compile(r"(?:研究院|研究所|学院|中心|实验室)$")
# The parent written before a unit's name (兰州大学, 中国科学院, 中国社会科学院).
_PARENT = re.compile(
    r"[\u4e00-\u9fff]{2,10}?(?:大学|科学院|社会科学院)(?=[\u4e00-\u9fff]{2,}(?:研究院|研究所|学院|中心|实验室))"
)
# A plant or a mine of a company, written after its legal form.
_PLANT = re.compile(
    r"[\u4e00-\u9fff]{2,6}?(?:发电厂|电厂|煤矿|矿|水电站|电站|分厂)(?=[、，。；\s]|$)"
)
# Societies whose committees and branches are named after them.
_SOCIETIES = ("学会", "协会", "商会", "联合会", "研究会")
# A society's committee of a field or its branch of a place (…绿色金融专业委员会, …山东分会).
_COMMITTEE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,14}?(?:专业委员会|分会)(?!场)")
# Words of a clause, not of a committee's name (…协会在深圳分会, 与…分会).
_NOT_IN_COMMITTEE = re.compile(r"[与和及在的是、]")
