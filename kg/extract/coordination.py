"""Project names that share one head (渝西、渝万、成达万高铁 → three lines)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicon import Lexicon
from kg.extract.matching import word_ending
from kg.extract.project_labels import official_label
from kg.extract.project_names import FAST_THINGS

__all__ = ["NAME_RUN", "ORG_AFTER", "split_coordinated"]

# Words after a head that make it part of an organisation's name (中铁隧道局集团 too).
ORG_AFTER = re.compile(
    r"总公司|有限|公司|集团|委员会|协会|大酒店|酒店|股份|分公司|局(?![部面势])|办(?![理法好事学成])"
    r"|勘察院|勘测院|设计院|设计研究院"
)

# Characters a company's name runs on with after a project's head (宏港码头).
NAME_RUN = re.compile(r"[\u4e00-\u9fff]{1,8}")

_COORD_HEADS = "城际铁路|高铁|铁路|高速公路|高速|机场|大桥|隧道"

# jieba's tags of a part that may be a name (渝西 and 成达万 are not in its dictionary).
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "j"})

# 渝西、渝万、成达万高铁; 燕矶、双柳两座长江大桥 (a count and a shared modifier before the head).
_COORD = re.compile(
    r"((?:[\u4e00-\u9fff]{1,6}、)+[\u4e00-\u9fff]{1,6}?)"
    r"(?:[两三四五六七八九十]+[座条个项](?P<mod>[\u4e00-\u9fff]{0,4}?))?"
    f"({_COORD_HEADS})"
)

# A 、 with a head after it in the same run of Chinese characters and 、: each match of
# _COORD lies inside one such run (those are the only characters it matches).
_COORD_ANCHOR = re.compile(f"、[\u4e00-\u9fff、]*?(?:{_COORD_HEADS})")

_COORD_RUN = re.compile("[\u4e00-\u9fff、]+")
_OWN_HEAD = re.compile(f"(?:{_COORD_HEADS}|线|客专)$")  # (大秦线、哈大线、京沪高铁)
# Facilities of other kinds listed beside lines (横琴口岸, 西九龙站).
_OTHER_FACILITY = re.compile(r"(?:口岸|站|码头|园区|中心|基地|公园|广场|工程|项目)$")
# Transport services listed beside lines (中欧班列、中老铁路): no line of their own.
_SERVICES = ("班列", "专列", "航线", "快线")


def _coordinated_matches(norm: str) -> Iterator[re.Match[str]]:
    """``_COORD.finditer(norm)``, scanning only the runs of Chinese characters and 、 that
    hold a 、 followed by a head (the regex engine no longer tries every position)."""
    pos = 0
    while (anchor := _COORD_ANCHOR.search(norm, pos)) is not None:
        start = anchor.start()
        while start > 0 and ("\u4e00" <= norm[start - 1] <= "\u9fff" or norm[start - 1] == "、"):
            start -= 1
        pos = _COORD_RUN.match(norm, anchor.start()).end()
        yield from _COORD.finditer(norm, start, pos)


def _is_province(name: str, lex: Lexicon) -> bool:
    """True when ``name`` is written only by province-level divisions (广西, 河北省)."""
    codes = lex.divisions.codes_named(name)
    return bool(codes) and all(c.endswith("0000") for c in codes)


def split_coordinated(norm: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Names sharing one head: 渝西、渝万、成达万高铁 → 渝西高铁, 渝万高铁, 成达万高铁."""
    out = []
    for m in _coordinated_matches(norm):
        if ORG_AFTER.match(norm, m.end()) or lex.org_suffix_re.match(norm, m.end()):
            continue  # …、广西桂和高速公路有限公司: a company's name
        org = lex.org_suffix_re.search(norm, m.end(), m.end() + 10)
        if org is not None and NAME_RUN.fullmatch(norm, m.end(), org.start()):
            continue  # …、郑州铁路技师学院: a school's name
        head = (m.group("mod") or "") + m.group(3)
        if m.group(3) == "高速" and norm.startswith(FAST_THINGS, m.end()):
            continue  # 中国龙、飞驰的高速列车: high-speed things listed, not expressways
        pos = m.start(1)
        if pos > 0 and norm[pos - 1].isdigit():
            continue  # 南塔河1号水电站、中老铁路: the list began before the number
        parts = m.group(1).split("、")
        # the first part may carry a verb: 加快建设渝西 → 渝西
        first = parts[0]
        cut = 0
        for i in range(1, len(first)):
            if word_ending(first, i, lex.boundary_words, lex.max_boundary_len):
                cut = i
        lead = lex.pos_cut(first[cut:])
        if len(first) - cut <= 4 and len(lead) > 1 and len(lead[0][0]) > 1 and lead[0][1] == "v":
            cut += len(lead[0][0])  # 增强澳门、珠海等机场: the verb is not in the first name
        parts[0] = first[cut:]
        pos += cut
        if len(parts[-1]) > 2 and parts[-1].endswith("等"):
            parts[-1] = parts[-1][:-1]  # 川藏、兰渝等铁路: the list's 等 is not in a name
        if any(len(p) > 4 for p in parts):
            continue  # 西部陆海新通道、港珠澳大桥: names of their own, not parts sharing a head
        counted = m.end(1) < m.start(3) - len(m.group("mod") or "")  # 青石、玉带两座…
        if not counted and any((lex.word_tag(p) or "ns") not in _NAME_TAGS for p in parts):
            continue  # 核工业、航空航天、高速铁路: kinds of industry, not names of lines
        if any(lex.country_re.fullmatch(_OWN_HEAD.sub("", p)) for p in parts):
            continue  # 中国铁路、中国高铁: a country's lines, not one line
        if any(_OTHER_FACILITY.search(p) for p in parts):
            continue  # 横琴口岸、广深港高速, 三峡工程、载人航天、港珠澳大桥: other works listed
        if lex.project_heads.get(m.group(3)) == "line" and any(_is_province(p, lex) for p in parts):
            continue  # 广东、广西高速公路: the provinces' lines, not one line of each
        for part in parts:
            # (钦防高速、南防高铁: a part with a head of its own is a name of its own)
            if len(part) >= 2 and not part.endswith(_SERVICES):  # (中欧班列: a service)
                own = _OWN_HEAD.search(part) is not None and len(part) > len(head)
                label = official_label(part if own else part + head, lex)  # 延崇高速 → …公路
                out.append((pos, pos + len(part), label))
            pos += len(part) + 1
    return out
