"""Organisations named again by the short form the article gives them in brackets:
云南能源投资股份有限公司(以下简称“云南能投”)… 云南能投, 中国土木工程集团有限公司(中土集团)… 中土集团;
and units named again without their parent (中国科学院合肥物质科学研究院… 合肥物质科学研究院)."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.known_orgs import BUREAU_NUMBER
from kg.extract.org_kinds import LEGAL_FORMS
from kg.extract.spans import Spans, book_titles

__all__ = [
    "branch_short_forms",
    "bureau_short_forms",
    "carrier_short_forms",
    "defined_short_forms",
    "group_stem_short_forms",
    "hospital_short_forms",
    "initials_short_forms",
    "is_short_form",
    "school_short_forms",
    "short_form_mentions",
    "trade_initials_short_forms",
    "units_without_parent",
    "without_legal_form",
]

# A bracket right after a name that gives its short form: (以下简称“X”), (简称X), (下称X),
# or the short form alone (中土集团).
_DEFINITION = re.compile(
    r"\((?:(?:以下|下文)?(?:简称|下称|称)[:：]?)?[“\"‘]?([\u4e00-\u9fffA-Za-z0-9]{2,8})[”\"’]?\)"
)
# Words for the company an announcement speaks of, not its name (以下简称“公司”).
_ROLES = frozenset(
    {"公司", "本公司", "该公司", "集团", "本集团", "甲方", "乙方", "发行人", "上市公司"}
)


def is_short_form(short: str, name: str) -> bool:
    """True when ``short`` is made of characters of ``name`` in their order (中土集团 of
    中国土木工程集团有限公司, 吉利 of 浙江吉利控股集团有限公司) and is shorter than it: a short
    form, not a campus or a place in brackets (香港科技大学(广州)), nor a word for any company
    (公司)."""
    if len(short) >= len(name) or short in _ROLES:
        return False
    pos = 0
    for char in short:
        pos = name.find(char, pos)
        if pos < 0:
            return False
        pos += 1
    return True


# A short form in Latin letters defined in brackets (华菱安赛乐米塔尔汽车板有限公司(VAMA), …(UCloud)).
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z0-9]{1,9}")


def _only_one(found: dict[str, set[str]]) -> dict[str, str]:
    """The short forms among ``found`` (short form to the labels it may stand for) that stand
    for one label only, to that label."""
    return {short: next(iter(labels)) for short, labels in found.items() if len(labels) == 1}


def defined_short_forms(norm: str, names: list[tuple[int, int, str]]) -> dict[str, str]:
    """The short forms defined in brackets right after the organisations ``names`` (start,
    end, label), to their labels: made of the name's characters in order, or of Latin
    letters. A short form defined for two organisations stands for neither."""
    found: dict[str, set[str]] = {}
    for _start, end, label in names:
        m = _DEFINITION.match(norm, end)
        if m is not None and (is_short_form(m.group(1), label) or _ACRONYM.fullmatch(m.group(1))):
            found.setdefault(m.group(1), set()).add(label)
    return _only_one(found)


def short_form_mentions(
    norm: str, short_forms: dict[str, str], taken: Spans
) -> list[tuple[int, int, str]]:
    """Where the ``short_forms`` (short form to label) stand for their organisations in the
    article (before the definition too, as in a headline), outside ``taken`` and book
    titles: (start, end, label)."""
    books = book_titles(norm)
    out: list[tuple[int, int, str]] = []
    for short, label in short_forms.items():
        if short == label:
            continue
        for m in re.finditer(re.escape(short), norm):
            start, end = m.span()
            if not taken.overlaps(start, end) and not books.overlaps(start, end):
                out.append((start, end, label))
    return sorted(out)


def units_without_parent(labels: list[str], suffixes: tuple[str, ...]) -> dict[str, str]:
    """Names among ``labels`` that another one ends with after its parent's name (合肥物质科学
    研究院 of 中国科学院合肥物质科学研究院, 协和医院 of …医学院附属协和医院), to that full name,
    where only one full name does; ``suffixes`` end the parent's name (院, 大学, 附属…)."""
    out = {}
    parent_ends = (*suffixes, "附属")
    for label in labels:
        fulls = {
            full
            for full in labels
            if len(full) > len(label)
            and full.endswith(label)
            and full[: -len(label)].endswith(parent_ends)
        }
        if len(fulls) == 1:
            out[label] = fulls.pop()
    return out


def without_legal_form(labels: list[str]) -> dict[str, str]:
    """Names among ``labels`` that another one is with a legal form after them (珠海机场集团 of
    珠海机场集团有限公司, 中铁十一局 of 中铁十一局集团有限公司) or before its branch
    (中国银行陕西省分行 of 中国银行股份有限公司陕西省分行), to that name."""
    have = set(labels)
    out = {
        label: label + group + form
        for label in labels
        for group in ("", "集团")  # (中铁十一局 of 中铁十一局集团有限公司)
        for form in LEGAL_FORMS
        if label + group + form in have
    }
    for label in labels:
        for form in LEGAL_FORMS:
            if form in label and not label.endswith(form):
                out.setdefault(label.replace(form, "", 1), label)
                break
            if label.endswith(form) and _LATIN_FIRST.match(label):
                # 3M中国 of 3M中国有限公司: a brand's company written without its legal form
                out.setdefault(label[: -len(form)], label)
                break
    return out


# A group's registered name with (集团) after its stem: 包头钢铁(集团)有限责任公司,
# 中国北方稀土(集团)高科技股份有限公司.
_GROUP_STEM = re.compile(r"(?P<stem>[\u4e00-\u9fff]{4,10})\(集团\)")


def group_stem_short_forms(labels: list[str]) -> dict[str, str]:
    """The short forms of the groups among ``labels`` registered with (集团) after their stem:
    the stem, the stem and 集团, and both without a leading 中国 (包头钢铁 and 包头钢铁集团 of
    包头钢铁(集团)有限责任公司; 北方稀土 of 中国北方稀土(集团)高科技股份有限公司), to their labels;
    one two groups share is none's."""
    found: dict[str, set[str]] = {}
    for label in labels:
        m = _GROUP_STEM.match(label)
        if m is None:
            continue
        stems = [m.group("stem")]
        if stems[0].startswith("中国") and len(stems[0]) >= 6:
            stems.append(stems[0][2:])
        for stem in stems:
            for form in (stem, stem + "集团"):
                found.setdefault(form, set()).add(label)
    return _only_one(found)


# A company's name that begins with its brand in Latin letters (3M中国有限公司, SK海力士…).
_LATIN_FIRST = re.compile(r"[A-Z0-9]*[A-Z][A-Z0-9]*(?=[\u4e00-\u9fff])")


# A branch's level written before 分行 or 支行 (吉林省分行), which its short form leaves out.
_BRANCH_LEVEL = re.compile(r"(?:[省市]|(?:回族|壮族|维吾尔)?自治区)(?=[分支]行$)")


def branch_short_forms(labels: list[str]) -> dict[str, str]:
    """Branches among ``labels`` written without their province's or city's level, and
    without their bank's legal form, to the branch written with it (中国农业银行贵州分行 of
    中国农业银行贵州省分行, 中国工商银行宁夏分行 of 中国工商银行股份有限公司宁夏回族自治区分行)."""
    out = {}
    for label in labels:
        short = _BRANCH_LEVEL.sub("", label)
        if short != label:
            out[short] = label
            for form in LEGAL_FORMS:
                if form in short:
                    out.setdefault(short.replace(form, "", 1), label)
                    break
    return out


# A national carrier's company of a province or a city (中国移动通信集团吉林有限公司, 中国电信股份
# 有限公司重庆分公司, 中国联合网络通信有限公司河南省分公司), named by the place and the carrier.
_CARRIER = re.compile(r"中国(移动|电信|联通|联合网络通信)")
_CARRIER_SHORT = {"联合网络通信": "联通"}
_PLACE_COMPANY = re.compile(r"(?:省|市|自治区)?(?:有限公司|分公司)")


def carrier_short_forms(labels: list[str], provinces: Callable[[str], bool]) -> dict[str, str]:
    """The short forms of the national carriers' companies among ``labels`` (吉林移动 of
    中国移动通信集团吉林有限公司, 河南联通 of …河南省分公司), to their labels; ``provinces``
    tells a province's or a municipality's name."""
    out = {}
    for label in labels:
        m = _CARRIER.match(label)
        if m is None:
            continue
        carrier = _CARRIER_SHORT.get(m.group(1), m.group(1))
        for k in range(m.end(), len(label) - 2):
            n = next((n for n in (3, 2) if provinces(label[k : k + n])), 0)
            if n and _PLACE_COMPANY.fullmatch(label, k + n):
                out[label[k : k + n] + carrier] = label
                break
    return out


# A group's registered name: its words, 集团, a legal form (大连船舶重工集团有限公司).
_GROUP = re.compile(
    r"(?P<words>[\u4e00-\u9fff]{4,12}?)集团(?:股份有限公司|有限责任公司|有限公司)?$"
)


def initials_short_forms(labels: list[str], cut: Callable[[str], list[str]]) -> dict[str, str]:
    """The short forms of the groups among ``labels`` made of the first characters of the
    first two words of their names and 集团 (大船集团 of 大连船舶重工集团有限公司, 中铁集团 of
    中国铁路工程集团有限公司), to their labels; a short form two groups share is none's."""
    found: dict[str, set[str]] = {}
    for label in labels:
        m = _GROUP.match(label)
        words = cut(m.group("words")) if m is not None else []
        if len(words) >= 2 and all(len(w) >= 2 for w in words[:2]):
            found.setdefault(words[0][0] + words[1][0] + "集团", set()).add(label)
    return _only_one(found)


def trade_initials_short_forms(
    labels: list[str], cut: Callable[[str], list[str]]
) -> dict[str, str]:
    """The short forms of the companies among ``labels`` whose registered name is a trade
    name and two words of its trade: the trade name and the first characters of those words
    (新天绿能 of 新天绿色能源股份有限公司), to their labels; one two companies share is none's."""
    found: dict[str, set[str]] = {}
    for label in labels:
        form = next((f for f in LEGAL_FORMS if label.endswith(f)), None)
        core = label[: -len(form)] if form is not None else ""
        words = cut(core[2:]) if len(core) == 6 else []  # (the trade name: two characters)
        if [len(w) for w in words] in ([2, 2], [4]):  # (绿色|能源, 绿色建材)
            found.setdefault(core[:3] + core[4], set()).add(label)
    return _only_one(found)


# A province's people's hospital and a city's numbered one (河南省人民医院, 广州市第一人民医院).
_PEOPLES_HOSPITAL = re.compile(r"(?:省人民医院|市第([一二三四五六七八九十])人民医院)$")


def hospital_short_forms(labels: list[str]) -> dict[str, str]:
    """The short forms of the people's hospitals among ``labels`` that an article about them
    writes (省医, 省人医 of 河南省人民医院; 市一医院 of 广州市第一人民医院), to their labels; a short
    form two hospitals share stands for neither."""
    found: dict[str, set[str]] = {}
    for label in labels:
        m = _PEOPLES_HOSPITAL.search(label)
        if m is None:
            continue
        shorts = ("省医", "省人医") if m.group(1) is None else ("市" + m.group(1) + "医院",)
        for short in shorts:
            found.setdefault(short, set()).add(label)
    return _only_one(found)


# The field a university is named after, right before 大学 (南京农业大学, 西南科技大学).
_FIELD = re.compile(
    r"(?:农业|工业|理工|医科|师范|科技|财经|政法|交通|邮电|林业|石油|矿业)(?=大学$)"
)


def school_short_forms(labels: list[str], common: Callable[[str], bool]) -> dict[str, str]:
    """兰大 for 兰州大学, 浙大 for 浙江大学: a university's first character and 大, and for one
    named after its field its first character and the field's (南农 for 南京农业大学) or its
    place, the field's character and 大 (西南科大), where only one university of the article
    gives it and it is no ``common`` word of its own (四大); an institute without 研究 (近代物理所)
    or by its place and its field's first characters (大连化物所, 宁波材料所)."""
    found: dict[str, set[str]] = {}
    for label in labels:
        if label.endswith("大学") and len(label) >= 4 and "\u4e00" <= label[0] <= "\u9fff":
            found.setdefault(label[0] + "大", set()).add(label)
            field = _FIELD.search(label)
            if field is not None and field.start() >= 2:
                # 南农 and 南京农大 for 南京农业大学, 西南科大 for 西南科技大学
                found.setdefault(label[0] + field.group()[0], set()).add(label)
                found.setdefault(label[: field.start()] + field.group()[0] + "大", set()).add(label)
        institute = _INSTITUTE.fullmatch(label)
        if institute is not None:
            for short in _institute_forms(institute.group("body")):
                found.setdefault(short, set()).add(label)
    return {
        short: names.pop()
        for short, names in found.items()
        if len(names) == 1 and not common(short)
    }


# An institute by its body's name (中国科学院大连化学物理研究所).
_INSTITUTE = re.compile(r"(?:中国科学院|中科院)?(?P<body>[\u4e00-\u9fff]{4,12}?)研究所")


def _institute_forms(body: str) -> list[str]:
    """How an institute whose body's name is ``body`` is named again: without 研究 (近代物理所),
    and by its place with its field's first characters (大连化学物理 → 大连化物所) or first word
    (宁波材料技术与工程 → 宁波材料所)."""
    forms = [body + "所"]
    place, rest = body[:2], body[2:]
    if len(rest) == 4 and not any(c in "与和及" for c in rest):
        forms.append(place + rest[0] + rest[2] + "所")  # 化学物理 → 化物
    elif len(rest) > 4:
        forms.append(place + rest[:2] + "所")  # 材料技术与工程 → 材料
    return forms


# An engineering bureau by its number: written short after its group's brand (中建三局,
# 中交二航局) or in full (中国建筑第三工程局有限公司, 中交第二航务工程局有限公司).
_BUREAU_SHORT = re.compile(BUREAU_NUMBER + "$")
_BUREAU_FULL = re.compile(r"第(?P<num>[一二三四五六七八九十]{1,3})(?P<kind>航务|公路)?工程局")


def bureau_short_forms(labels: list[str], group: Callable[[str], str | None]) -> dict[str, str]:
    """A central enterprise's engineering bureau written short (中建三局) when one label names a
    bureau of the same group, number and kind in full (中国建筑第三工程局有限公司), to that
    label. ``group``: the group a brand (中建, 中国建筑) stands for, or None."""
    found: dict[str, set[str]] = {}
    for short in labels:
        m = _BUREAU_SHORT.search(short)
        brand = group(short[: m.start()]) if m is not None else None
        if m is None or brand is None:
            continue
        for full in labels:
            f = _BUREAU_FULL.search(full)
            if (
                f is not None
                and group(full[: f.start()]) == brand
                and f["num"] == m["num"]
                and (f["kind"] or "")[:1] == m["kind"]
            ):
                found.setdefault(short, set()).add(full)
    return _only_one(found)
