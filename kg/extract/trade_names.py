"""Companies named again by their trade name: 蔚来 after 蔚来汽车科技(安徽)有限公司, 比亚迪 after
比亚迪股份有限公司 (a registered name is trade name + industry + legal form)."""

from __future__ import annotations

import re
from typing import TypeVar

from kg.extract.known_orgs import cut_at_both_ends, noun_after
from kg.extract.lexicon import Lexicon
from kg.extract.spans import Spans, book_titles
from kg.records import Entity

__all__ = ["province_name", "registered_names", "trade_name", "trade_name_mentions"]

T = TypeVar("T")

# The legal form that ends a company's registered name.
_LEGAL_FORM = re.compile(
    r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|集团|株式会社)$"
)
# A place or a note in brackets inside the name (蔚来汽车科技(安徽)有限公司).
_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")
# What may follow the trade name where it stands for the company (蔚来公司, 比亚迪集团).
_FORM_AFTER = re.compile(r"集团公司|公司|集团")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
# Nouns after a trade name that make it part of another name (保利物业, 华润置地).
_NOUNS = frozenset({"n", "vn", "ng", "nz", "nt", "j"})


def trade_name(label: str, lex: Lexicon) -> str | None:
    """The trade name of a company's registered name, when it can stand for the company on
    its own: two to four characters, after the province it is registered in (河南瑞贝卡…) or a
    city before a name the segmenter knows (郑州宇通…) and before what it makes (瑞贝卡发制品),
    that begin with no other place or country and are no common word (宁德时代 begins with the
    city of 宁德, 国家电网 with a common word: neither is read)."""
    form = _LEGAL_FORM.search(label)
    if form is None:
        return None
    core = _BRACKETS.sub("", label[: form.start()])
    trimmed = True
    while trimmed:
        trimmed = False
        for word in lex.industry_words:
            if core.endswith(word) and len(core) > len(word):
                core, trimmed = core[: -len(word)], True
                break
    divisions = lex.divisions
    province = next((n for n in (3, 2) if province_name(core[:n], lex)), 0)
    if province and len(core) - province >= 2:
        core = core[province:]  # 河南瑞贝卡发制品: registered with its province before the name
    city = next((n for n in (3, 2) if core[:n] in divisions.short or core[:n] in divisions.full), 0)
    if city and len(core) - city >= 2 and _names(core[city:], lex):
        core = core[city:]  # 郑州宇通客车: a city, then a name (not 宁德时代, a city's name)
    elif province:
        # 辽宁晶澈锦州硅材料: the province, the name, then the city the company is in
        core = next(
            (
                core[:n]
                for n in (2, 3)
                if any(
                    core[n : n + k] in divisions.short or core[n : n + k] in divisions.full
                    for k in (2, 3)
                )
            ),
            core,
        )
    words = lex.pos_cut(core) if len(core) > 4 else []
    if (
        len(words) >= 2
        and words[0][1] in _NAME_TAGS
        and 2 <= len(words[0][0]) <= 4
        and all(f == "n" for _w, f in words[1:])
    ):
        core = words[0][0]  # 瑞贝卡发制品: the name, then what it makes
    if not 2 <= len(core) <= 4 or not _CJK.fullmatch(core) or core == label:
        return None
    if any(core[:n] in divisions.full or core[:n] in divisions.short for n in range(2, 5)):
        return None
    china = (
        core.startswith("中国") and len(core) == 4 and not lex.is_common_word(core[2:], _FREQUENT)
    )
    if (lex.country_re.match(core) and not china) or core in lex.generic_words:
        return None  # (中国一拖 of 中国一拖集团有限公司: China and a coined name is the name)
    words = lex.pos_cut(core)
    if any(len(w) > 1 for w, _f in words) and all(
        lex.is_common_word(w, _FREQUENT) and f not in _NAME_TAGS for w, f in words
    ):
        # 野生蜂蜜, 物业: common words say what is sold (许继: characters coined; 海信: a name)
        return None
    if (lex.word_tag(core) or "").startswith("ns"):
        return None  # 千岛湖: a place jieba knows, whatever company is named after it
    return core


# jieba's tags of a word that names (瑞贝卡 nr, 宇通 nz).
_NAME_TAGS = frozenset({"nr", "nz", "nrt", "j"})


def _names(words: str, lex: Lexicon) -> bool:
    """True when ``words`` begin with a name: a word jieba tags as one (宇通), or two
    characters it knows only apart, a coined name (茗悦 of 茗悦茶饮)."""
    cut = lex.pos_cut(words)
    if cut[0][1] in _NAME_TAGS:
        return True
    return (
        len(cut) >= 2
        and len(cut[0][0]) == len(cut[1][0]) == 1
        and not lex.is_known_word(words[:2])
        and cut[0][1] != "m"
    )


def province_name(name: str, lex: Lexicon) -> bool:
    """True when ``name`` is a province-level division's name or short form (河南, 新疆)."""
    codes = lex.divisions.codes_named(name)
    return any(c.endswith("0000") for c in codes)


# How often a word is in the segmenter's dictionary to be a word of its own (物业: 239), not
# only a company's name (佳能: 36).
_FREQUENT = 100


def _by_trade_name(items: list[tuple[str, T]], lex: Lexicon) -> dict[str, set[T]]:
    """What each trade name stands for among ``items`` (label, what it names)."""
    owners: dict[str, set[T]] = {}
    for label, item in items:
        name = trade_name(label, lex)
        if name is not None:
            owners.setdefault(name, set()).add(item)
    return owners


def registered_names(labels: list[str], lex: Lexicon) -> dict[str, str]:
    """Names among ``labels`` that are another one's trade name and a legal form (比亚迪集团,
    蔚来公司), to that registered name, where only one company has that trade name."""
    owners = _by_trade_name([(label, label) for label in labels], lex)
    out = {}
    for label in labels:
        form = _FORM_AFTER.search(label)
        if form is None or form.end() != len(label) or label in out:
            continue
        full = owners.get(label[: form.start()], set()) - {label}
        if len(full) == 1:
            out[label] = next(iter(full))
    return out


def trade_name_mentions(
    norm: str, companies: list[tuple[int, int, Entity]], taken: Spans, lex: Lexicon
) -> list[tuple[int, int, Entity]]:
    """Where the trade names of ``companies`` (named in full in the article) stand for them
    outside ``taken`` and book titles: whole words to the segmenter, with any industry word
    and legal form written after them (蔚来汽车, 比亚迪公司). A trade name two companies share is read for
    neither."""
    owners = _by_trade_name([(company.label, company) for _s, _e, company in companies], lex)
    out: list[tuple[int, int, Entity]] = []
    books = book_titles(norm)
    for name, found in owners.items():
        if len(found) != 1:
            continue
        company = next(iter(found))
        for m in re.finditer(re.escape(name), norm):
            start, end = m.span()
            while True:
                word = next((w for w in lex.industry_words if norm.startswith(w, end)), None)
                if word is None:
                    break
                end += len(word)
            form = _FORM_AFTER.match(norm, end)
            if form is not None:
                end = form.end()
            if (
                taken.overlaps(start, end)
                or books.overlaps(start, end)
                or not (
                    cut_at_both_ends(norm, start, m.end(), lex)
                    or (end > m.end() and cut_at_both_ends(norm, start, end, lex))
                )  # (许继集团: one word to the segmenter, the trade name and the form)
                or noun_after(norm, end, lex, _NOUNS)
            ):
                continue  # 《…蜂蜜输华议定书》: a title's words; 华润置地: another company
            out.append((start, end, company))
    return sorted(out, key=lambda x: x[0])
