"""The lexicon: loaded once, generic data files with a source header, matching helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import Lexicon
from kg.extract.lexicon import PrefixIndex, trie_pattern

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
