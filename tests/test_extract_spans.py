"""Position indexes of the extractor: they answer as the scans they replace, and an
article's indexes are made once, however long the article (no index made again per name)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.extract.builder import Found
from kg.extract.spans import DisjointSpans, NestedSpans, Spans, any_between, first_of, last_of
from kg.records import Document

from .conftest import DATA

_SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None)

pairs = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)
stretch = st.tuples(st.integers(0, 70), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))


def _brute(spans, lo, hi):
    return {
        "covers": any(s <= lo < e for s, e in spans),
        "overlaps": any(s < hi and lo < e for s, e in spans),
        "encloses": any(s < lo and hi < e for s, e in spans),
        "holds": any(s <= lo and hi <= e for s, e in spans),
        "touching": [(s, e) for s, e in spans if e >= lo and s <= hi],
        "inside": [k for k, (s, e) in enumerate(spans) if lo <= s and e <= hi],
        "starting": [k for k, (s, _e) in enumerate(spans) if lo <= s < hi],
    }


def _indexed(index, lo, hi):
    return {
        "covers": index.covers(lo),
        "overlaps": index.overlaps(lo, hi),
        "encloses": index.encloses(lo, hi),
        "holds": index.holds(lo, hi),
        "touching": index.touching(lo, hi),
        "inside": index.inside(lo, hi),
        "starting": index.starting(lo, hi),
    }


@_SETTINGS
@given(pairs, pairs, st.lists(stretch, min_size=1, max_size=10))
def test_spans_answer_as_the_scans_they_replace(given_first, added, asked):
    """Made at once or grown pair by pair (Spans.add), every question gets the answer of
    the plain scan over the pairs, in the order they were given."""
    index = Spans(given_first)
    for s, e in added:
        index.add(s, e)
    spans = given_first + added
    for lo, hi in asked:
        assert _indexed(index, lo, hi) == _brute(spans, lo, hi)
        assert _indexed(Spans(spans), lo, hi) == _brute(spans, lo, hi)


@_SETTINGS
@given(pairs, st.lists(stretch, min_size=1, max_size=10))
def test_spans_disjoint_kept_as_names_are_kept(candidates, asked):
    """Longest first, then leftmost, a name overlapping none kept is kept (as projects and
    organisations are): DisjointSpans says what the scan over those kept says."""
    kept, index = [], DisjointSpans()
    for s, e in sorted((p for p in candidates if p[0] < p[1]), key=lambda p: (p[0] - p[1], p[0])):
        overlaps = any(s < ke and ks < e for ks, ke in kept)
        assert index.overlaps(s, e) == overlaps
        if not overlaps:
            kept.append((s, e))
            index.add(s, e)
    for lo, hi in asked:
        if lo < hi:
            assert index.overlaps(lo, hi) == any(lo < ke and ks < hi for ks, ke in kept)


@_SETTINGS
@given(pairs)
def test_spans_nested_kept_as_agencies_are_kept(candidates):
    """Agencies overlapping none kept but those ending where they end (one enumeration)
    are kept: NestedSpans says what the scan over those kept says."""
    kept, index = [], NestedSpans()
    for s, e in sorted(candidates, key=lambda p: (p[0] - p[1], p[0])):
        other = any(s < ke and ks < e and ke != e for ks, ke in kept)
        assert index.overlaps_elsewhere(s, e) == other
        if not other and (s, e) not in kept:
            kept.append((s, e))
            index.add(s, e)


@_SETTINGS
@given(st.text(st.sampled_from("甲。;!？\n乙"), max_size=40), st.integers(0, 45))
def test_spans_marks_are_found_as_rfind_and_find_find_them(text, pos):
    chars = "。;!？\n"
    assert last_of(text, chars, pos) == max(text.rfind(c, 0, pos) for c in chars)
    found = [k for k in (text.find(c, pos) for c in chars) if k >= 0]
    assert first_of(text, chars, pos) == min(found, default=-1)
    positions = sorted({k for k, c in enumerate(text) if c in chars})
    assert any_between(positions, pos, pos + 5) == any(pos <= k < pos + 5 for k in positions)


# The development articles joined into one long article: the first 240 of them (some 120,000
# characters), so that the test's time does not grow as the development set does.
_LONG_ARTICLES = 240


def _dev_text() -> str:
    return "\n\n".join(
        p.read_text(encoding="utf-8").strip()
        for p in sorted((DATA / "corpus" / "dev").glob("*.txt"))[:_LONG_ARTICLES]
    )


@pytest.mark.parametrize("copies", [1, 4])
@pytest.mark.parametrize("one_sentence", [False, True])
def test_spans_an_article_makes_each_index_once_however_long(monkeypatch, copies, one_sentence):
    """The indexes are made once per article and grown, never made again per name: the
    work of asking them does not grow with the square of the article's length."""
    made: dict[str, int] = {}
    index = Found.index

    def counting(self, name, make, *over, grow=None):
        def counted():
            made[name] = made.get(name, 0) + 1
            return make()

        return index(self, name, counted, *over, grow=grow)

    monkeypatch.setattr(Found, "index", counting)
    text = "\n\n".join([_dev_text()] * copies)
    if one_sentence:
        text = text.replace("。", "，").replace("\n", "，")
    extract(Document("long", text))
    assert made and set(made.values()) == {1}, made
