"""Words next to a place's short form that make it part of another name: a person's name
after a title or a surname (市长王乐平), a company's trade name (云南红塔…有限公司); a stop
word inside a name of the dictionary (外商投资); the industry words of a registered name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon

__all__ = [
    "INSTITUTE_HEAD",
    "credited_after",
    "kind_words_only",
    "name_across",
    "noun_ending",
    "opens_company",
    "person_before",
    "surname_first",
]


# An institute's head, whose field of work may end in a verb (规划设计研究院, 勘探开发研究院).
INSTITUTE_HEAD = re.compile(r"研究院|研究所|设计院|研究中心")


# Common one-character surnames (prepositions such as 于, 向 left out), and the titles and
# roles written right before a person's name in news.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严"
    "覃武戴莫孔汤盛卞庞焦葛鲁俞蒲喻"
)
_PERSON_TITLE = re.compile(
    r"(?:书记|主任|局长|市长|县长|区长|省长|院长|校长|教授|记者|委员|代表|技师|经理|董事长|部长"
    r"|厅长|处长|科长|村民|老人|女士|先生|同志|专家|医生|主席|总裁|队长|站长|所长|干部"
    r"|署长|司长|社长|台长|行长|秘书长|大使|参赞|领事|发言人)$"
)


def person_before(norm: str, start: int) -> bool:
    """True when a surname stands right before ``start`` after a title, a role or a clause
    mark (市长王乐平, 、盛玉林): the short form is the rest of a person's name."""
    if start < 1 or norm[start - 1] not in _SURNAMES:
        return False
    before = start - 1
    return (
        before == 0
        or not ("\u4e00" <= norm[before - 1] <= "\u9fff")
        or _PERSON_TITLE.search(norm, max(0, before - 3), before) is not None
    )


# A photographer's or a reporter's credit after a name (许昌亮摄, 许昌亮摄影报道, 李汉中摄).
_CREDIT = re.compile(r"[\u4e00-\u9fff]{1,2}?(?:摄影?|供图|绘图)(?:报道)?(?:[()（）\s，,。]|$)")


def credited_after(norm: str, end: int) -> bool:
    """True when the place's short form ending at ``end`` begins the name of a person whose
    photograph or drawing is credited (许昌亮摄影报道): a given name, then 摄."""
    return _CREDIT.match(norm, end) is not None


def surname_first(text: str) -> bool:
    """True when ``text`` could be a person's name of two or three characters (刘波平):
    it begins with a common surname."""
    return 2 <= len(text) <= 3 and text[0] in _SURNAMES


# A company's legal form close after the words (红塔包装实业有限责任公司).
_COMPANY_AHEAD = re.compile(
    r"(?:[\u4e00-\u9fff]|\([\u4e00-\u9fff]{1,4}\)){1,14}?(?:有限责任公司|有限公司|股份公司)"
)  # (…矿业(集团)有限责任公司)


def opens_company(norm: str, end: int) -> bool:
    """True when the words from ``end`` run on to a company's legal form (…包装实业有限责任公司)."""
    return _COMPANY_AHEAD.match(norm, end) is not None


def noun_ending(norm: str, s: int, word: str, lex: Lexicon) -> int:
    """The length of a name or an abbreviation of the dictionary (nz, nt, j) longer than the
    stop word ``word`` that ends at ``s`` (外商投资 over 投资), or that holds it and goes on past
    ``s`` (通用汽车 over 用), or 0; not an adverb and its verb that the dictionary tags so
    (全面推广)."""
    for k in range(len(word) + 1, len(word) + 4):
        if s - k >= 0 and lex.word_tag(norm[s - k : s]) in ("nz", "nt", "j"):
            return 0 if norm[s - k : s - len(word)] in _MANNER else k
    return name_across(norm, s, word, lex)


def name_across(norm: str, s: int, word: str, lex: Lexicon) -> int:
    """How far back a company's or a brand's name of the dictionary (nz, nt) begins that holds
    the stop word ``word`` ending at ``s`` and goes on past it (通用汽车 over 用, 中国建设银行
    over 建设), or 0."""
    for k in range(len(word), len(word) + 3):
        for after in (2, 1):
            if s - k >= 0 and lex.word_tag(norm[s - k : s + after]) in ("nz", "nt"):
                return k
    return 0


# Adverbs of manner the dictionary writes together with their verbs (全面推广, 充分发挥).
_MANNER = frozenset(
    {"充分", "全力", "全面", "大力", "积极", "加快", "持续", "不断", "深入", "切实"}
)


def kind_words_only(core: str, lex: Lexicon) -> bool:
    """True when the words before a company's legal form only say its trade and kind
    (集团股份, 体育用品集团): the industry words of registered names, 股份."""
    while core:
        word = next((w for w in (*lex.industry_words, "股份") if core.endswith(w)), None)
        if word is None:
            return False
        core = core[: -len(word)]
    return True
