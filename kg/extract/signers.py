"""The bodies that may sign in a stretch of a sentence (not witnesses or guests, not the
source of a report, a dateline's paper, a speaker's body or a leader's title), the words
that tell a signing not made (not yet, to come, negotiated or put to a vote), and the label
of a generic text after its signers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kg.extract import lookups
from kg.extract.agreements import SIGN_RE
from kg.extract.builder import Found
from kg.extract.governments import clause_start
from kg.extract.org_starts import SUBSIDIARY
from kg.records import Entity

__all__ = [
    "STATE_LEADER",
    "also_signed",
    "without_other_counterparts",
    "bodies_in",
    "generic_label",
    "negotiated",
    "source_spans",
    "unsigned",
    "witness_spans",
]

# 在A和B见证下 / A、B领导出席: bodies named there witness the signing, they do not sign;
# A代表团访问B期间: the visit is when (双方签署 after it: those who visit and are visited).
_NOT_SIGNING = re.compile(
    r"见证|出席|主持|致辞|陪同|会见|见签|指导|支持下|推动下|促成|牵线|协调下|斡旋|调停|期间(?=[,，])"
)
_WITNESS = re.compile(r"见证|见签")
# 据《X报》5日报道, 据X消息, 记者从X获悉: the source of a report.
_SOURCE = re.compile(
    r"据[^，,。；;]{1,30}?(?:报道|消息|披露)|从[^，,。；;]{1,30}?(?:获悉|了解到|得知)"
)

# 国务院副总理: a leader of the state, who signs for its government, not for the body his
# title names.
STATE_LEADER = re.compile(r"副?总理|国务委员|副?主席|副?总统|首相|外长")
# 新华社北京1月29日电, 湖南日报12月3日讯, 人民日报东京电 （…）: the agency or paper of a
# dateline.
_DATELINE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日[电讯]|[\u4e00-\u9fff]{1,6}?[电讯](?=[\s（(])"
)
# 新华社记者, 光明日报报道, 盘锦市公安局供图: who reports or took the picture, not who signs.
_SOURCE_AFTER = re.compile(
    r"[》”]?(?:记者|报道|消息|供图|摄|讯|电|援引|发布|网站|官网|客户端|(?:报告|研究|调查|分析)(?:认为|指出|显示|称))"
)
# 某大学经济学部教授…告诉本报记者, 外交部发言人某某7日在答记者问时表示: a person of the body speaks about
# the signing; the body does not sign.
_SPEAKER_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:教授|研究员|专家|学者|负责人|主任|院长|所长|局长|厅长|经理|董事长|主席|官员"
    r"|发言人|秘书长|特别代表|特使)[\u4e00-\u9fff·\d、]{0,40}?(?:告诉|表示|说|认为|指出|介绍|称|透露|分析|宣布)"
)


# 加入亚投行, 退出…: a body joined or left, not a signer.
_JOINED = ("加入", "加入了", "退出")


def _leader_of_state(norm: str, end: int) -> bool:
    """True when a leader of the state is written after the body ending at ``end`` (the
    chairman of a people's committee or of a region's government, 越南谅山省人民委员会主席,
    滨海边疆区政府副主席, signs for the body)."""
    leader = STATE_LEADER.match(norm, end)
    return leader is not None and not (
        leader.group().endswith("主席") and norm.endswith(("委员会", "政府"), 0, end)
    )  # (滨海边疆区政府副主席: a region's government's vice-chair signs for it)


def _in_brackets(norm: str, lo: int, pos: int) -> bool:
    """True when ``pos`` lies inside an open bracket begun at or after ``lo``."""
    opened = max(norm.rfind("(", lo, pos), norm.rfind("（", lo, pos))
    closed = max(norm.rfind(")", lo, pos), norm.rfind("）", lo, pos))
    return opened > closed


_CLAUSE_SEP = frozenset(",，;；:：")


def witness_spans(
    norm: str, ss: int, se: int, witnesses_only: bool = False
) -> list[tuple[int, int]]:
    """Stretches of a sentence that name witnesses or guests: the clause of 见证/出席 up to
    the word (在A和B共同见证下, A负责人出席仪式). ``witnesses_only``: only 见证 (in a
    sentence before 双方签署, those who attend are the parties)."""
    out = []
    for m in (_WITNESS if witnesses_only else _NOT_SIGNING).finditer(norm, ss, se):
        k = m.start()
        while k > ss and norm[k - 1] not in _CLAUSE_SEP:
            k -= 1
        # A与B签署的《T》已促成…: the words after the signing verb, not its signers
        k = max([k] + [v.end() for v in SIGN_RE.finditer(norm, k, m.start())])
        if m.group() == "期间":
            # A协会在大会期间，…与B签署: the subject before 在…期间 signs (not 普京访华期间)
            k = max(k, norm.rfind("在", k, m.start()))
        # 在A见证下，B与C签署: the clause opens with 在 / the witnesses come right before
        out.append((k, m.end()))
    if not witnesses_only:
        out += source_spans(norm, ss, se)
    return out


def source_spans(norm: str, ss: int, se: int) -> list[tuple[int, int]]:
    """The clauses that name the source of a report (据《海湾日报》5日报道): the newspaper does
    not sign, and the day is the report's."""
    return [m.span() for m in _SOURCE.finditer(norm, ss, se)]


def bodies_in(
    f: Found, lo: int, hi: int, skip: list[tuple[int, int]], speakers: bool = False
) -> list[Entity]:
    """The bodies that may sign, named in ``norm[lo:hi]`` outside ``skip``, in text order:
    agencies and organisations (a company, a university, a broadcaster); with ``speakers``,
    those whose people speak too (A和B负责人介绍…。双方签署: those present)."""
    starts, found = lookups.bodies(f)
    norm = f.norm
    span = found[bisect_left(starts, lo) : bisect_right(starts, hi)]
    # 中国建设银行湖南省分行: the parent written right before its unit; the unit signs
    units = {start for start, _end, _e in span}
    return [
        e
        for start, end, e in span
        if not (end in units and any(s == end and u.label.startswith(e.label) for s, _t, u in span))
        and lo <= start
        and end <= hi
        and not any(s <= start < t for s, t in skip)
        and not _SOURCE_AFTER.match(norm, end)
        and not _leader_of_state(norm, end)
        and (speakers or not _SPEAKER_AFTER.match(norm, end))
        and not _DATELINE_AFTER.match(norm, end)
        and not (start > 0 and norm[start - 1] == "据")
        and not norm.endswith(_JOINED, 0, start)
        and not _in_brackets(norm, lo, start)
        and not _parent_of(norm, end, units)
        and not (start > 0 and norm[start - 1] == "在" and _HELD_AFTER.match(norm, end))
    ]


# 在西安交通大学签署: the body is where the signing is held, not a signer.
_HELD_AFTER = re.compile(r"(?:正式|共同)?(?:签署|签订|签约|举行)")


# 中国五矿旗下的五矿盐湖有限公司: the parent of the body written after it.
_PARENT_OF = re.compile("(?:" + SUBSIDIARY.pattern + "|控股)的?")


def _parent_of(norm: str, end: int, starts: set[int]) -> bool:
    """True when the body ending at ``end`` is only the parent of one named right after it
    (旗下的, 下属的): the unit signs."""
    m = _PARENT_OF.match(norm, end)
    return m is not None and m.end() in starts


# A clause after a signing that adds a signer (…，C也参与签约 / C也在协议上签字).
_ALSO_SIGNED = re.compile(
    r"(?:也|亦|同时)(?:参与|参加)了?(?:签约|签署|签字)|(?:也|亦)在(?:协议|备忘录|合同)?书?上签字"
)


def also_signed(f: Found, lo: int, se: int, skip: list[tuple[int, int]]) -> list[Entity]:
    """The bodies of a clause after ``lo`` that says they signed too (…签署《T》，C也参与签约)."""
    norm = f.norm
    m = _ALSO_SIGNED.search(norm, lo, se)
    if m is None:
        return []
    start = max(lo, *(norm.rfind(c, lo, m.start()) + 1 for c in "，,；;"))
    return bodies_in(f, start, m.start(), skip)


# A clause that opens on a joiner (…，就与A成立实验室，): A is the counterpart of what it says.
_JOINED_CLAUSE = re.compile(r"(?:就|还|并|又|也|先后|分别)?[与同和跟]")


def without_other_counterparts(f: Found, parties: list[Entity], ss: int, verb: int) -> list[Entity]:
    """``parties`` less the bodies joined to the subject in earlier clauses that sign nothing,
    when the verb's own clause opens on a joiner (A…与某大学共建实验室，与B、C签署…: the
    university only set up the laboratory; A signs)."""
    norm, others = f.norm, set()
    vc = clause_start(norm, ss, verb)
    if not _JOINED_CLAUSE.match(norm, vc):
        return parties
    body_starts, _found = lookups.bodies(f)
    clauses = [ss] + [k + 1 for k in range(ss, vc) if norm[k] in "，,；;"]
    for a, b in zip(clauses, [*clauses[1:], vc], strict=True):
        if SIGN_RE.search(norm, a, b):
            continue
        inside = body_starts[bisect_right(body_starts, a) : bisect_left(body_starts, b)]
        joined = [s for s in inside if norm[s - 1] in "与同和跟"]
        if joined:
            others.update(bodies_in(f, joined[0], b, []))
    return [e for e in parties if e not in others]


# Words of a text still negotiated before its title (继续磋商《…》): nobody signs it there.
_NEGOTIATED = re.compile(r"(?:磋商|谈判|商谈|协商|商签|研究)[^,，。;；]{0,4}$")
# Words of a signed text put to a vote (提请审议批准《…》的议案): its title names its parties.
_RATIFIED = re.compile(r"(?:审议|批准)[^,，。;；]{0,4}$")


def negotiated(norm: str, lo: int, title: int) -> str | None:
    """``"negotiated"`` when the words before a title from ``lo`` tell of it being
    negotiated, ``"ratified"`` when they put it to a vote, else None."""
    if _NEGOTIATED.search(norm, lo, title):
        return "negotiated"
    return "ratified" if _RATIFIED.search(norm, lo, title) else None


# 尚未签署 / 将于下月签署 / 同意尽早签署 / 拟签署: an agreement not (yet) signed.
# (未 of 未来, 将 of 将军, 待 of 接待, 愿 of 愿景, 应 of 应用 / 供应 are no such words)
_UNSIGNED = re.compile(
    r"(?:尚未|未能|未(?![来必])|没有|将于|将(?![军领士])|拟于|拟|有望|计划|准备|尽早|尽快|争取|加快|期待"
    r"|年内|年底前|早日|力争"
    r"|希望|同意|推动|促成|愿意|愿(?![景望])|即将|正在|商签|适时|(?<![接招款等])待(?![遇客命])|应当|应先"
    r"|(?<![供适响对相反效回呼])应(?![用对急变])|寻求|暂缓|推迟|谈判|磋商|有待"
    r"|拒绝|退出|不再|是否)[^,，。;；]{0,6}$"
)
# A visit or a meeting to come, told before the signing in its sentence (将于本月访问…).
_TO_COME = re.compile(r"将于|拟于|定于|计划于")


def unsigned(f: Found, ss: int, verb: int) -> bool:
    """True when a word before the verb says the signing has not happened (尚未签署), or the
    sentence tells of a visit to come (将于…访问，与…签署); not a word inside a body's name
    (老挝计划投资部签署)."""
    m = _UNSIGNED.search(f.norm, max(ss, verb - 8), verb)
    if m is None and not f.norm.startswith("了", verb + 2):
        m = _TO_COME.search(f.norm, ss, verb)
    while m is not None and (
        lookups.agency_spans(f).covers(m.start()) or lookups.organization_spans(f).covers(m.start())
    ):
        m = _UNSIGNED.search(f.norm, m.start() + 1, verb)
    return m is not None


def generic_label(parties: list[Entity], title: str) -> str:
    """签署战略合作框架协议 between A and B is 《A与B战略合作框架协议》."""
    names = [p.label for p in parties]
    if title.startswith("政府间") and all(n.endswith("政府") for n in names):
        names = [n[:-2] for n in names]  # 中国与俄罗斯政府间…协定, not 中国政府与俄罗斯政府政府间…
        # 中尼 and 尼中 sign one text: China first, as its own documents write it
        names.sort(key=lambda n: n != "中国")
    joined = names[0] if len(names) == 1 else "、".join(names[:-1]) + "与" + names[-1]
    return joined + title
