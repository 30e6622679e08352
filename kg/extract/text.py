"""Text preparation: clean text, per-character normalisation, broken-line joining and
sentence split; the pattern of a list of words (a trie)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from kg.records import Sentence

__all__ = [
    "MAX_SENTENCE",
    "Prepared",
    "prepare",
    "clean_text",
    "find_unclean",
    "normalize_name",
    "finditer_near",
    "trie_pattern",
]

# A paragraph ending in one of these is complete; otherwise a long one was broken mid-word.
_PARAGRAPH_END = frozenset("。!?;:…”’\"')》】")
# Paragraphs shorter than this without final punctuation are headlines, not broken lines.
_BROKEN_MIN_LEN = 40
_PARA_BREAK = re.compile(r"[ \t\u3000]*\n[\s\u3000]*")
_WS = re.compile(r"\s+")


# What a text written into RDF may not hold, and what becomes of it. The C0 controls but tab,
# line feed and carriage return, and U+FFFE and U+FFFF, are not XML 1.0 characters: outside
# the values of xsd:string, refused by strict parsers. DEL and the C1 controls are control
# codes, and the other noncharacters (U+FDD0..U+FDEF, the last two of every plane) are kept
# from interchange by Unicode: none of them is text. Those that break lines (vertical tab,
# form feed, the information separators, NEL) become a line feed; the rest go.
_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85"
_UNCLEAN = {
    **{c: None for c in range(0x20) if chr(c) not in "\t\n\r"},
    **{c: None for c in range(0x7F, 0xA0)},
    **{c: None for c in range(0xFDD0, 0xFDF0)},
    **{plane + c: None for plane in range(0, 0x110000, 0x10000) for c in (0xFFFE, 0xFFFF)},
    **{ord(c): "\n" for c in _BREAKS},
}
# (searched in two: one class of all of them would be tried item by item at every
# character, for those beyond the BMP; these two classes are tried in one step each)
_UNCLEAN_BMP = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_UNCLEAN) if c <= 0xFFFF) + "]"
)
_UNCLEAN_ASTRAL = frozenset(chr(c) for c in _UNCLEAN if c > 0xFFFF)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """``text`` without the code points an RDF literal must not hold (controls other than
    tab and line breaks, noncharacters such as U+FFFE): those that break lines become a
    line feed, the others are dropped. An article's text is cleaned as it is read, so
    that every offset into it is an offset into the text the graph stores.

    >>> clean_text("重庆市科\\ufffe技局\\x0c成都\\x00")
    '重庆市科技局\\n成都'
    """
    return text.translate(_UNCLEAN) if find_unclean(text) else text


def find_unclean(text: str) -> re.Match[str] | None:
    """The first code point of ``text`` that :func:`clean_text` would change, if any.

    >>> find_unclean("甲\\U0001fffe乙\\x00").start(), find_unclean("甲\\U0001f600乙")
    (1, None)
    """
    found = _UNCLEAN_BMP.search(text)
    end = found.start() if found is not None else len(text)
    for m in _ASTRAL.finditer(text, 0, end):
        if m.group() in _UNCLEAN_ASTRAL:
            return m
    return found


@lru_cache(maxsize=4096)
def _norm_char(ch: str) -> str:
    """NFKC of one character when that keeps it one character (full-width （ → ( etc.)."""
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


@lru_cache(maxsize=16384)
def normalize_name(name: str) -> str:
    """Identity form of a name: NFKC, white space removed (（）and () are the same)."""
    return _WS.sub("", unicodedata.normalize("NFKC", name))


def finditer_near(
    pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], before: int, after: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, scanning only near the matches of ``anchor``.

    For a pattern each of whose matches holds a match of ``anchor`` that starts at most
    ``before`` characters after the pattern's match starts and at most ``after`` characters
    before it ends (a date holds its 日, an unmarked title before its 签署 verb), the
    matches are those of ``pattern.finditer(text)``: no match starts outside the windows
    around the anchors, none spans two windows that do not overlap, and the regex engine no
    longer tries every position of a long text.
    """
    n = len(text)
    ws = we = -1
    for a in anchor.finditer(text):
        s, e = max(0, a.start() - before), min(n, a.start() + after)
        if s <= we:
            we = max(we, e)
            continue
        if we >= 0:
            yield from pattern.finditer(text, ws, we)
        ws, we = s, e
    if we >= 0:
        yield from pattern.finditer(text, ws, we)


@dataclass(frozen=True)
class Prepared:
    """The normalised working text of a document and how it maps back to the original.

    ``norm[i]`` comes from ``original[offsets[i]]``; characters of joined line breaks are
    dropped from ``norm`` so that a word broken over two paragraphs reads as one word.
    ``sentences`` carry original offsets; ``bounds`` are the same sentences in ``norm``
    offsets and ``paragraph`` gives each sentence's paragraph number.
    """

    original: str
    norm: str
    offsets: Sequence[int]  # a range when no line break was joined
    sentences: tuple[Sentence, ...]
    bounds: tuple[tuple[int, int], ...]
    paragraph: tuple[int, ...]
    #: How many sentences longer than :data:`MAX_SENTENCE` were cut into pieces.
    cut: int = 0

    def headlines(self) -> list[tuple[int, int]]:
        """Normalised bounds of headline lines: a paragraph of one short unpunctuated line."""
        out = []
        counts: dict[int, int] = {}
        for p in self.paragraph:
            counts[p] = counts.get(p, 0) + 1
        for (s, e), p in zip(self.bounds, self.paragraph, strict=True):
            if (
                counts[p] == 1
                and e - s < _BROKEN_MIN_LEN
                and self.norm[e - 1] not in _PARAGRAPH_END
            ):
                out.append((s, e))
        return out

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised stretch ``norm[start:end]``."""
        return self.offsets[start], self.offsets[end - 1] + 1

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding normalised offset ``pos`` (the nearest one)."""
        # the last sentence starting at or before pos, else the first
        return max(0, bisect_right(self._starts, pos) - 1)

    @cached_property
    def _starts(self) -> list[int]:
        """Where each sentence starts in ``norm`` (asked for every name read)."""
        return [s for s, _e in self.bounds]


def _joined_ranges(text: str) -> list[tuple[int, int]]:
    """Original ``(start, end)`` stretches of line breaks that split one sentence (a broken
    line), in text order."""
    drop: list[tuple[int, int]] = []
    for m in _PARA_BREAK.finditer(text):
        para_start = text.rfind("\n", 0, m.start()) + 1
        para = text[para_start : m.start()].strip()
        nxt = text[m.end() : m.end() + 1]
        if (
            len(para) >= _BROKEN_MIN_LEN
            and para[-1] not in _PARAGRAPH_END
            and "\u4e00" <= nxt <= "\u9fff"
        ):
            drop.append((m.start(), m.end()))
    return drop


class _CharTable(dict[int, str]):
    """``ord(ch) -> _norm_char(ch)`` for str.translate, filled with each character the
    first time it is met (it grows with the distinct characters seen, as a set would)."""

    def __missing__(self, code: int) -> str:
        n = _norm_char(chr(code))
        self[code] = n
        return n


_TRANSLATE = _CharTable()


# The characters news text holds that _norm_char changes (full-width punctuation, the
# no-break and ideographic spaces), with what they become.
_FREQUENT = tuple(
    (ch, _norm_char(ch)) for ch in "，（）；：？！％\xa0\u3000" if _norm_char(ch) != ch
)


def _normalize_chars(text: str) -> str:
    """``_norm_char`` of every character of ``text`` (same length).

    The frequent characters are replaced first, each in one C pass; what is left is then
    mostly in NFKC already, and a character that NFKC keeps within a text is one that
    ``_norm_char`` keeps alone (NFKC never writes a character that it changes). Only a
    text still holding another such character goes through the character table."""
    for ch, norm in _FREQUENT:
        if ch in text:
            text = text.replace(ch, norm)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return text.translate(_TRANSLATE)


#: The longest sentence read whole, in characters: a longer one (a feed's text without
#: sentence marks, say) is cut into pieces of at most this many, after a clause mark where
#: there is one, so that reading a text costs time and memory in proportion to its length.
MAX_SENTENCE = 2000
# Where a piece of a long sentence may end: after a clause mark or white space.
_CLAUSE_END = re.compile(r"[,，;；、:：\s]")


def _pieces(norm: str, start: int, end: int, limit: int = MAX_SENTENCE) -> Iterator[int]:
    """The ends of the pieces of the sentence ``norm[start:end]``, each at most ``limit``
    characters: after the last clause mark in the second half of a piece, or at the limit."""
    while end - start > limit:
        cut = start + limit
        marks = [m.end() for m in _CLAUSE_END.finditer(norm, start + limit // 2, cut)]
        cut = marks[-1] if marks else cut
        yield cut
        start = cut
    yield end


# A line break, or a sentence-final mark (after normalisation full-width ！？ became ! ?) with
# the closing quotes and repeated marks it keeps.
_SPLIT = re.compile('\n|[。!?][!?”’"」)]*')


def prepare(text: str) -> Prepared:
    """Normalise ``text`` character by character and split it into sentences."""
    ranges = _joined_ranges(text) if "\n" in text else []
    offsets: Sequence[int]
    if ranges:
        pieces: list[str] = []
        joined: list[int] = []
        k = 0
        for s, e in ranges:
            pieces.append(text[k:s])
            joined.extend(range(k, s))
            k = e
        pieces.append(text[k:])
        joined.extend(range(k, len(text)))
        offsets = tuple(joined)
        norm = _normalize_chars("".join(pieces))
    else:
        offsets = range(len(text))
        norm = _normalize_chars(text)

    sentences: list[Sentence] = []
    bounds: list[tuple[int, int]] = []
    paragraphs: list[int] = []
    para = 0

    cut = 0

    def flush(s: int, e: int) -> None:
        nonlocal cut
        chunk = norm[s:e]
        stripped = chunk.strip()
        if not stripped:
            return
        if chunk[0].isspace():
            s += len(chunk) - len(chunk.lstrip())
        e = s + len(stripped)
        if e - s <= MAX_SENTENCE:  # one piece, the whole stripped chunk (most sentences)
            os_, oe = offsets[s], offsets[e - 1] + 1
            sentences.append(Sentence(len(sentences), os_, oe, text[os_:oe]))
            bounds.append((s, e))
            paragraphs.append(para)
            return
        cut += 1
        for piece_end in _pieces(norm, s, e):
            piece = norm[s:piece_end].rstrip()
            if piece:
                pe = s + len(piece)
                os_, oe = offsets[s], offsets[pe - 1] + 1
                sentences.append(Sentence(len(sentences), os_, oe, text[os_:oe]))
                bounds.append((s, pe))
                paragraphs.append(para)
            s = piece_end
            while s < e and norm[s].isspace():
                s += 1

    start = 0
    for m in _SPLIT.finditer(norm):
        ms, me = m.span()
        if norm[ms] == "\n":
            flush(start, ms)
            # (a blank line between paragraphs opens none: the next is the one after)
            para += bool(paragraphs) and paragraphs[-1] == para
        else:
            flush(start, me)
        start = me
    flush(start, len(norm))
    return Prepared(text, norm, offsets, tuple(sentences), tuple(bounds), tuple(paragraphs), cut)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, the longest one at a given start.

    The alternation is built as a trie so the regex engine never tries thousands of
    alternatives one after another (a plain ``a|b|c`` is slow and prefers the first).
    """
    root: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        alts = [re.escape(k) + build(node[k]) for k in keys]
        if len(alts) == 1:
            body = alts[0]
            return f"(?:{body})?" if end else body
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return build(root)
