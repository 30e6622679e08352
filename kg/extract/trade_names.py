"""Companies named again by their trade name: 蔚来 after 蔚来汽车科技(安徽)有限公司, 比亚迪 after
比亚迪股份有限公司 (a registered name is trade name + industry + legal form)."""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.spans import Spans, book_titles
from kg.records import Entity

__all__ = ["registered_names", "trade_name", "trade_name_mentions"]

# The legal form that ends a company's registered name.
_LEGAL_FORM = re.compile(
    r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|集团)$"
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
    its own: two to four characters that begin with no place or country and are no common
    word (宁德时代 begins with the city of 宁德, 国家电网 with a common word: neither is read)."""
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
    if not 2 <= len(core) <= 4 or not _CJK.fullmatch(core) or core == label:
        return None
    divisions = lex.divisions
    if any(core[:n] in divisions.full or core[:n] in divisions.short for n in range(2, 5)):
        return None
    if lex.country_re.match(core) or core in lex.generic_words or lex.is_common_word(core):
        return None
    freq = lex.tokenizer().FREQ
    if all(
        lex.is_common_word(w) or (not f.startswith("nr") and freq.get(w, 0) >= _FREQUENT)
        for w, f in lex.pos_cut(core)
    ):
        return None  # 野生蜂蜜: common words in a row say what is sold, not who sells it
    tag = lex.word_tag(core) or ""
    if tag.startswith("ns") or (not tag.startswith("nr") and freq.get(core, 0) >= _FREQUENT):
        return None  # 千岛湖 (a lake), 物业 (property): a place or a word, not only a name
    return core


# How often a word is in the segmenter's dictionary to be a word of its own (物业: 239), not
# only a company's name (佳能: 36).
_FREQUENT = 100


def registered_names(labels: list[str], lex: Lexicon) -> dict[str, str]:
    """Names among ``labels`` that are another one's trade name and a legal form (比亚迪集团,
    蔚来公司), to that registered name, where only one company has that trade name."""
    owners: dict[str, set[str]] = {}
    for label in labels:
        name = trade_name(label, lex)
        if name is not None:
            owners.setdefault(name, set()).add(label)
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
    outside ``taken`` and book titles: whole words to the segmenter, with any industry word and legal form
    written after them (蔚来汽车, 比亚迪公司). A trade name two companies share is read for
    neither."""
    owners: dict[str, set[Entity]] = {}
    for _s, _e, company in companies:
        name = trade_name(company.label, lex)
        if name is not None:
            owners.setdefault(name, set()).add(company)
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
            after = lex.pos_cut(norm[end : end + 4])[:1]
            if (
                taken.overlaps(start, end)
                or books.overlaps(start, end)
                or not _stands(norm, start, m.end(), lex)
                or (after and len(after[0][0]) >= 2 and after[0][1] in _NOUNS)
            ):
                continue  # 《…蜂蜜输华议定书》: a title's words; 华润置地: another company
            out.append((start, end, company))
    return sorted(out, key=lambda x: x[0])


def _stands(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the segmenter cuts the text at both ends of ``norm[start:end]``."""
    lo = max(0, start - 3)
    cuts, k = set(), lo
    for word, _flag in lex.pos_cut(norm[lo : end + 3]):
        cuts.add(k)
        k += len(word)
    return (start == lo or start in cuts) and (end in cuts or end == k)
