"""jieba's tokens of a text asked lazily, block by block, and a fast matcher of many words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Protocol

__all__ = ["Tokens", "PrefixIndex"]


class Segmenter(Protocol):
    """What :class:`Tokens` asks of a lexicon: jieba's token lengths and its dictionary."""

    def token_lengths(self, text: str) -> list[int]: ...

    def is_known_word(self, word: str) -> bool: ...

    def is_common_word(self, word: str) -> bool: ...

    @property
    def ordinary_city_words(self) -> frozenset[str]: ...


# jieba cuts a text in blocks of these characters independently (jieba.re_han_default),
# so segmenting one block gives the same tokens as segmenting the whole text.
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


class Tokens:
    """jieba's tokens of a text, computed for a block only when a question needs it."""

    def __init__(self, norm: str, lex: Segmenter) -> None:
        self.norm = norm
        self.lex = lex
        self._blocks: dict[int, tuple[int, frozenset[int], frozenset[int]]] = {}
        self._reversed: str | None = None

    def _bounds(self, pos: int) -> tuple[int, int]:
        """The block holding ``pos`` or ending right before it, else the empty ``pos:pos``."""
        # a block is a maximal run of block characters: the run ending at pos (read in the
        # reversed text) and the run starting there
        if self._reversed is None:
            self._reversed = self.norm[::-1]
        before = _JIEBA_BLOCK.match(self._reversed, len(self.norm) - pos)
        after = _JIEBA_BLOCK.match(self.norm, pos)
        start = pos - (before.end() - before.start()) if before else pos
        return start, after.end() if after else pos

    def _block(self, pos: int) -> tuple[int, frozenset[int], frozenset[int]]:
        s, e = self._bounds(pos)
        cached = self._blocks.get(s)
        if cached is not None:
            return cached
        starts, ends = set(), set()
        k = s
        for length in self.lex.token_lengths(self.norm[s:e]):
            starts.add(k)
            k += length
            ends.add(k)
        block = (s, frozenset(starts), frozenset(ends))
        self._blocks[s] = block
        return block

    def is_token(self, start: int, end: int) -> bool:
        """True when jieba keeps ``norm[start:end]`` as one token."""
        _s, starts, ends = self._block(start)
        if start not in starts or end not in ends:
            return False
        return not any(p in starts for p in range(start + 1, end))

    def inside_word(self, pos: int) -> bool:
        """True when ``pos`` falls inside a token that is a word of jieba's dictionary
        (动 of 被动), not between two tokens or inside a run jieba only guessed."""
        block_start, starts, ends = self._block(pos)
        if pos in starts or pos not in range(block_start, max(ends, default=block_start)):
            return False
        s = pos - 1
        while s not in starts:
            s -= 1
        e = pos + 1
        while e not in ends:
            e += 1
        return self.lex.is_known_word(self.norm[s:e])

    def start_before(self, pos: int) -> int | None:
        """Start of the token that ends at ``pos``, if one does."""
        if pos <= 0:
            return None
        _s, starts, ends = self._block(pos - 1)
        if pos not in ends:
            return None
        k = pos - 1
        while k not in starts:
            k -= 1
        return k


class PrefixIndex:
    """Leftmost-longest matching of many words by their first two characters.

    A regex alternation of thousands of names tries them one by one at every position; a
    dict keyed by the next two characters rejects almost every position in one lookup, and
    a character-class regex skips, in C, the positions whose two characters cannot start a
    word.
    """

    def __init__(self, words: Iterable[str]) -> None:
        index: dict[str, list[str]] = {}
        for w in set(words):
            if len(w) >= 2:
                index.setdefault(w[:2], []).append(w)
        self._index = {k: sorted(v, key=len, reverse=True) for k, v in index.items()}
        firsts = "".join(sorted({k[0] for k in self._index}))
        seconds = "".join(sorted({k[1] for k in self._index}))
        # (?!) never matches: no word, no candidate position
        self._candidate = re.compile(
            f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])" if self._index else "(?!)"
        )

    def finditer(self, text: str, joiners: str = "") -> Iterator[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, word)`` matches, leftmost then longest; a word that
        begins with one of ``joiners`` yields to one that starts right after it and reaches at
        least as far (和龙岩市: 龙岩市, not 和龙)."""
        search, index = self._candidate.search, self._index
        m = search(text)
        while m is not None:
            i = m.start()
            if text[i : i + 2] not in index:  # (most candidates: they begin no word)
                m = search(text, i + 1)
                continue
            w = self._longest_at(text, i)
            if w and w[0] in joiners and len(later := self._longest_at(text, i + 1)) >= len(w) - 1:
                i, w = i + 1, later
            if w:
                yield i, i + len(w), w
                i += len(w)
            else:
                i += 1
            m = search(text, i)

    def _longest_at(self, text: str, i: int) -> str:
        """The longest word at ``text[i]``, or ``""``."""
        return next((w for w in self._index.get(text[i : i + 2], ()) if text.startswith(w, i)), "")
