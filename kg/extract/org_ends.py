"""Where an organisation's name may end: its suffix (大学, 有限公司, 分行, 中学)."""

from __future__ import annotations

import re

from kg.extract.known_orgs import BRANCH_AFTER, SIGNER_SUFFIX, SIGNS_AFTER, bank_before
from kg.extract.lexicon import Lexicon
from kg.extract.sign_words import SIGNERS_LISTED

__all__ = ["suffixes"]

# The signers listed after the signing (签约方为A和B分行): a short suffix there ends a name.
_LISTED_BEFORE = re.compile(SIGNERS_LISTED.pattern + r"[^。；;！？]*$")


# Suffixes read only where the body signs or is listed among the signers: a company's short
# one (公司, 集团), a bank's (银行, 分行), a school's (中学, 小学, 学校, 幼儿园), an alliance's or
# a council's, a museum's, a library's, a theatre's or an orchestra's: kinds written so often
# on their own that a name is read only where it signs.
_SHORT_SUFFIX = re.compile(
    SIGNER_SUFFIX.pattern
    + r"|中学|小学|学校|幼儿园|联盟|理事会"
    + r"|博物馆|图书馆|美术馆|纪念馆|档案馆|科技馆|资料馆|剧院|乐团"
)
# A centre the state set up in a place, named after both (中国(广州)知识产权保护中心): read
# where it signs, as other centres are too often works or kinds.
_CENTRE = re.compile(r"中心")
_CENTRE_BEFORE = re.compile(r"中国\([\u4e00-\u9fff]{2,4}\)[\u4e00-\u9fff]{2,12}$")
_TITLE_AFTER = re.compile(r"院长(?![期远久效足达])")  # 医疗院长: 医疗 + 院长 (not 学院长期)
# A company's branch in a place, after the company's name (…公司湖北分公司).
_COMPANY_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,4}?分公司")
# A centre of exchange or promotion (…交流中心, …交流合作中心, …产业促进中心): a body that
# holds exchanges, read where it signs (a centre of other kinds is as often a building).
_EXCHANGE_CENTRE = re.compile(r"交流(?:合作)?中心|促进中心")
# A state's national agency abroad, named with its state (日本科学技术振兴机构): read where it
# signs, as 机构 alone is a kind (相关机构, 金融机构).
_AGENCY = re.compile(r"机构")
_STATE_NAME_BEFORE = 14


def suffixes(norm: str, lex: Lexicon) -> list[re.Match[str]]:
    """The suffixes that end an organisation's name: those of the lexicon anywhere (but a
    title's 院长), a company's or a school's short suffix where the body signs or is listed
    among the signers, a bank's 分行 after its name and place."""
    found = [
        m for m in lex.org_suffix_re.finditer(norm) if not _TITLE_AFTER.match(norm, m.end() - 1)
    ]
    ends = {m.end() for m in found}
    for m in _SHORT_SUFFIX.finditer(norm):
        if m.end() not in ends and (
            SIGNS_AFTER.match(norm, m.end())
            or bank_before(norm, m.start(), lex)
            or BRANCH_AFTER.match(norm, m.end())
            or _signing_branch(norm, m)
            or _LISTED_BEFORE.search(norm, max(0, m.start() - 60), m.start())
        ):
            found.append(m)
    # 中国(广州)知识产权保护中心与…签署, 与日本科学技术振兴机构、…签订, 厦门海峡航运交流中心在…签署
    for suffix, named_before in (
        (_CENTRE, _centre_before),
        (_AGENCY, _abroad_before),
        (_EXCHANGE_CENTRE, _anything_before),
    ):
        for m in suffix.finditer(norm):
            if (
                m.end() not in ends
                and SIGNS_AFTER.match(norm, m.end())
                and named_before(norm, m.start(), lex)
            ):
                found.append(m)
    found.sort(key=lambda m: m.start())
    return found


def _signing_branch(norm: str, m: re.Match[str]) -> bool:
    """True when a company's 公司 is followed by its branch in a place, which signs
    (中国出口信用保险公司湖北分公司与…签署)."""
    branch = _COMPANY_BRANCH.match(norm, m.end()) if m.group().endswith("公司") else None
    return branch is not None and SIGNS_AFTER.match(norm, branch.end()) is not None


def _anything_before(_norm: str, _at: int, _lex: Lexicon) -> bool:
    """True: what is named before the suffix is judged as any organisation's name is."""
    return True


def _centre_before(norm: str, at: int, _lex: Lexicon) -> bool:
    """True when China and a place in brackets open the name before the 中心 at ``at``."""
    return _CENTRE_BEFORE.search(norm, max(0, at - 20), at) is not None


def _abroad_before(norm: str, at: int, lex: Lexicon) -> bool:
    """True when a state other than China is named in the Han characters right before ``at``,
    at most :data:`_STATE_NAME_BEFORE` of them, with five or more after it (美国相关机构,
    美国金融监管机构: a kind)."""
    lo = at
    while lo > max(0, at - _STATE_NAME_BEFORE) and "\u4e00" <= norm[lo - 1] <= "\u9fff":
        lo -= 1
    return any(
        m.end() <= at - 5 and lex.country_names[m.group()] != "CN"
        for m in lex.country_re.finditer(norm, lo, at)
    )
