"""Gazetteers and vocabulary loaded once per process: the :class:`Lexicon`."""

from __future__ import annotations

import copy
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.extract.division_index import DivisionIndex, build_division_index
from kg.extract.segmenters import DEFAULT_SEGMENTER, Segmenter, dictionary_tags, make_segmenter
from kg.extract.text import normalize_name, trie_pattern
from kg.extract.tokens import PrefixIndex, Tokens
from kg.resources import data_path

if TYPE_CHECKING:
    from kg.records import Entity

__all__ = [
    "Lexicon",
    "UserName",
    "USER_CLASSES",
    "trie_pattern",
    "read_lines",
    "read_table",
    "ZONE_SUFFIXES",
]

# Zones named after a region rather than one place: 长三角…一体化发展示范区, 粤港澳…合作区.
ZONE_SUFFIXES = ("先行示范区", "示范区", "先行区", "合作区", "试验区", "实验区")
_MAX_ZONE_MODIFIER = 16


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a package data file (the header names its source)."""
    path: Path = data_path(name)
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                out.append(line)
    return out


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated package data file."""
    return [line.split("\t") for line in read_lines(name)]


#: The classes a user's lexicon may give a name.
USER_CLASSES = ("Agency", "Organization", "Project", "District", "City", "ScienceCity")


@dataclass(frozen=True)
class UserName:
    """One entry of a user's lexicon: a canonical name, its class (one of
    :data:`USER_CLASSES`), the place it belongs to or lies in (a division's full name, a
    country's name or another place of the lexicon), the GB/T 2260 code of a district or
    city, and the other names it is written as."""

    name: str
    cls: str
    jurisdiction: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.cls not in USER_CLASSES:
            raise ValueError(f"a lexicon name is one of {', '.join(USER_CLASSES)}, not {self.cls}")

    @property
    def written(self) -> tuple[str, ...]:
        """The forms the text may write it in, normalised as the text is."""
        return tuple(dict.fromkeys(normalize_name(n) for n in (self.name, *self.aliases) if n))


# A dictionary frequency at which a word is common language (奉节 75, 海口 474, 新华 549).
_COMMON_FREQ = 500
# Blocks whose jieba cut a lexicon keeps (a few MB at most).
_CUT_CACHE_SIZE = 32768
# jieba.posseg's blocks (re_han_internal), what it cuts apart between them
# (re_skip_internal) and the characters it flags as numbers (re_num) and Latin (re_eng)
_POS_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_POS_SKIP = re.compile("(\r\n|\\s)")
_POS_NUMBER = re.compile("[\\.0-9]+")
_POS_LATIN = re.compile("[a-zA-Z0-9]+")


class _PartsOfSpeech:
    """jieba's part-of-speech cutter over a tokenizer and its dictionary's tags
    (:func:`~kg.extract.segmenters.dictionary_tags`): ``jieba.posseg`` is imported, and
    its own copy of the tags read, only when its cut is asked."""

    def __init__(self, tokenizer: Any, tags: dict[str, str]) -> None:
        self.tokenizer = tokenizer
        self.word_tag_tab = tags
        self._cutter: Any = None

    def makesure_userdict_loaded(self) -> None:
        """The tags of words added to the tokenizer since, into the table (as
        ``jieba.posseg.POSTokenizer`` does before each cut)."""
        if self.tokenizer.user_word_tag_tab:
            self.word_tag_tab.update(self.tokenizer.user_word_tag_tab)
            self.tokenizer.user_word_tag_tab = {}

    def cut(self, text: str, HMM: bool = True) -> Any:  # noqa: N803 - jieba's name
        """``jieba.posseg.POSTokenizer.cut`` over this tokenizer and these tags."""
        if self._cutter is None:
            import jieba.posseg  # lazy: its import reads the tags again, for its own tokenizer

            cutter = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
            cutter.tokenizer = self.tokenizer
            cutter.word_tag_tab = self.word_tag_tab
            self._cutter = cutter
        return self._cutter.cut(text, HMM=HMM)


class Lexicon:
    """All gazetteers the extractor matches against, loaded once (see :meth:`default`)."""

    _default: Lexicon | None = None
    _lock = threading.Lock()
    #: Names a user's lexicon adds (:meth:`extended`); the default lexicon has none.
    user_names: tuple[UserName, ...] = ()

    def __init__(self) -> None:
        self.divisions: DivisionIndex = build_division_index(read_lines("ethnic_groups.txt"))
        # organ suffix (written) -> canonical organ
        self.organs: dict[str, str] = {r[0]: r[1] for r in read_table("organs.tsv")}
        # sector (written) -> (canonical sector, organ of a city for 部门, organ of a province)
        self.sectors: dict[str, tuple[str, str, str]] = {}
        # 交通 -> ("11", "31"): the provinces whose committee of the sector keeps the written
        # form (北京市交通委员会)
        self.written_committees: dict[str, tuple[str, ...]] = {}
        for row in read_table("sectors.tsv"):
            city_organ, prov_organ = row[2].split(",")
            self.sectors[row[0]] = (row[1], city_organ, prov_organ)
            if len(row) > 3 and row[3]:
                self.written_committees[row[0]] = tuple(row[3].split(","))
        # national ministries: written form -> canonical name
        self.ministries: dict[str, str] = {}
        for row in read_table("ministries.tsv"):
            canonical = row[0]
            self.ministries[canonical] = canonical
            for alias in row[1].split(",") if len(row) > 1 and row[1] else []:
                self.ministries.setdefault(alias, canonical)
        # units: written -> (ontology unit, factor)
        self.units = {r[0]: (r[1], r[2]) for r in read_table("units.tsv")}
        heads = read_lines("agreement_heads.txt")
        self.agreement_heads: tuple[str, ...] = tuple(
            h.lstrip("?") for h in heads if not h.startswith("!")
        )
        self.signed_only_heads: tuple[str, ...] = tuple(h[1:] for h in heads if h[0] == "?")
        self.non_agreement_heads: tuple[str, ...] = tuple(h[1:] for h in heads if h.startswith("!"))
        self.org_suffixes: tuple[str, ...] = tuple(read_lines("org_suffixes.txt"))
        self.project_heads = {r[0]: r[1] for r in read_table("project_heads.tsv")}
        self.generic_words: frozenset[str] = frozenset(read_lines("generic_words.txt"))
        self.boundary_words: frozenset[str] = frozenset(read_lines("boundary_words.txt"))
        self.clause_verbs: frozenset[str] = frozenset(read_lines("clause_verbs.txt"))
        self.region_words: frozenset[str] = frozenset(read_lines("region_words.txt"))
        self.area_suffixes: tuple[str, ...] = tuple(read_lines("area_suffixes.txt"))
        self.sar_organs: tuple[str, ...] = tuple(read_lines("sar_organs.txt"))
        # 川 -> 510000: the province-level division a one-character abbreviation stands for
        self.province_codes = {r[0]: r[1] for r in read_table("province_abbreviations.tsv")}
        self.province_abbreviations: frozenset[str] = frozenset(self.province_codes)
        self.project_qualifiers: frozenset[str] = frozenset(read_lines("project_qualifiers.txt"))
        # 汽车, 科技, 新能源…: the words after a company's trade name, longest first
        self.industry_words = tuple(sorted(read_lines("industry_words.txt"), key=len, reverse=True))
        # countries: ISO code -> (short name, organ words of its ministries); written -> code
        self.countries: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.country_names: dict[str, str] = {}
        for row in read_table("countries.tsv"):
            row += [""] * (4 - len(row))
            code, name, others, organs = row[:4]
            self.countries[code] = (name, tuple(o for o in organs.split(",") if o))
            for written in [name, *(o for o in others.split(",") if o)]:
                self.country_names.setdefault(written, code)
        # 中科院 -> 中国科学院, 中国石化 -> 中国石油化工集团有限公司, 亚投行 -> 亚洲基础设施投资银行: the
        # national academies, the central enterprises, the intergovernmental organisations, the
        # national broadcaster and the national people's organisations (全国妇联, 中国贸促会) by every
        # name; 中车, 中国石化: the brands the central enterprises' subsidiaries' names begin with
        self.known_organizations: dict[str, str] = {}
        self.academy_names: dict[str, str] = {}  # (中科院 -> 中国科学院: their institutes' too)
        brands: set[str] = set()
        for table in (
            "academies.tsv",
            "central_enterprises.tsv",
            "international_organizations.tsv",
            "national_media.tsv",
            "people_organizations.tsv",
        ):
            for row in read_table(table):
                full, *short = unicodedata.normalize("NFKC", "\t".join(row)).split("\t")
                names = [o for o in (short or [""])[0].split(",") if o]
                for written in [full, *names]:
                    self.known_organizations.setdefault(written, full)
                if table == "central_enterprises.tsv":
                    brands |= {n[:-2] if n.endswith("集团") and len(n) >= 4 else n for n in names}
                elif table == "academies.tsv":
                    self.academy_names.update(dict.fromkeys(names, full))
        self.company_brands: frozenset[str] = frozenset(brands)
        # 妇联 -> {}妇女联合会: the local people's organisations, by the short name after a place
        self.people_branches = dict(map(tuple, read_table("people_organization_branches.tsv")))
        # 雄安新区 -> 河北雄安新区, 420000 -> 中国(湖北)自由贸易试验区: the national-level new areas
        # and the pilot free trade zones by their official names; 俄 -> RU: states abbreviated
        # in the titles of documents signed with China (中俄…)
        rows = read_table("state_new_areas.tsv")
        self.new_areas = {o: r[0] for r in rows if len(r) > 1 for o in r[1].split(",") if o}
        self.free_trade_zones = dict(map(tuple, read_table("free_trade_zones.tsv")))
        zones = read_table("cooperation_zones.tsv")  # 横琴合作区 -> 横琴粤澳深度合作区
        self.cooperation_zones = {o: r[0] for r in zones for o in [r[0], *r[1].split(",")] if o}
        self.bank_abbreviations = {r[0]: r[1] for r in read_table("bank_abbreviations.tsv")}
        for short, bank in self.bank_abbreviations.items():
            # 国家开发银行, 中行: a bank by its full name or the short name it uses itself
            self.known_organizations.setdefault(bank, bank)
            self.known_organizations.setdefault(short, bank)
        self.country_abbreviations = {r[0]: r[1] for r in read_table("country_abbreviations.tsv")}
        self.max_generic_len = max(map(len, self.generic_words))
        self.max_head_len = max(map(len, self.project_heads))
        self.max_sector_len = max(map(len, self.sectors))
        self.max_boundary_len = max(map(len, self.boundary_words))
        self.max_region_len = max(map(len, self.region_words))
        # the entity of each division code, made on first use (kg.extract.builder)
        self.division_entities: dict[str, Entity] = {}
        self._segmenter: Segmenter | None = None
        self._segmenter_name = DEFAULT_SEGMENTER
        # the lexicon an extended one was copied from, which cuts for it (:meth:`extended`)
        self._base: Lexicon | None = None
        self._pos: Any = None
        self._jieba_lock = threading.Lock()
        # jieba's cut of a block is a function of the block's characters alone: blocks
        # repeat across articles (datelines, set phrases, place names), so cuts are kept
        self.token_lengths = lru_cache(maxsize=_CUT_CACHE_SIZE)(self._token_lengths)
        # candidate names recur (the same stretch asked by several rules, across articles)
        self._pos_cut = lru_cache(maxsize=_CUT_CACHE_SIZE)(self._pos_cut_uncached)
        # the last text asked for its states, and them (:meth:`countries_in`)
        self._countries: tuple[str, tuple[re.Match[str], ...]] | None = None

    @classmethod
    def default(cls) -> Lexicon:
        """The shared lexicon, built on first use."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    def extended(self, names: Iterable[UserName]) -> Lexicon:
        """This lexicon with a user's names added (``kg build --lexicon``): a copy that
        shares everything loaded (gazetteers, jieba), so making one costs next to nothing.
        """
        self.pos_cut("")  # jieba and its tags loaded first: the copy's caches call this one's
        lex = copy.copy(self)
        lex._base = self._base or self
        lex.user_names = (*self.user_names, *names)
        for name in ("user_name_table", "user_name_re"):
            lex.__dict__.pop(name, None)
        return lex

    @cached_property
    def user_name_table(self) -> dict[str, UserName]:
        """Each form a user's name is written in -> the name (the first entry wins)."""
        table: dict[str, UserName] = {}
        for u in self.user_names:
            for written in u.written:
                table.setdefault(written, u)
        return table

    @cached_property
    def user_name_re(self) -> re.Pattern[str]:
        """Any form of a user's name, the longest one at a given start."""
        return re.compile(trie_pattern(self.user_name_table) or "(?!)")

    # -- compiled patterns (built once, lazily) --------------------------------------

    @cached_property
    def division_index(self) -> PrefixIndex:
        """Full and short division names, longest first."""
        return PrefixIndex(set(self.divisions.full) | set(self.divisions.short))

    @cached_property
    def area_after_re(self) -> re.Pattern[str]:
        """What follows a place that names a functional area: a short modifier and a suffix."""
        return re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + trie_pattern(self.area_suffixes) + ")")

    @cached_property
    def sector_re(self) -> re.Pattern[str]:
        """One sector word."""
        return re.compile(trie_pattern(self.sectors))

    @cached_property
    def organ_re(self) -> re.Pattern[str]:
        """One organ suffix."""
        return re.compile(trie_pattern(self.organs))

    @cached_property
    def organ_end_re(self) -> re.Pattern[str]:
        """The last character of any organ suffix (where an agency name may end)."""
        return re.compile("[" + re.escape("".join({o[-1] for o in self.organs})) + "]")

    @cached_property
    def region_zone_re(self) -> re.Pattern[str]:
        """A region word, a modifier and a zone suffix (长三角…示范区)."""
        regions = trie_pattern(r for r in self.region_words if len(r) >= 2)
        return re.compile(
            f"(?:{regions})(?P<mod>[\u4e00-\u9fff]{{2,{_MAX_ZONE_MODIFIER}}}?)"
            f"(?:{trie_pattern(ZONE_SUFFIXES)})"
        )

    @cached_property
    def sar_bureau_re(self) -> re.Pattern[str]:
        """A bureau of a special administrative region's government: 香港特别行政区政府 (or
        香港特区政府) + a name of at most twelve characters + a bureau type word (局, 司…)."""
        return re.compile(
            r"(?P<sar>香港|澳门)(?P<reg>特别行政区|特区)?政府"
            r"(?P<name>(?:(?![与和同在的、])[\u4e00-\u9fff]){1,12}?"
            "(?:" + trie_pattern(self.sar_organs) + "))"
        )

    @cached_property
    def country_re(self) -> re.Pattern[str]:
        """A country name, longest first (俄罗斯联邦 before 俄罗斯)."""
        return re.compile(trie_pattern(self.country_names))

    def countries_in(self, norm: str) -> tuple[re.Match[str], ...]:
        """Every state's name in ``norm``, kept for the last text (several readers ask it)."""
        kept = self._countries  # (read once: another thread may replace it)
        if kept is None or kept[0] is not norm:
            self._countries = kept = (norm, tuple(self.country_re.finditer(norm)))
        return kept[1]

    @cached_property
    def ministry_re(self) -> re.Pattern[str]:
        """National ministries in full or short form."""
        return re.compile(trie_pattern(self.ministries))

    @cached_property
    def unit_re(self) -> re.Pattern[str]:
        """A unit word."""
        return re.compile(trie_pattern(self.units))

    @cached_property
    def known_organization_re(self) -> re.Pattern[str]:
        """A central enterprise's or an intergovernmental organisation's full or short name,
        longest first."""
        return re.compile(trie_pattern(self.known_organizations))

    @cached_property
    def company_brand_re(self) -> re.Pattern[str]:
        """A brand of the central enterprises (中铁, 中建), longest first."""
        return re.compile(trie_pattern(self.company_brands))

    @cached_property
    def people_branch_re(self) -> re.Pattern[str]:
        """The short name of a local people's organisation (妇联, 贸促会)."""
        return re.compile(trie_pattern(self.people_branches))

    @cached_property
    def org_suffix_re(self) -> re.Pattern[str]:
        """An organisation suffix."""
        return re.compile(trie_pattern(self.org_suffixes))

    @cached_property
    def project_head_re(self) -> re.Pattern[str]:
        """A project head noun."""
        return re.compile(trie_pattern(self.project_heads))

    # -- jieba -------------------------------------------------------------------------

    @property
    def segmenter(self) -> Segmenter:
        """The segmenter that cuts texts (:mod:`kg.extract.segmenters`), made on first use;
        an extended lexicon's is the one of the lexicon it extends."""
        if self._base is not None:
            return self._base.segmenter
        if self._segmenter is None:
            with self._jieba_lock:
                if self._segmenter is None:
                    self._segmenter = make_segmenter(self._segmenter_name)
        return self._segmenter

    def use_segmenter(self, name: str) -> None:
        """Cut texts with the segmenter called ``name`` from now on (same dictionary); an
        extended lexicon and the one it extends cut alike."""
        if self._base is not None:
            self._base.use_segmenter(name)
            return
        if name == self._segmenter_name and (
            self._segmenter is None or self._segmenter.name == name
        ):
            return
        with self._jieba_lock:
            old = self._segmenter
            # made now only when a tokenizer is loaded already, to share it; else on first use
            self._segmenter = make_segmenter(name, old.tokenizer) if old is not None else None
            self._segmenter_name = name
        self.token_lengths.cache_clear()

    def tokenizer(self) -> Any:
        """The private jieba tokenizer (the global one is left alone): jieba's dictionary,
        whichever segmenter cuts the text."""
        return self.segmenter.tokenizer

    def _token_lengths(self, block: str) -> tuple[int, ...]:
        """Lengths of the segmenter's tokens of ``block``, in order (as jieba's with HMM)."""
        return tuple(map(len, self.segmenter.cut(block)))

    def pos_cut(self, text: str) -> list[tuple[str, str]]:
        """jieba's words of a short ``text`` with their part-of-speech flags (a private
        POSTokenizer over :meth:`tokenizer`; asked only for candidate names)."""
        if self._pos is None:
            tok = self.tokenizer()
            with self._jieba_lock:
                if self._pos is None:
                    self._pos = _PartsOfSpeech(tok, dictionary_tags(tok))
        return list(self._pos_cut(text))  # (a list of its own: the cut kept is never changed)

    def _pos_cut_uncached(self, text: str) -> tuple[tuple[str, str], ...]:
        words = self._pos_cut_by_route(text)
        if words is None:
            words = [(w.word, w.flag) for w in self._pos.cut(text, HMM=False)]
        return tuple(words)

    def _pos_cut_by_route(self, text: str) -> list[tuple[str, str]] | None:
        """``jieba.posseg``'s cut of ``text`` without its HMM, over the segmenter's route
        (:meth:`~kg.extract.segmenters.Segmenter.route`, jieba-rs's: the same words, found
        in Rust instead of jieba's Python): the same blocks, words and flags. ``None`` when
        the segmenter gives no route, or when a run of Latin letters and digits in it is
        also a word of the dictionary (jieba's route then tells whether it went through
        the word or its letters; the route given here does not)."""
        route = self.segmenter.route
        pos = self._pos
        pos.makesure_userdict_loaded()
        tags = pos.word_tag_tab
        words: list[tuple[str, str]] = []
        add = words.append
        for block in _POS_BLOCK.split(text):
            if not block:
                continue
            if _POS_BLOCK.match(block):
                found = route(block)
                if found is None:
                    return None
                for word in found:
                    if word.isascii() and word.isalnum():  # letters and digits run together
                        if len(word) > 1 and self.is_known_word(word):
                            return None
                        add((word, "eng"))
                    else:
                        add((word, tags.get(word, "x")))
                continue
            for piece in _POS_SKIP.split(block):
                if _POS_SKIP.match(piece):
                    add((piece, "x"))
                    continue
                latin = _POS_LATIN.match(piece) is not None
                for char in piece:
                    add((char, "m" if _POS_NUMBER.match(char) else "eng" if latin else "x"))
        return words

    @cached_property
    def ordinary_city_words(self) -> frozenset[str]:
        """Short forms of prefecture-level cities that are also common words (来宾, 日照)."""
        return frozenset(read_lines("ordinary_city_words.txt"))

    def is_common_word(self, word: str, min_freq: int = _COMMON_FREQ) -> bool:
        """True when jieba's dictionary has ``word`` as a frequent verb, adjective, noun or
        other word that is not a place or person name (合作, 友好, 通道, 和平, 新华, 东方): a short
        form of a division spelt so is read as a place only next to its parent. ``min_freq``:
        how frequent (a lower bar for words that are names less often than places are)."""
        if self._pos is None:
            self.pos_cut("")  # (loads the dictionary's part-of-speech tags once)
        tag = self._pos.word_tag_tab.get(word)
        # (ns place names, and nr person names, which many small places are tagged as)
        return (
            tag is not None
            and not tag.startswith(("ns", "nr"))
            and self.tokenizer().FREQ.get(word, 0) >= min_freq
        )

    def word_tag(self, word: str) -> str | None:
        """jieba's dictionary part-of-speech tag of ``word``, if it has one."""
        if self._pos is None:
            self.pos_cut("")  # (loads the dictionary's part-of-speech tags once)
        return self._pos.word_tag_tab.get(word)

    def is_known_word(self, word: str) -> bool:
        """True when ``word`` is in jieba's dictionary."""
        return self.tokenizer().FREQ.get(word, 0) > 0

    def tokens(self, norm: str) -> Tokens:
        """Lazy jieba segmentation of ``norm``, block by block, only where asked."""
        return Tokens(norm, self)
