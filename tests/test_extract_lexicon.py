"""The lexicon: loaded once, generic data files with a source header, matching helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import Lexicon
from kg.extract.lexicon import trie_pattern
from kg.extract.tokens import PrefixIndex

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"


def test_lexicon_default_is_built_once():
    assert Lexicon.default() is Lexicon.default()


@pytest.mark.parametrize("path", sorted(DATA.glob("*.t[sx][vt]")), ids=lambda p: p.name)
def test_lexicon_data_files_name_their_source(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# source: ")


def test_lexicon_leaves_the_global_jieba_alone():
    import jieba

    before = jieba.dt.FREQ.get("重庆高新区直管园")
    Lexicon.default().tokenizer()
    assert jieba.dt.FREQ.get("重庆高新区直管园") == before
    assert Lexicon.default().tokenizer() is not jieba.dt


@pytest.mark.parametrize(
    "words, text, found",
    [
        (["重庆", "重庆市", "市中区"], "重庆市中区", [(0, 3, "重庆市")]),
        (["北碚", "北碚区", "沙坪坝"], "北碚、沙坪坝区", [(0, 2, "北碚"), (3, 6, "沙坪坝")]),
        (["江北区"], "宁波江北", []),
    ],
)
def test_lexicon_prefix_index_is_leftmost_longest(words, text, found):
    assert list(PrefixIndex(words).finditer(text)) == found


@pytest.mark.parametrize(
    "words, text, found",
    [
        (["局", "管理局", "委", "委员会"], "机关事务管理局", "管理局"),
        (["平方公里", "公里", "千瓦", "千瓦时"], "6000万千瓦时", "千瓦时"),
    ],
)
def test_lexicon_trie_pattern_prefers_the_longest_word(words, text, found):
    assert re.search(trie_pattern(words), text).group() == found


@pytest.mark.parametrize(
    "sector, canonical",
    [
        ("人社", "人力资源和社会保障"),
        ("经信", "经济和信息化"),
        ("发改", "发展和改革"),
        ("科技", "科学技术"),
        ("住房城乡建", "住房和城乡建设"),
        ("文旅", "文化和旅游"),
        ("金融监管", "地方金融监督管理"),
    ],
)
def test_lexicon_sector_abbreviations(sector, canonical):
    assert Lexicon.default().sectors[sector][0] == canonical


@pytest.mark.parametrize(
    "words, text",
    [
        ([], "重庆市中区"),
        (["a"], "aaa"),  # one-character words are never matched
        (["重庆", "重庆市"], "重"),
        (["[x", "x]"], "[x]x]"),  # characters a regex class would misread
    ],
)
def test_lexicon_prefix_index_matches_a_plain_scan(words, text):
    def plain(text):
        ws = sorted({w for w in words if len(w) >= 2}, key=len, reverse=True)
        i, out = 0, []
        while i < len(text) - 1:
            w = next((w for w in ws if text.startswith(w, i)), None)
            if w:
                out.append((i, i + len(w), w))
            i += len(w) if w else 1
        return out

    assert list(PrefixIndex(words).finditer(text)) == plain(text)


def test_lexicon_tokens_are_jieba_cut_of_their_block():
    lex = Lexicon.default()
    norm = "在重庆,两江新区管委会与成都高新区签署协议。"
    tokens = lex.tokens(norm)
    start = norm.index("两江")
    cut = list(lex.tokenizer().cut(norm[start : norm.index("。")], HMM=True))
    assert tokens.is_token(start, start + len(cut[0]))
    # the cut of a block is kept and asked again for the same characters elsewhere
    assert lex.token_lengths(norm[start : norm.index("。")]) == tuple(map(len, cut))
    assert lex.tokens("重庆" + norm).is_token(start + 2, start + 2 + len(cut[0]))
    assert tokens.start_before(norm.index(",")) is not None
    assert not tokens.is_token(len(norm) - 1, len(norm))  # 。 is no block


def test_lexicon_a_cut_kept_is_not_changed_by_its_reader():
    lex = Lexicon.default()
    text = "中国中车股份有限公司今天与"
    first = lex.pos_cut(text)
    words = len(first)
    first.pop()  # a reader that takes words off the end (where a name ends before a day)
    assert len(lex.pos_cut(text)) == words
