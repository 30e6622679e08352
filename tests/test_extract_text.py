"""Text preparation: same-length normalisation, broken lines, sentences, headlines."""

from __future__ import annotations

import pytest

from kg.extract.text import clean_text, find_unclean, normalize_name, prepare


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
