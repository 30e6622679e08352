"""Whether the words before a head hold a proper name (a place, a person, a rare word)."""

from __future__ import annotations

from kg.extract.lexicon import Lexicon

__all__ = ["PROPER_FLAGS", "common_word", "has_proper_word"]

# jieba flags of proper names: places, persons, other proper nouns, organisations and
# abbreviations (渝, 沪, 京沪); Latin letters count only with a digit (CODE).
PROPER_FLAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})


# A word this rare in jieba's dictionary is taken as part of a name (大鱼海棠, 果园港).
_RARE = 500


def has_proper_word(
    core: str,
    lex: Lexicon,
    names: frozenset[str] = frozenset(),
    rare: bool = True,
    terms: bool = True,
    verb_singles: bool = True,
) -> bool:
    """True when the words before a head include a proper name: a word jieba tags as a
    place, person, organisation, abbreviation of places or (unless ``terms`` is off) other
    proper noun; a rare word (when ``rare``); a name the article gives a place (天府 of
    天府新区); or single characters in a row (a name jieba does not know: 鱼复, 成达万), not
    morphemes that jieba only tags as such (组展: 组 + 展); ``verb_singles`` off: the run
    begins with a noun or an adjective (鱼复, 古雷), not a verb, a function word or a suffix (是要把握, 们去小)."""
    if any(n in core for n in names):
        return True
    singles = 0
    first_single = False
    freq = lex.tokenizer().FREQ
    for i, (word, flag) in enumerate(lex.pos_cut(core)):
        if flag == "j" and not all(c in lex.province_abbreviations or c == "中" for c in word):
            flag = "n"  # 家电, 环保, 光伏: abbreviations of common nouns, not of places
        if flag == "nz" and not terms:
            continue  # 自由贸易: jieba's "other proper noun" covers terms too
        if word in lex.generic_words:
            flag = "n"  # 城市 (ns), 智慧 (nr): a generic word, whatever jieba tags it
        if flag in PROPER_FLAGS or (rare and len(word) >= 2 and freq.get(word, 0) < _RARE):
            return True
        single = (
            len(word) == 1
            and "\u4e00" <= word <= "\u9fff"
            and flag != "zg"
            and (verb_singles or singles > 0 or flag[:1] in ("n", "j", "a"))
        )
        if i == 1 and flag == "ng" and len(word) == 1 and first_single:
            return True  # 磨憨 (磨 + 憨): a bound morpheme after the first character, a name
        first_single = i == 0 and len(word) == 1 and "\u4e00" <= word <= "\u9fff"
        singles = singles + 1 if single else 0
        if singles >= 2:
            return True
    return False


# How often a word is in the segmenter's dictionary to be a common word (很多, 代表, 当地).
_COMMON = 1000
# Tags of words that name a place or a person, however often they are written.
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz"})


def common_word(word: str, flag: str, lex: Lexicon) -> bool:
    """True for a word of two characters or more that the segmenter's dictionary holds
    often and does not tag as a name (很多, 代表, 当地): a word of a clause, not of a name."""
    return (
        len(word) >= 2 and flag not in _NAME_TAGS and lex.tokenizer().FREQ.get(word, 0) >= _COMMON
    )
