"""Text preparation: same-length normalisation, broken lines, sentences, headlines."""

from __future__ import annotations

import sys

import pytest

from kg.extract.text import (
    _norm_char,
    _normalize_chars,
    clean_text,
    find_unclean,
    normalize_name,
    prepare,
)


@pytest.mark.parametrize(
    "text, norm",
    [
        ("西部（成都）科学城", "西部(成都)科学城"),
        ("规划面积１２００平方公里，涉及", "规划面积1200平方公里,涉及"),
        ("增长６．５％！", "增长6.5%!"),
        ("㎡不变", "㎡不变"),  # NFKC would make two characters: left as written
    ],
)
def test_text_normalisation_keeps_length(text, norm):
    prep = prepare(text)
    assert prep.norm == norm
    assert len(prep.norm) == len(text)


def _char_by_char(text: str) -> str:
    """The normalisation's definition: each character alone, NFKC where that keeps it one."""
    return "".join(_norm_char(ch) for ch in text)


@pytest.mark.parametrize(
    "text",
    [
        "合作，（共建）；目标：？！50％\xa0与\u3000",  # only the frequent ones
        "签署协议①②，Ⅴ期工程，ｇｄｐ增长４％",  # frequent and rarer ones together
        "e\u0301 é A\u030a Å \u212b，",  # combining marks, composed letters, Å's sign
        "\uf900\U0002f800 한국 ﬁ ㎡ ｶﾞ",  # compatibility ideographs, Hangul, ligatures
        "重庆市科技局与成都市科技局签署协议。",  # nothing to change
        "",
    ],
)
def test_text_normalisation_is_char_by_char_nfkc(text):
    assert _normalize_chars(text) == _char_by_char(text)


@pytest.mark.parametrize("first", range(0, sys.maxunicode + 1, 0x10000))
def test_text_normalisation_of_every_code_point(first):
    """Each code point of a plane alone, and the plane in runs of 500 (marks next to
    letters), normalise as the definition says."""
    points = [chr(c) for c in range(first, first + 0x10000) if not 0xD800 <= c <= 0xDFFF]
    assert [ch for ch in points if _normalize_chars(ch) != _norm_char(ch)] == []
    runs = ["".join(points[i : i + 500]) for i in range(0, len(points), 500)]
    assert [r for r in runs if _normalize_chars(r) != _char_by_char(r)] == []


def test_text_broken_line_is_joined_and_maps_back():
    first = "比如湘江新区梁塘片区综合治理与生态修复试点项目，就准备通过管网改造让湘江再现一江碧水、两岸美景的水环"
    text = f"标题\n\n{first}\n\n境综合治理项目。"
    prep = prepare(text)
    assert "水环境综合治理项目" in prep.norm
    start = prep.norm.index("水环境")
    s, e = prep.orig_span(start, start + len("水环境"))
    assert text[s:e] == "水环\n\n境"


def test_text_headline_is_not_joined_to_the_next_paragraph():
    prep = prepare("京津冀签署人才合作协议\n\n5月26日，三地签署协议。")
    assert [s.text for s in prep.sentences] == ["京津冀签署人才合作协议", "5月26日，三地签署协议。"]
    assert prep.headlines() == [prep.bounds[0]]


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        ("甲签署协议。乙表示支持。\n丙发言。", (0, 0, 1)),
        ("甲签署协议。乙表示支持。\n\n丙发言。", (0, 0, 1)),
        ("\n\n甲签署协议。\n \n\n乙表示支持。\n丙发言。\n", (0, 1, 2)),
    ],
)
def test_text_blank_lines_open_no_paragraph(text, paragraphs):
    assert prepare(text).paragraph == paragraphs


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("甲签署协议。乙表示支持！", ["甲签署协议。", "乙表示支持！"]),
        ("他说：“合作很好。”随后离开。", ["他说：“合作很好。”", "随后离开。"]),
        ("第一段\n第二段。", ["第一段", "第二段。"]),
    ],
)
def test_text_sentences_carry_original_offsets(text, sentences):
    prep = prepare(text)
    assert [s.text for s in prep.sentences] == sentences
    for s in prep.sentences:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "name, key",
    [("西部（重庆）科学城 ", "西部(重庆)科学城"), ("加强双核 创新联动", "加强双核创新联动")],
)
def test_text_normalize_name_is_the_identity_form(name, key):
    assert normalize_name(name) == key


def test_text_finditer_near_finds_what_a_full_scan_finds():
    import random
    import re

    from kg.extract.text import finditer_near

    pattern = re.compile(r"(?:\d{1,2}月)?\d{1,2}[日号]")
    anchor = re.compile(r"[日号]")
    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choice("0123456789月日号年,甲") for _ in range(rng.randint(0, 30)))
        near = [m.span() for m in finditer_near(pattern, text, anchor, 5, 1)]
        assert near == [m.span() for m in pattern.finditer(text)], text


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("重庆市科技局", "重庆市科技局"),  # nothing to clean: the same string
        ("甲\t乙\n丙\r丁", "甲\t乙\n丙\r丁"),  # tab and line breaks are text
        ("科\ufffe技\uffff局", "科技局"),  # noncharacters
        ("科\ufdd0技\U0001fffe局\U0010ffff", "科技局"),
        ("科\x00技\x08局\x1b\x7f\x9f", "科技局"),  # C0 (not tab, LF, CR), DEL and C1 controls
        ("甲\x0b乙\x0c丙\x85丁\x1c戊", "甲\n乙\n丙\n丁\n戊"),  # controls that break lines
        ("\u2028\ufeff\ufffd\ue000", "\u2028\ufeff\ufffd\ue000"),  # characters, if odd ones
    ],
)
def test_text_clean_text_drops_what_no_literal_may_hold(text, clean):
    assert clean_text(text) == clean
    assert find_unclean(clean) is None
    assert (find_unclean(text) is None) == (text == clean)


@pytest.mark.parametrize(
    "text",
    [
        "科技局",
        "甲\U0001f600乙",  # beyond the BMP, a character
        "甲\U0001fffe乙\x00丙",  # a noncharacter beyond the BMP before a control
        "甲\x00乙\U0001fffe丙",  # and after one
        "\U0001f600\U0010ffff\ufffe",
        "甲\U0002fffe",
    ],
)
def test_text_find_unclean_finds_the_first_such_code_point(text):
    from kg.extract.text import _UNCLEAN

    first = next((i for i, ch in enumerate(text) if ord(ch) in _UNCLEAN), None)
    found = find_unclean(text)
    assert (found.start() if found else None) == first
    if found:
        assert found.group() == text[first]


_CLAUSE = "重庆市科技局与四川省科技厅签署《川渝科技创新合作协议》，"  # 28 characters

# (a sentence with no sentence mark, how many pieces it is read in, whether it was cut)
LONG = [
    (_CLAUSE * 10, 1, False),  # 280 characters: whole
    (_CLAUSE * 71, 1, False),  # 1,988
    (_CLAUSE * 72, 2, True),  # 2,016: cut after a comma, the pieces whole clauses
    (_CLAUSE * 500, 8, True),  # 14,000
    ("北" * 4500, 3, True),  # no clause mark: cut at the limit
    ("  " + _CLAUSE * 80 + "。\n" + _CLAUSE * 3, 3, True),  # a long sentence, a short one
]


@pytest.mark.parametrize(("text", "pieces", "cut"), LONG)
def test_text_long_sentences_are_cut_into_pieces(text, pieces, cut):
    from kg.extract.text import MAX_SENTENCE

    prep = prepare(text)
    assert len(prep.sentences) == pieces
    assert prep.cut == (1 if cut else 0)
    for sentence in prep.sentences:
        assert 0 < len(sentence.text) <= MAX_SENTENCE
        assert text[sentence.start : sentence.end] == sentence.text == sentence.text.strip()
    # the pieces cover the text but for the white space between them
    covered = "".join(s.text for s in prep.sentences)
    assert covered == "".join(text.split())
    if "，" in text:  # cut after a clause mark: no clause is split
        assert all(s.text[-1] in "，。" for s in prep.sentences[:-1])


def test_text_long_sentence_mentions_point_at_their_text():
    """A 30,000-character article without a sentence mark: read in pieces, each mention's
    span is its surface in the document, in the sentence it names, and the extraction
    notes the cut."""
    from kg.extract import extract
    from kg.records import Document

    text = "据悉，" + _CLAUSE * 1000 + "中关村科学城涉及海淀区"
    ex = extract(Document(id="long", text=text))
    assert len(ex.sentences) > 10
    assert ex.notes == ("1 sentence longer than 2000 characters read in pieces",)
    assert ex.mentions
    for mention in ex.mentions:
        span = mention.span
        assert text[span.start : span.end] == span.surface
        sentence = ex.sentences[span.sentence]
        assert sentence.start <= span.start and span.end <= sentence.end
    labels = {m.entity.label for m in ex.mentions}
    assert {"重庆市科学技术局", "海淀区"} <= labels
