"""Text preparation: per-character normalisation, broken-line joining and sentence split."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg.records import Sentence

__all__ = ["Prepared", "prepare", "normalize_name"]

# Sentence-final marks (after normalisation full-width ！？ became ! ?).
_FINAL = frozenset("。!?")
# A paragraph ending in one of these is complete; otherwise a long one was broken mid-word.
_PARAGRAPH_END = frozenset("。!?;:…”’\"')》】")
# Paragraphs shorter than this without final punctuation are headlines, not broken lines.
_BROKEN_MIN_LEN = 40
_PARA_BREAK = re.compile(r"[ \t\u3000]*\n[\s\u3000]*")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _norm_char(ch: str) -> str:
    """NFKC of one character when that keeps it one character (full-width （ → ( etc.)."""
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


def normalize_name(name: str) -> str:
    """Identity form of a name: NFKC, white space removed (（）and () are the same)."""
    return _WS.sub("", unicodedata.normalize("NFKC", name))


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
    offsets: tuple[int, ...]
    sentences: tuple[Sentence, ...]
    bounds: tuple[tuple[int, int], ...]
    paragraph: tuple[int, ...]

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
        lo, hi = 0, len(self.bounds) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.bounds[mid][0] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo


def _joined_breaks(text: str) -> set[int]:
    """Original offsets of line-break characters that split one sentence (a broken line)."""
    drop: set[int] = set()
    for m in _PARA_BREAK.finditer(text):
        para_start = text.rfind("\n", 0, m.start()) + 1
        para = text[para_start : m.start()].strip()
        nxt = text[m.end() : m.end() + 1]
        if (
            len(para) >= _BROKEN_MIN_LEN
            and para[-1] not in _PARAGRAPH_END
            and "\u4e00" <= nxt <= "\u9fff"
        ):
            drop.update(range(m.start(), m.end()))
    return drop


def prepare(text: str) -> Prepared:
    """Normalise ``text`` character by character and split it into sentences."""
    drop = _joined_breaks(text) if "\n" in text else set()
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if i in drop:
            continue
        chars.append(_norm_char(ch))
        offsets.append(i)
    norm = "".join(chars)

    sentences: list[Sentence] = []
    bounds: list[tuple[int, int]] = []
    paragraphs: list[int] = []
    para = 0
    start = 0
    n = len(norm)

    def flush(s: int, e: int) -> None:
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        if s < e:
            os_, oe = offsets[s], offsets[e - 1] + 1
            sentences.append(Sentence(len(sentences), os_, oe, text[os_:oe]))
            bounds.append((s, e))
            paragraphs.append(para)

    i = 0
    while i < n:
        ch = norm[i]
        if ch == "\n":
            flush(start, i)
            start = i + 1
            para += 1
        elif ch in _FINAL:
            j = i + 1
            # keep closing quotes and repeated marks with the sentence they end
            while j < n and norm[j] in '!?”’"」)':
                j += 1
            flush(start, j)
            start = j
            i = j
            continue
        i += 1
    flush(start, n)
    return Prepared(text, norm, tuple(offsets), tuple(sentences), tuple(bounds), tuple(paragraphs))
