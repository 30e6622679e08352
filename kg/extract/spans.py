"""Stretches of text indexed by position: which of them cover, touch or hold a stretch.

The finders ask, for each name they find, which places, agencies or titles lie near it.
Asked of a plain list, each question looks at every stretch of the article, and a long
article costs the square of its length; asked of a :class:`Spans`, a question looks only
at the stretches near the one it asks about (a binary search, then those in between).

Answers are those of the plain scans they replace, in the same order.

>>> s = Spans([(10, 13), (0, 3), (5, 9), (6, 7)])
>>> s.covers(6), s.covers(4), s.overlaps(3, 5), s.overlaps(2, 5)
(True, False, False, True)
>>> s.touching(3, 6), s.inside(5, 9), s.encloses(6, 7), s.encloses(5, 9)
([(0, 3), (5, 9), (6, 7)], [2, 3], True, False)
>>> s.holds(5, 9), s.holds(4, 6), s.starting(5, 10)
(True, False, [2, 3])
>>> s.add(2, 6); s.covers(4), s.touching(3, 4)
(True, [(0, 3), (2, 6)])
>>> any_between([2, 8, 15], 3, 8), any_between([2, 8, 15], 3, 9)
(False, True)
>>> last_of("甲。乙；丙", "。；", 4), last_of("甲。乙；丙", "!", 4), first_of("甲。乙；丙", "。；", 2)
(3, -1, 3)

"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

__all__ = [
    "Spans",
    "DisjointSpans",
    "NestedSpans",
    "any_between",
    "book_titles",
    "last_of",
    "first_of",
]


class Spans:
    """``(start, end)`` pairs in the order given (``spans``), with an index by position.

    The index sorts the pairs by start and keeps, along that order, the furthest end
    reached so far (``reach``): the pairs ending after a position ``p`` all sort at or
    after the first whose reach passes ``p``.
    """

    __slots__ = ("spans", "_order", "_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = pairs = list(spans)
        starts = [s for s, _ in pairs]
        in_order = sorted(starts)
        if in_order == starts:  # (given in order, as most are: the stable sort keeps it)
            self._order = list(range(len(pairs)))
            self._starts = starts
            self._reach = list(accumulate([e for _, e in pairs], max))
            return
        order = sorted(range(len(pairs)), key=starts.__getitem__)
        self._order = order
        self._starts = in_order
        self._reach = list(accumulate([pairs[k][1] for k in order], max))

    def __len__(self) -> int:
        return len(self.spans)

    def add(self, lo: int, hi: int) -> None:
        """Add ``(lo, hi)`` after the pairs given: the index is then the one of all of them."""
        k = len(self.spans)
        self.spans.append((lo, hi))
        at = bisect_right(self._starts, lo)  # after the pairs starting there, as sorted() is stable
        self._starts.insert(at, lo)
        self._order.insert(at, k)
        reach = self._reach
        reach.insert(at, max(reach[at - 1], hi) if at else hi)
        at += 1
        while at < len(reach) and reach[at] < hi:  # the reach of those after it, up to hi
            reach[at] = hi
            at += 1

    def covers(self, pos: int) -> bool:
        """Whether a pair holds ``pos``: ``any(s <= pos < e for s, e in spans)``."""
        return bisect_right(self._reach, pos) < bisect_right(self._starts, pos)

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether a pair shares a character with ``[lo, hi)``:
        ``any(s < hi and lo < e for s, e in spans)``."""
        return bisect_right(self._reach, lo) < bisect_left(self._starts, hi)

    def encloses(self, lo: int, hi: int) -> bool:
        """Whether a pair reaches past both ends of ``[lo, hi)``:
        ``any(s < lo and hi < e for s, e in spans)``."""
        return bisect_right(self._reach, hi) < bisect_left(self._starts, lo)

    def holds(self, lo: int, hi: int) -> bool:
        """Whether a pair holds all of ``[lo, hi)``: ``any(s <= lo and hi <= e for s, e in spans)``."""
        return bisect_left(self._reach, hi) < bisect_right(self._starts, lo)

    def touching(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The pairs with ``e >= lo and s <= hi``, in the order given."""
        spans = self.spans
        first = bisect_left(self._reach, lo)
        last = bisect_right(self._starts, hi)
        picked = sorted(k for k in self._order[first:last] if spans[k][1] >= lo)
        return [spans[k] for k in picked]

    def starting(self, lo: int, hi: int) -> list[int]:
        """The positions in ``spans`` of the pairs with ``lo <= s < hi``, in order."""
        return sorted(self._order[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)])

    def inside(self, lo: int, hi: int) -> list[int]:
        """The positions in ``spans`` of the pairs with ``lo <= s and e <= hi``, in order."""
        spans = self.spans
        first = bisect_left(self._starts, lo)
        last = bisect_right(self._starts, hi)
        return sorted(k for k in self._order[first:last] if spans[k][1] <= hi)


class DisjointSpans:
    """Pairs that share no character, added one at a time (the names kept so far when
    longer names are kept first); sorted by start, their ends are sorted too."""

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether a pair shares a character with ``[lo, hi)`` (``lo < hi``)."""
        # the pair ending first after lo is the only one that may: the next starts later
        k = bisect_right(self._ends, lo)
        return k < len(self._starts) and self._starts[k] < hi

    def add(self, lo: int, hi: int) -> None:
        """Add ``[lo, hi)``, which overlaps none of the pairs (``lo < hi``)."""
        insort(self._starts, lo)
        insort(self._ends, hi)


class NestedSpans:
    """Pairs any two of which share no character or end together (the agencies of one
    enumeration, 市科技局、市经信委: each one's span ends at the last), added one at a time.

    The pairs ending at one place make one stretch, from the earliest start to that end;
    the stretches share no character, so sorted by end they are sorted by start too.
    """

    __slots__ = ("_ends", "_first")

    def __init__(self) -> None:
        self._ends: list[int] = []
        self._first: dict[int, int] = {}

    def overlaps_elsewhere(self, lo: int, hi: int) -> bool:
        """Whether a pair that does not end at ``hi`` shares a character with ``[lo, hi)``:
        ``any(s < hi and lo < e and e != hi for s, e in pairs)``."""
        ends, first = self._ends, self._first
        k = bisect_right(ends, lo)
        while k < len(ends) and first[ends[k]] < hi:
            if ends[k] != hi:
                return True
            k += 1
        return False

    def add(self, lo: int, hi: int) -> None:
        """Add ``[lo, hi)``, which overlaps no pair that ends elsewhere."""
        if hi in self._first:
            self._first[hi] = min(self._first[hi], lo)
        else:
            insort(self._ends, hi)
            self._first[hi] = lo


def any_between(positions: list[int], lo: int, hi: int) -> bool:
    """Whether a position of the sorted ``positions`` lies in ``[lo, hi)``."""
    k = bisect_left(positions, lo)
    return k < len(positions) and positions[k] < hi


# A title in 《》 (a plan, a law, a book, a newspaper).
_BOOK = re.compile(r"《[^《》\n]{1,120}》")


@lru_cache(maxsize=4)
def book_titles(text: str) -> Spans:
    """The titles in 《》 of ``text``, with their marks (found once per text)."""
    return Spans(m.span() for m in _BOOK.finditer(text)) if "《" in text else Spans(())


@lru_cache(maxsize=16)
def _marks(text: str, chars: str) -> list[int]:
    """Where ``text`` holds one of ``chars``, in order (made once per text: a text's hash
    is cached, so looking it up again costs nothing)."""
    return [m.start() for m in re.finditer("[" + re.escape(chars) + "]", text)]


def last_of(text: str, chars: str, pos: int) -> int:
    """``max(text.rfind(c, 0, pos) for c in chars)``: the last of ``chars`` before ``pos``,
    or -1, without scanning back to the start of the text for a mark it does not hold."""
    marks = _marks(text, chars)
    k = bisect_left(marks, pos)
    return marks[k - 1] if k else -1


def first_of(text: str, chars: str, pos: int) -> int:
    """``min(k for k in (text.find(c, pos) for c in chars) if k >= 0)``: the first of
    ``chars`` at or after ``pos``, or -1."""
    marks = _marks(text, chars)
    k = bisect_left(marks, pos)
    return marks[k] if k < len(marks) else -1
