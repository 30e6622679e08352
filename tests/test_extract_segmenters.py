"""The segmenters: jieba-rs cuts every block as jieba 0.42.1 does, added words included."""

from __future__ import annotations

import marshal
import random
import tempfile

import pytest

from kg.extract import Lexicon
from kg.extract.segmenters import (
    DEFAULT_SEGMENTER,
    SEGMENTERS,
    dictionary_tags,
    make_segmenter,
    segmenter_version,
)


@pytest.fixture(scope="module")
def reference():
    return make_segmenter("jieba")


@pytest.fixture(scope="module")
def fast(reference):
    return make_segmenter("jieba-rs", reference.tokenizer)


# Blocks where jieba-rs's own HMM (rjieba.cut(block, True)) cuts otherwise than jieba 0.42.1,
# with the cause: the cases the jieba-rs segmenter cuts with jieba's HMM instead.
DIFFERING_IN_JIEBA_RS = [
    ("江南四季常在的绿色", "a near tie of the HMM (tables rounded to six decimals)"),
    ("美国F-16战斗机", "a Latin and number run with a hyphen"),
    ("每年开展2-3次调研", "a range of numbers"),
    ("速率达到8.448M", "a decimal followed by a letter"),
    ("登录www.example.cn查询", "a host name"),
    ("我们自主开发的E-learning平台", "a hyphenated Latin word"),
    ("编号AW109-B的直升机", "letters, digits and a hyphen"),
]

SAME_EVERYWHERE = [
    "成渝地区双城经济圈建设",
    "重庆市科技局与四川省科技厅签署合作协议",
    "成达万高铁和渝西高铁",  # names the dictionary does not know: the HMM
    "规划面积1198平方公里",
    "6000亿元",
    "2025年",
    "100%",
    "3.5亿元",
    "iPhone15发布",
    "G20峰会",
    "C++和C#",
    "鿏鿔鿕",  # characters jieba's HMM has no emission for
    "a",
    "中",
]


@pytest.mark.parametrize(("block", "cause"), DIFFERING_IN_JIEBA_RS)
def test_extract_segmenters_cut_as_jieba_where_jieba_rs_alone_differs(
    reference, fast, block, cause
):
    import rjieba

    assert rjieba.Jieba().cut(block, True) != reference.cut(block), cause
    assert fast.cut(block) == reference.cut(block)


@pytest.mark.parametrize("block", SAME_EVERYWHERE)
def test_extract_segmenters_cut_as_jieba(reference, fast, block):
    assert fast.cut(block) == reference.cut(block)
    assert "".join(fast.cut(block)) == block


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_extract_segmenters_random_blocks_cut_as_jieba(reference, fast, seed):
    """Random blocks of dictionary words, Han characters the dictionary has and has not,
    Latin letters, digits and jieba's other block characters."""
    rng = random.Random(seed)
    words = [w for w, f in list(reference.tokenizer.FREQ.items())[::997] if f]
    alphabet = [*"的在是中国城市合作签署协议科技局鿏鿔", *"abXY0189", *"+#&._%-"]
    for _ in range(1500):
        block = "".join(
            rng.choice(words)
            if rng.random() < 0.4
            else "".join(rng.choices(alphabet, k=rng.randint(1, 4)))
            for _ in range(rng.randint(1, 6))
        )
        assert fast.cut(block) == reference.cut(block), block


def test_extract_segmenters_share_jiebas_dictionary(reference):
    """Every word of jieba 0.42.1's dictionary is a word of jieba-rs's."""
    import rjieba

    rs = rjieba.Jieba()
    words = [w for w, f in reference.tokenizer.FREQ.items() if f]
    assert len(words) == 349_045
    assert [w for w in words if not rs.has_word(w)] == []


# (a block, how jieba cuts it once the words of ADDED and USERDICT are added)
ADDED = [("渝西高铁", 2000), ("双城经济圈", 5000), ("ABC", 100), ("常在的", 10)]
USERDICT = "成达万\n\n两江新区 3000 ns\n"
WITH_ADDED = [
    ("推进渝西高铁建设", ["推进", "渝西高铁", "建设"]),
    ("成渝双城经济圈", ["成渝", "双城经济圈"]),
    ("ABC项目", ["ABC", "项目"]),  # a Latin word, kept whole by the route
    ("四季常在的绿色", ["四季", "常在的", "绿色"]),
    ("成达万和两江新区", ["成达万", "和", "两江新区"]),
]


@pytest.fixture(scope="module")
def with_added(tmp_path_factory):
    """Each segmenter with its own jieba dictionary, the words of ADDED and USERDICT added."""
    userdict = tmp_path_factory.mktemp("userdict") / "user.txt"
    userdict.write_text(USERDICT, encoding="utf-8")
    segmenters = {name: make_segmenter(name) for name in sorted(SEGMENTERS)}
    for segmenter in segmenters.values():
        for word, freq in ADDED:
            segmenter.add_word(word, freq)
        segmenter.load_userdict(userdict)
    return segmenters


@pytest.mark.parametrize(("block", "tokens"), WITH_ADDED)
def test_extract_segmenters_added_words_cut_alike(with_added, block, tokens):
    assert {name: s.cut(block) for name, s in with_added.items()} == {
        name: tokens for name in with_added
    }


@pytest.mark.parametrize("freq", [0, -1])
def test_extract_segmenters_refuse_removing_a_word(fast, freq):
    with pytest.raises(ValueError, match="must be positive"):
        fast.add_word("合作", freq)


@pytest.mark.parametrize(
    ("name", "version"),
    [("jieba", "jieba 0.42.1"), ("jieba-rs", "jieba-rs 0.11.0 (rjieba 0.2.2)")],
)
def test_extract_segmenters_versions(reference, fast, name, version):
    assert segmenter_version(name) == version
    assert {"jieba": reference, "jieba-rs": fast}[name].version == version


def test_extract_segmenters_unknown_name():
    with pytest.raises(ValueError, match="unknown segmenter 'hanlp'"):
        make_segmenter("hanlp")


def test_extract_segmenters_lexicon_switches_and_forgets_its_cuts():
    lexicon = Lexicon()
    assert lexicon.segmenter.name == DEFAULT_SEGMENTER == "jieba-rs"
    tokenizer = lexicon.tokenizer()
    lexicon.token_lengths("成渝地区双城经济圈")
    assert lexicon.token_lengths.cache_info().currsize == 1
    lexicon.use_segmenter("jieba")
    assert lexicon.segmenter.name == "jieba"
    assert lexicon.tokenizer() is tokenizer  # one jieba dictionary for both
    assert lexicon.token_lengths.cache_info().currsize == 0
    assert lexicon.token_lengths("成渝地区双城经济圈") == (2, 2, 2, 3)


# Texts whose part-of-speech cut goes through the segmenter's route: Han words, Latin and
# number runs (joined, flagged eng), marks between blocks (x), numbers there (m), spaces.
POS_TEXTS = [
    "重庆市科技局与四川省科技厅签署合作协议",
    "PPP项目和ABC公司",
    "iPhone15发布",
    "3.5亿元",
    "F-16战斗机",
    "每年开展2-3次调研",
    "PM2.5浓度下降12%",
    "登录www.example.cn查询",
    "C++和C#",
    "AT&T公司",
    "测 试\r\n第二行",
    "《成渝地区双城经济圈建设规划纲要》",
    "5G网络、4S店",
    "",
]


@pytest.fixture(scope="module")
def pos_lexicon():
    """A lexicon of its own (its own jieba dictionary), cutting with jieba-rs."""
    return Lexicon()


def _posseg(lexicon, text):
    lexicon.pos_cut("")  # (loads the part-of-speech tags)
    return [(w.word, w.flag) for w in lexicon._pos.cut(text, HMM=False)]


@pytest.mark.parametrize("text", POS_TEXTS)
def test_extract_segmenters_pos_cut_by_route_as_posseg(pos_lexicon, text):
    expected = _posseg(pos_lexicon, text)
    assert pos_lexicon.segmenter.name == "jieba-rs"
    assert pos_lexicon._pos_cut_by_route(text) == expected
    assert pos_lexicon.pos_cut(text) == expected


def test_extract_segmenters_pos_cut_of_a_latin_word_by_jieba(pos_lexicon):
    """A Latin word in the dictionary: the route does not tell the word from its letters
    run together, and jieba's own cutter answers."""
    pos_lexicon.segmenter.add_word("XYZW", 5000, "nz")
    text = "XYZW项目"
    _posseg(pos_lexicon, text)
    assert pos_lexicon._pos_cut_by_route(text) is None
    assert (
        pos_lexicon.pos_cut(text)
        == _posseg(pos_lexicon, text)
        == [
            ("XYZW", "nz"),
            ("项目", "n"),
        ]
    )


def test_extract_segmenters_pos_cut_by_jieba_gives_no_route():
    lexicon = Lexicon()
    lexicon.use_segmenter("jieba")
    _posseg(lexicon, "重庆")
    assert lexicon.segmenter.route("重庆") is None
    assert lexicon._pos_cut_by_route("重庆") is None
    assert lexicon.pos_cut("重庆科技局") == _posseg(lexicon, "重庆科技局")


@pytest.mark.parametrize("cache", ["none", "kept", "stale", "broken"])
def test_extract_segmenters_dictionary_tags_as_posseg_reads_them(
    reference, tmp_path, monkeypatch, cache
):
    """The tags of jieba's dictionary are those jieba.posseg reads, whether they come from
    the dictionary or from the kept copy, and a copy of another dictionary file, or not a
    copy at all, is read past."""
    import jieba.posseg

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    kept = tmp_path / f"kg-jieba-tags-{jieba.__version__}.cache"
    if cache == "kept":
        dictionary_tags(reference.tokenizer)
    elif cache == "stale":
        kept.write_bytes(marshal.dumps((("dict.txt", 1, 1), {"合作": "nr"})))
    elif cache == "broken":
        kept.write_bytes(b"not marshalled")
    tags = dictionary_tags(reference.tokenizer)
    assert tags == jieba.posseg.dt.word_tag_tab
    assert tags["合作"] == "vn"
    assert marshal.loads(kept.read_bytes())[1] == tags


@pytest.mark.parametrize("cache", ["none", "kept", "broken"])
def test_extract_segmenters_jieba_cache_read_whole_as_jieba_reads_it(
    reference, tmp_path, monkeypatch, cache
):
    """A tokenizer made from jieba's own cache, read whole, holds what jieba's
    ``initialize`` gives; without a cache, or with one that is not jieba's, jieba makes it."""
    from kg.extract.segmenters import _jieba_tokenizer

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    kept = tmp_path / "jieba.cache"
    if cache == "kept":
        kept.write_bytes(marshal.dumps((reference.tokenizer.FREQ, reference.tokenizer.total)))
    elif cache == "broken":
        kept.write_bytes(b"not marshalled")
    tokenizer = _jieba_tokenizer()
    assert tokenizer.initialized
    assert tokenizer.total == reference.tokenizer.total
    assert tokenizer.FREQ == reference.tokenizer.FREQ
    assert marshal.loads(kept.read_bytes()) == (tokenizer.FREQ, tokenizer.total)
    assert tokenizer.lcut("重庆市科学技术局签署协议") == reference.tokenizer.lcut(
        "重庆市科学技术局签署协议"
    )
