"""Word segmenters behind one interface: jieba 0.42.1 (the reference) and jieba-rs.

Both cut a block of jieba's block characters (``[\\u4E00-\\u9FD5a-zA-Z0-9+#&._%\\-]``) the
way ``jieba.Tokenizer.cut(block, HMM=True)`` does:

- ``jieba``: jieba 0.42.1 itself, in Python.
- ``jieba-rs``: jieba-rs (the ``rjieba`` package) finds the dictionary words: the same
  dictionary as jieba 0.42.1, the same directed graph of words and the same most likely
  route through it, in Rust, without its HMM. The runs of single characters that the route
  leaves and that are not a word (names the dictionary does not know, numbers, Latin) are
  cut here as jieba cuts them, with jieba's own HMM tables. jieba-rs's HMM is not used:
  its tables are jieba's rounded to six decimals, which flips a near tie now and then
  (常在的: 常|在|的 in jieba, 常在|的 in jieba-rs), and it splits Latin and number runs
  differently (S-300, 2-3次, 8.448M, www.example.cn stay whole in jieba-rs; jieba cuts at
  the ``-`` and ``.``). With the HMM done here, both backends give the same tokens
  (``tests/test_extract_segmenters.py``, ``bench/segmenters.py``).

Words added to a segmenter (:meth:`add_word`, as ``jieba.Tokenizer.add_word`` with a
frequency, and :meth:`load_userdict` for a user dictionary in jieba's format) go into
jieba's dictionary and, for ``jieba-rs``, into jieba-rs's as well, so both cut alike.
Removing a word (a frequency of 0, ``del_word``) is not supported: jieba-rs keeps the word
in its dictionary and would still route through it.
"""

from __future__ import annotations

import json
import logging
import marshal
import os
import re
import tempfile
from collections.abc import Iterable
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

__all__ = [
    "DEFAULT_SEGMENTER",
    "SEGMENTERS",
    "JiebaRsSegmenter",
    "JiebaSegmenter",
    "Segmenter",
    "dictionary_tags",
    "make_segmenter",
    "segmenter_version",
]

#: The segmenter a build uses unless told otherwise.
DEFAULT_SEGMENTER = "jieba-rs"


def _jieba_tokenizer() -> Any:
    try:
        import jieba  # lazy: its dictionary loads on first use
    except ImportError as exc:  # pragma: no cover - the dependency is pinned
        raise ImportError("kg.extract needs jieba==0.42.1 (pip install 'jieba==0.42.1')") from exc
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    if not _load_jieba_cache(tokenizer, jieba):
        tokenizer.initialize()
    return tokenizer


def _load_jieba_cache(tokenizer: Any, jieba: Any) -> bool:
    """Load jieba's dictionary into ``tokenizer`` from the cache jieba itself keeps for its
    default dictionary (``jieba.cache`` in the temporary directory, which jieba trusts as it
    is), read whole before it is unmarshalled: ``Tokenizer.initialize`` unmarshals it from
    the open file, which reads it object by object (0.65 s a process against 0.2 s). False
    when there is no such cache, or it cannot be read: ``initialize`` then makes it."""
    if tokenizer.dictionary != jieba.DEFAULT_DICT or tokenizer.cache_file or tokenizer.tmp_dir:
        return False
    try:
        freq, total = marshal.loads(Path(tempfile.gettempdir(), "jieba.cache").read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return False
    if not isinstance(freq, dict) or not isinstance(total, int):
        return False
    tokenizer.FREQ, tokenizer.total = freq, total
    tokenizer.initialized = True
    return True


class Segmenter:
    """A segmenter over a private jieba tokenizer (jieba's dictionary, its frequencies and
    part-of-speech tags, which the extractor asks whatever cuts the text)."""

    name: ClassVar[str]

    def __init__(self, tokenizer: Any = None) -> None:
        self.tokenizer = tokenizer if tokenizer is not None else _jieba_tokenizer()

    @cached_property
    def version(self) -> str:
        """What the graph records of this segmenter: its name and version (read from the
        installed packages' metadata once, not for every article)."""
        return self.release()

    @classmethod
    def release(cls) -> str:
        """The name and version of the installed segmenter, without loading it."""
        raise NotImplementedError

    def cut(self, block: str) -> list[str]:
        """The tokens of one block, as ``jieba.Tokenizer.cut(block, HMM=True)`` gives them."""
        raise NotImplementedError

    def route(self, block: str) -> list[str] | None:
        """The dictionary route through one block of jieba's part-of-speech block characters
        (``[\\u4E00-\\u9FD5a-zA-Z0-9+#&._]``), as ``jieba.Tokenizer.cut(block, HMM=False)``
        gives it (runs of single Latin letters and digits joined); ``None`` when only
        jieba's own part-of-speech cutter is to find it."""
        return None

    def add_word(self, word: str, freq: int, tag: str | None = None) -> None:
        """Add ``word`` to the dictionary with frequency ``freq`` (and part-of-speech
        ``tag``), as ``jieba.Tokenizer.add_word`` does."""
        if freq <= 0:
            raise ValueError(f"{word!r}: a word's frequency must be positive (got {freq})")
        self.tokenizer.add_word(word, freq, tag)

    def load_userdict(self, path: str | Path) -> None:
        """Add the words of a user dictionary in jieba's format: ``word [freq] [tag]`` a
        line; a word without a frequency gets the one jieba suggests for it."""
        import jieba  # lazy: loaded with the tokenizer already

        with open(path, encoding="utf-8") as lines:
            for line in lines:
                line = line.strip().removeprefix("\ufeff")
                if not line:
                    continue
                word, freq, tag = jieba.re_userdict.match(line).groups()
                tag = tag.strip() if tag else None
                if freq is None:
                    freq = self.tokenizer.suggest_freq(word, False)
                self.add_word(word, int(freq), tag)


class JiebaSegmenter(Segmenter):
    """jieba 0.42.1 itself (the reference)."""

    name = "jieba"

    @classmethod
    def release(cls) -> str:
        return f"jieba {metadata.version('jieba')}"

    def cut(self, block: str) -> list[str]:
        return list(self.tokenizer.cut(block, HMM=True))


# jieba.finalseg: Han runs go to the HMM, the rest is cut into number/Latin runs
_HAN = re.compile("([\u4e00-\u9fd5]+)")
_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# a no-HMM token of jieba-rs that is a run of Latin letters and digits: jieba-rs (as jieba)
# joins the single characters of such a run when it cuts without the HMM
_LATIN_RUN = re.compile("[A-Za-z0-9]{2,}")
_MIN_FLOAT = -3.14e100
# runs the HMM cut, kept: names recur across blocks and articles
_HMM_CACHE_SIZE = 65536


class JiebaRsSegmenter(Segmenter):
    """jieba-rs for the dictionary route, jieba's HMM for what the dictionary leaves."""

    name = "jieba-rs"

    def __init__(self, tokenizer: Any = None) -> None:
        super().__init__(tokenizer)
        try:
            import rjieba  # lazy: loads jieba-rs's dictionary
        except ImportError as exc:  # pragma: no cover - the dependency is pinned
            raise ImportError(
                "the jieba-rs segmenter needs rjieba==0.2.2 (pip install 'rjieba==0.2.2'); "
                "--segmenter jieba builds without it"
            ) from exc
        from jieba import finalseg  # lazy: jieba's HMM tables

        self._force_split = finalseg.Force_Split_Words
        start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
        self._start = {y: (start[y], emit[y]) for y in "BMES"}
        # jieba.finalseg.PrevStatus, each state with the transition into it from either
        # state that may come before it
        prev = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
        self._steps = tuple(
            (y, a, b, trans[a].get(y, _MIN_FLOAT), trans[b].get(y, _MIN_FLOAT), emit[y])
            for y, (a, b) in prev.items()
        )
        # rjieba's own instance, made as it is imported, until a word is added: a second
        # copy of the dictionary costs some 30 MB and 0.3 s a process
        self._rjieba = rjieba
        self._rs: Any = None
        self._route = rjieba.cut
        self._hmm_cuts: dict[str, list[str]] = {}

    @classmethod
    def release(cls) -> str:
        return f"jieba-rs {_jieba_rs_version()} (rjieba {metadata.version('rjieba')})"

    def add_word(self, word: str, freq: int, tag: str | None = None) -> None:
        super().add_word(word, freq, tag)
        if self._rs is None:  # words of its own: a dictionary of its own
            self._rs = self._rjieba.Jieba()
            self._route = self._rs.cut
        self._rs.add_word(word, freq, tag)
        self._hmm_cuts.clear()

    def route(self, block: str) -> list[str]:
        return self._route(block, False)

    def cut(self, block: str) -> list[str]:
        freq = self.tokenizer.FREQ
        out: list[str] = []
        run: list[str] = []  # single characters the route leaves, in a row
        for piece in self._route(block, False):
            if len(piece) == 1 or (
                piece.isascii() and _LATIN_RUN.fullmatch(piece) and not freq.get(piece)
            ):
                run.append(piece)
                continue
            if run:
                self._cut_run("".join(run), out, freq)
                run = []
            out.append(piece)
        if run:
            self._cut_run("".join(run), out, freq)
        return out

    def _cut_run(self, run: str, out: list[str], freq: dict[str, int]) -> None:
        """jieba's ``Tokenizer.__cut_DAG`` for a run of single characters."""
        if len(run) == 1:
            out.append(run)
        elif freq.get(run):
            out.extend(run)
        else:
            cut = self._hmm_cuts.get(run)
            if cut is None:
                cut = []
                self._hmm(run, cut)
                if len(self._hmm_cuts) >= _HMM_CACHE_SIZE:
                    self._hmm_cuts.clear()
                self._hmm_cuts[run] = cut
            out.extend(cut)

    def _hmm(self, text: str, out: list[str]) -> None:
        """``jieba.finalseg.cut``: the HMM over Han runs, number and Latin runs apart."""
        for block in _HAN.split(text):
            if not block:
                continue
            if not _HAN.match(block):
                out.extend(x for x in _SKIP.split(block) if x)
                continue
            path = self._viterbi(block)
            begin = after = 0
            for i, state in enumerate(path):
                if state == "B":
                    begin = i
                elif state == "E":
                    self._word(block[begin : i + 1], out)
                    after = i + 1
                elif state == "S":
                    out.append(block[i])
                    after = i + 1
            if after < len(block):
                self._word(block[after:], out)

    def _word(self, word: str, out: list[str]) -> None:
        if word in self._force_split:
            out.extend(word)
        else:
            out.append(word)

    def _viterbi(self, obs: str) -> list[str]:
        """``jieba.finalseg.viterbi`` with back pointers: the same sums in the same order,
        and ties broken as jieba's ``max`` of ``(probability, state)`` breaks them (the
        later letter)."""
        v = {y: p + e.get(obs[0], _MIN_FLOAT) for y, (p, e) in self._start.items()}
        back = []
        for ch in obs[1:]:
            nv: dict[str, float] = {}
            bp: dict[str, str] = {}
            for y, a, b, ta, tb, emit in self._steps:
                em = emit.get(ch, _MIN_FLOAT)
                pa = v[a] + ta + em
                pb = v[b] + tb + em
                if pa > pb or (pa == pb and a > b):
                    nv[y], bp[y] = pa, a
                else:
                    nv[y], bp[y] = pb, b
            v = nv
            back.append(bp)
        state = "S" if v["S"] >= v["E"] else "E"
        path = [state]
        for bp in reversed(back):
            state = bp[state]
            path.append(state)
        path.reverse()
        return path


def dictionary_tags(tokenizer: Any) -> dict[str, str]:
    """The part-of-speech tag of each word of a jieba tokenizer's dictionary, as
    ``jieba.posseg`` reads them (``word freq tag`` lines), without importing it (its import
    reads them for its own tokenizer, some 0.6 s a process).

    For jieba's own dictionary the table is kept, marshalled, in the temporary directory
    where jieba keeps its own cache, and read from there while the dictionary file has the
    size and modification time it had (a third of the time)."""
    import jieba  # lazy: loaded with the tokenizer already

    default = tokenizer.dictionary == jieba.DEFAULT_DICT
    where = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME) if default else None
    cache = Path(tempfile.gettempdir()) / f"kg-jieba-tags-{jieba.__version__}.cache"
    stamp = None
    if where is not None:
        try:
            info = where.stat()
            stamp = (str(where), info.st_size, info.st_mtime_ns)
            kept = marshal.loads(cache.read_bytes())
            if kept[0] == stamp:
                return kept[1]
        except (OSError, ValueError, EOFError, TypeError, IndexError):
            pass
    tags: dict[str, str] = {}
    with tokenizer.get_dict_file() as lines:
        for lineno, line in enumerate(lines, 1):
            line = line.strip().decode("utf-8")
            if not line:
                continue
            try:
                word, _freq, tag = line.split(" ")
            except ValueError:
                raise ValueError(f"invalid POS dictionary entry at line {lineno}: {line}") from None
            tags[word] = tag
    if stamp is not None:
        try:
            with tempfile.NamedTemporaryFile(dir=cache.parent, delete=False) as out:
                out.write(marshal.dumps((stamp, tags)))
            os.replace(out.name, cache)
        except OSError:
            pass
    return tags


@cache
def _jieba_rs_version() -> str:
    """The version of jieba-rs that the installed rjieba was built with (its wheel's
    software bill of materials names it), else ``unknown``."""
    try:
        files: Iterable[Any] = metadata.files("rjieba") or ()
        for file in files:
            if str(file).endswith(".cyclonedx.json"):
                sbom = json.loads(Path(file.locate()).read_text(encoding="utf-8"))
                for component in _components(sbom):
                    if component.get("name") == "jieba-rs":
                        return str(component.get("version", "unknown"))
    except (OSError, ValueError, metadata.PackageNotFoundError):
        pass
    return "unknown"


def _components(node: dict) -> Iterable[dict]:
    for component in node.get("components", ()):
        yield component
        yield from _components(component)


#: Segmenters by name, as ``kg build --segmenter`` takes them.
SEGMENTERS: dict[str, type[Segmenter]] = {
    JiebaSegmenter.name: JiebaSegmenter,
    JiebaRsSegmenter.name: JiebaRsSegmenter,
}


def _segmenter_class(name: str) -> type[Segmenter]:
    try:
        return SEGMENTERS[name]
    except KeyError:
        raise ValueError(
            f"unknown segmenter {name!r} (choose from {', '.join(sorted(SEGMENTERS))})"
        ) from None


def make_segmenter(name: str, tokenizer: Any = None) -> Segmenter:
    """The segmenter called ``name`` (a key of :data:`SEGMENTERS`), over ``tokenizer``
    (a jieba tokenizer, shared with the other segmenters of a lexicon) or a fresh one."""
    return _segmenter_class(name)(tokenizer)


def segmenter_version(name: str) -> str:
    """What the graph records of the segmenter called ``name``, without loading it.

    >>> segmenter_version("jieba")
    'jieba 0.42.1'
    """
    return _segmenter_class(name).release()
