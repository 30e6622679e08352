"""Who signs an agreement and when: parties and signing dates, read from the sentence that
signs it (and the sentences before it)."""

from __future__ import annotations

import datetime
import re
from contextlib import suppress
from operator import itemgetter

from kg.extract import lookups
from kg.extract.agreements import SIGN_RE, AgreementHit
from kg.extract.builder import Builder, Found, country_entity, entity
from kg.extract.bundles import many_signings
from kg.extract.clauses import (
    after_semicolon,
    before_semicolon,
    clause_end,
    counted_object,
    in_motion,
    other_act,
    own_clause,
)
from kg.extract.collectives import collective_counterpart, collective_parties, title_sides
from kg.extract.dates import DateHit, complete_date
from kg.extract.governments import (
    clause_start,
    government,
    governments_in,
    subject_end,
    title_states,
)
from kg.extract.numerals import small_cn_number
from kg.extract.referents import counterpart, referred_counterpart, referred_subject, spans_of
from kg.extract.respective import pair_of_title, pairs_written, respective_pairs
from kg.extract.respective import signers_after_titles as signed_in_order
from kg.extract.sign_words import SIGN_VERBS, SIGNERS_LISTED
from kg.extract.signers import (
    STATE_LEADER,
    also_signed,
    bodies_in,
    generic_label,
    negotiated,
    source_spans,
    unsigned,
    without_other_counterparts,
    witness_spans,
)
from kg.extract.signers_told import CEREMONY, signers_told_after, signers_told_next
from kg.extract.signing_dates import (
    HELD_ANOTHER_DAY,
    IN_FORCE,
    NEXT_DAY,
    OTHER_DAY,
    SAME_DAY,
    THAT_DAY,
    after_dated_event,
    ceremony_date,
    event_relative_day,
    following_day,
    held_before,
    in_range,
    other_day_before,
    partial_date,
    relative_day,
    same_day_before,
)
from kg.records import DateValue, Entity, Span

__all__ = ["relate_signing"]

# Between titles signed together: nothing, 、, 和, 及, 以及.
_IN_A_ROW = re.compile(r"[、,，]?(?:和|及|以及|与)?")
# A clause that opens with these and a day or an adverb has no subject of its own.
_NO_SUBJECT = re.compile(r"(?:并|同时|随后|此外|另外|其后|之后)?")
# 《T》由…: the signers written after the title.
_BY_AFTER_TITLE = re.compile(r"[，,]?(?:已|则|还|也|均|是)?由")


def _no_subject(norm: str, lo: int, verb: int) -> bool:
    """True when the clause of the verb begins after ``lo`` and holds nothing before the
    verb but a day or an adverb (，18日又签署了…, ，并签署了…)."""
    cs = clause_start(norm, lo, verb)
    if cs <= lo:
        return False
    k = _NO_SUBJECT.match(norm, cs).end()
    return subject_end(norm, k, verb) == k


# ，与C签署…: the subject of the clause before signs again.
_ELIDED = re.compile(r"[》”]?[,，、;；]?(?:还|又|并|也)?(?:分别)?与")


# 发布会上 / 记者会上: the day a signing is announced, not the day of the signing.
_ANNOUNCED = re.compile(r"发布会|记者会|吹风会|通气会|宣布|透露|获悉|通报|介绍|答记者问")
# A remark on a signing (中方对…签署…表示欢迎): its day before the verb is the remark's.
_REMARK = re.compile(r"表示|欢迎")
# 双方对续签《T》表示欢迎: a signing welcomed, on a day the text does not give.
_WELCOMED = re.compile(r"对[^,，。;；]{0,8}(?:签署|签订|续签)[^,，。;；]*表示(?:欢迎|祝贺)")
_ALREADY = re.compile(r"已经?(?:正式|成功|共同)?$")
# 拟与多家企业签署, 将于下月与B签署: an intention told before the counterpart (see unsigned).
_INTENDED_WITH = re.compile(
    r"(?:拟|将|计划|准备|有望|即将|打算|希望|愿意?)(?:于[^,，。;；与同和]{1,8})?(?:与|同|和)"
    r"[^,，。;；]{1,24}$"
    # 推动以色列与阿联酋签署: others pushed or urged to sign
    r"|(?:推动|敦促|呼吁|促使|鼓励)[^,，。;；]{1,16}?(?:与|同|和)[^,，。;；]{1,16}$"
)
# 签署以来, 签署至今: the time since a signing the text refers to.
_EVER_SINCE = re.compile(r"以来|至今")
# 签署…的计划被推迟 / 签署…一事暂缓: a signing put off.
_POSTPONED = re.compile(r"推迟|延期|暂缓|搁置|取消|未能|落空|的倡议|的建议|的提议")
# 签署25周年 / 签署以来: a signing referred to, not reported (an anniversary gives the year).
_TODAY = re.compile(r"今天|今日")
_COUNTERPART = re.compile(r"[\u4e00-\u9fff]{2}[与同跟][\u4e00-\u9fff]{2}")
_BUILT_IN_TITLE = re.compile(r"(?:共建|建设)(?=(?:合作)?(?:框架)?(?:协议|备忘录))")
_REFERENCED = re.compile(
    r"(?:为契机|以来|之后|生效|(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})周年)"
)


# The instrument that sets up a body, named after it (…银行协定, …组织章程).
_CHARTERS = ("协定", "章程", "公约", "宪章")
# 三方签署, 四方共同签署: how many sign, written right before the verb.
_DECLARED = re.compile(r"([两三四五六七八九])方(?:共同|正式|联合)?(?:在[^,，。;；]{1,10})?$")


def _declared(norm: str, lo: int, verb: int) -> int:
    """How many parties the words right before the verb say sign (三方签署: 3), else 0."""
    m = _DECLARED.search(norm, max(lo, verb - 16), verb)
    return (small_cn_number(m.group(1)) or 0) if m is not None else 0


def _dated(b: Builder, subjects: list[Entity], value: DateValue, span: Span) -> None:
    """The signing date of each agreement signed in one clause (分别与B、C签署)."""
    for subject in subjects:
        b.relate(subject, "signedOn", value, span)


# 与X签署: a counterpart is written before the verb, recognised or not.
_COUNTERPART_WRITTEN = re.compile(
    r"(?:与|(?<![共相不协如合一会连陪])同)[^,，。;；]{2,}?" + SIGN_VERBS
)


def _other_signer_written(norm: str, lo: int, hi: int) -> bool:
    """True when ``norm[lo:hi]`` writes who signs with 与/同 (与中国-东盟环保合作中心签署),
    unless those signing are leaders, who sign for their states (与国务院总理共同签署)."""
    m = _COUNTERPART_WRITTEN.search(norm, lo, hi)
    return m is not None and not STATE_LEADER.search(m.group())


def relate_signing(
    f: Found,
    t: AgreementHit,
    dates: list[DateHit],
    published: datetime.date | None,
    year_in_text: int | None,
) -> None:
    """Parties and signing date of an agreement, from the sentence that signs it."""
    norm, prep, b = f.norm, f.prep, f.b
    i = prep.sentence_at(t.title_start)
    ss, se = prep.bounds[i]
    sent_span = b.sentence_span(i)
    subject = entity("Agreement", t.label)
    verbs = [m.start() for m in SIGN_RE.finditer(norm, ss, se)]
    listed_after = SIGNERS_LISTED.match(norm, t.end + norm.startswith("的", t.end))
    if listed_after is not None and not any(t.end <= v <= listed_after.end() for v in verbs):
        verbs = sorted([*verbs, listed_after.start()])  # 《T》的签约方为A和B: signed by them
    if not any(v < t.start for v in verbs):
        # 落实好《议定书》，年底前签署某自贸协定: a verb right before another
        # title signs that one
        # (or after a semicolon, in a clause of its own: 加入《T》；…《T2》…缔结)
        others = [o.start for o in f.titles if o is not t]
        verbs = [
            v
            for v in verbs
            if not any(v < o <= v + 6 for o in others) and after_semicolon(norm, t.end, v) == t.end
        ]
    in_title = [
        f.agencies[k][1] for k in lookups.agency_spans(f).inside(t.title_start, t.title_end)
    ]
    in_title += [  # (…孔子学院共建协议, 合作建设孔子学院的协议, 援建…医院扩建项目协议: what is
        # built does not sign; 亚洲基础设施投资银行协定: the body a treaty sets up is none of
        # its parties)
        f.organizations[k][2]
        for k in lookups.organization_spans(f).inside(t.title_start, t.title_end)
        if not _BUILT_IN_TITLE.match(norm, f.organizations[k][1])
        and not norm.endswith(("建设", "共建", "援建", "新建", "扩建"), 0, f.organizations[k][0])
        and not (
            norm.startswith(_CHARTERS, f.organizations[k][1])
            and f.organizations[k][1] + 2 == t.title_end
        )
    ]
    talks = None if verbs else negotiated(norm, clause_start(norm, ss, t.start), t.start)
    if talks == "negotiated":
        return  # 继续磋商《…议定书》: not signed (yet), no parties
    if not verbs and (not in_title or talks == "ratified"):
        if not t.generic and not t.signed_only:
            # 《中俄睦邻友好合作条约》 named in passing: its title names its states
            for code in title_states(f, t):
                b.relate(
                    subject,
                    "party",
                    government(f, country_entity(code, f.lex), sent_span),
                    sent_span,
                )
        return
    # the verb that signs this title: the last one before it (A与B签署《T》), else the first
    # after it (《T》由A与B共同签署); not 签约仪式上 at the start, nor one before another title
    other = lookups.last_title_end(f, t, ss, t.start)
    before_title = [
        v
        for v in verbs
        if other < v < t.start
        and not own_clause(norm, v, t.start)
        and not other_act(norm, v, t.start)
    ]
    # (a verb after a semicolon tells of another clause: …加入《T》；2012年《T2》…缔结)
    after_title = [  # (…生效，中国与28个国家签署21个自贸协定: that verb signs its own texts)
        v
        for v in verbs
        if v >= t.end and after_semicolon(norm, t.end, v) == t.end and not counted_object(norm, v)
    ]
    if not before_title and not after_title and own_clause(norm, ss, t.start):
        return  # …签署…；2022年，中国加入《T》: signed by no verb of this sentence
    verb = before_title[-1] if before_title else (after_title[0] if after_title else t.start)
    if (
        after_title
        and after_title[0] - t.end <= 1
        and norm[t.end : after_title[0]] not in (",", "，", ";", "；")  # (…》，签约仪式…)
        and not norm.startswith(CEREMONY, after_title[0])
    ):
        # 《宪章》签署15周年，也是《条约》签署10周年: its own verb, right after it
        verb = after_title[0]
    elif before_title and after_title and _BY_AFTER_TITLE.match(norm, t.end):
        verb = after_title[0]  # 2023年签署的《T》由A和B签署: the signers after the title
    if verbs and (
        unsigned(f, ss, verb)
        or (verb < t.start and _INTENDED_WITH.search(norm, clause_start(norm, ss, verb), verb))
        or _POSTPONED.search(norm, max(verb, t.end), clause_end(norm, max(verb, t.end), se))
        # 签署…协议以前: a condition
        or (verb < t.start and norm.startswith(("以前", "之前"), t.end))
    ):
        return  # not signed (yet): no parties, no date; a generic title names nothing
    if in_motion(norm, ss, se, t):
        return  # 《关于与X签署…协议的议案》: a signing proposed, not made
    if verb >= t.end and _EVER_SINCE.match(norm, verb + 2):
        return  # 自《T》签署以来，两地…: a signing referred to, by signers it does not name
    if t.signed_only and not t.generic:
        if not verbs:
            return  # 《…行动计划》 that no one signs here is a plan
        b.mention(subject, t.title_start, t.title_end, t.basis)
        f.agreement_at.append((t.title_start, i, subject))
        f.agreement_at.sort(key=lambda x: x[0])
    if verbs and verb < t.start and many_signings(norm, clause_start(norm, ss, verb), verb):
        return  # 先后与A、B、C等市签订…: one text signed with each of them, no parties or date
    skip = witness_spans(norm, ss, se)
    # A与B签署《T1》，C与D签署《T2》: T2's parties are written after T1; in A与B签署《T1》，
    # 与C签署《T2》 A signs both
    lo = max(ss, lookups.last_title_end(f, t, ss, min(verb, t.start)))
    semi = after_semicolon(norm, lo, min(verb, t.start))
    own_signers = semi > lo and (  # (…；柬埔寨媒体另与老挝之声签署…: its own signers, known or not)
        bool(bodies_in(f, semi, min(verb, t.start), skip))
        or _COUNTERPART.search(norm, semi, min(verb, t.start)) is not None
    )
    if own_signers:
        lo = semi  # …签署的《项目投资协议》；C与D签署的《T》: the clause's own signers
    parties = bodies_in(f, lo, min(verb, t.start), skip)
    parties = without_other_counterparts(f, parties, ss, verb) if verb < t.start else parties
    if lo > ss and len(parties) < 2:
        before = [ps for si, ps in f.signed if si == i]
        if before and _ELIDED.match(norm, lo):
            parties = [before[-1][0], *parties]
        elif (
            before
            and not parties
            and (_IN_A_ROW.fullmatch(norm, lo, t.start) or _no_subject(norm, lo, verb))
        ):
            # 签署《T1》《T2》, 《T1》和《T2》, 《T1》，18日又签署了《T2》: the same signers
            parties = list(before[-1])
        elif not before and not own_signers:
            parties = bodies_in(f, ss, min(verb, t.start), skip)
    if verb >= t.end:
        parties += bodies_in(f, t.end, verb, skip)  # 《T》由A与B共同签署
        if len(parties) < 2:
            # 《T》由青岛、烟台…四市共同签署, 由四川省文旅厅与日本广岛县…签署: the places' governments
            govs = [gov for _at, gov in governments_in(f, t.end, verb, skip)]
            parties += [gov for gov in govs if gov not in parties]
        if not parties:
            parties = signers_told_after(f, verb, se, verbs, skip)  # …签署，协议由A与B签署
    listed = SIGNERS_LISTED.search(norm, max(verb, t.end), se)
    if listed is not None and (not parties or listed.group(1)):
        # 《T》正式签署, 签署了《T》, 签约单位包括A、B和C: the signers listed after it (签约方还有C:
        # besides those before the verb)
        parties += bodies_in(f, listed.end(), clause_end(norm, listed.end(), se), skip)
    parties += [e for e in also_signed(f, max(verb, t.end), se, skip) if e not in parties]
    parties = parties or signers_told_next(f, i, t.end)  # 《T》在西宁签署。签约双方为A和B
    titled = len(parties) < 2 and bool(in_title)  # 《X管理委员 Y管理委员共同…协议》
    parties = in_title if titled else parties
    if (
        (len(parties) < max(2, _declared(norm, ss, verb)) or "分别与" in norm[ss:verb])
        and verb < t.start
        and not titled
    ):  # (A、B分别与永川区签署: the place signs with each)
        # (柳州市、南方电网和广西电网公司三方签署: the city signs too, by its government)
        governments = governments_in(f, ss, verb, skip)
        if governments:
            # in text order with the bodies named beside them (宜春市与宁德时代)
            at = {
                f.agencies[k][1]: f.agencies[k][0].start
                for k in lookups.agency_spans(f).starting(ss, verb)
            }
            at.update(
                {
                    f.organizations[k][2]: f.organizations[k][0]
                    for k in lookups.organization_spans(f).starting(ss, verb)
                }
            )
            ordered = sorted([(at.get(e, -1), e) for e in parties] + governments, key=itemgetter(0))
            parties = [e for _pos, e in ordered]
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2 and verb < t.start:
        referred = referred_subject(f, ss, verb)
        if referred is not None and referred not in parties:
            parties = [referred, *parties]  # 该市与B签署: the subject, first in text order
    other = referred_counterpart(f, ss, verb) if verb < t.start else None
    if other is not None and other not in parties:
        parties = [*parties, other]  # A已与该院(及C)签署: a counterpart named before
    if len(parties) == 1 and verb < t.start:
        parties = counterpart(f, ss, verb, parties[0]) or parties
    if len(parties) < 2:
        # (双方 after the verb and the title tells what the signers will do, 双方将在…合作:
        # it stands for the one signer found and another, not for those of another signing)
        upto = min(se, max(verb, t.end)) if parties else se
        collective = collective_parties(f, i, ss, upto, min(verb, t.start), lo)
        if parties and collective_counterpart(f, ss, min(verb, t.start)):
            collective = [*parties, *(e for e in collective if e not in parties)]
        parties = collective or parties
    if len(parties) < 2:
        parties = title_sides(f, t.label, ss, min(verb, t.start)) or parties
    if (
        not parties
        and not t.generic
        and not _other_signer_written(norm, ss, min(verb + 2, t.start))
    ):
        # 《中俄睦邻友好合作条约》: a treaty named after its states binds their governments
        # (unless the text writes who signs: 与中国-东盟环保合作中心签署《中蒙俄…协议》)
        for code in title_states(f, t):
            parties.append(government(f, country_entity(code, f.lex), sent_span))
    parties = list(dict.fromkeys(parties))
    signs = max((v for v in verbs if v < t.start), default=None)
    if signs is not None and "分别" in norm[ss:signs]:
        # A与B、C与D分别签署《X》和《Y》: one pair of the clause's signers for each title
        whole = pairs_written(f, ss, signs, verbs, skip)
        parties = pair_of_title(f, whole, ss, signs, t.start) or parties
    parties = signed_in_order(f, t.start, i) or parties  # 前者由A与B签署
    subjects = [subject]
    pairs = [parties]
    if t.generic:
        if len(parties) < 2:
            return  # 签署合作协议 with no parties to name it by
        if t.each:
            pairs = respective_pairs(f, parties, ss, norm.rfind("分别", ss, t.start))
            if not pairs:
                return
        subjects = [entity("Agreement", generic_label(pair, t.label)) for pair in pairs]
        subject = subjects[0]
        b.mention(subject, t.title_start, t.title_end, "canonical-name")
        referred = norm.rfind("与", ss, t.start) + 1  # (分别与这两家企业签署…)
        for k, (one, (signer, other)) in enumerate(zip(subjects[1:], pairs[1:], strict=True)):
            # (each further one is named by the party only it has and the title: …、C签署合作协议;
            # by the words that refer to the parties named before: 分别与这两家企业签署合作协议)
            own = other if sum(other in pair for pair in pairs) == 1 else signer
            written = spans_of(f, own, ss, t.start)
            if not written and not 0 < referred + k < t.title_start:
                return
            at = min(written)[0] if written else referred + k
            b.mention(one, at, t.title_end, "canonical-name")
        f.agreement_at.append((t.title_start, i, subject))
        f.agreement_at.sort(key=lambda x: x[0])
    if parties:
        f.signed.append((i, tuple(parties)))
    for one, pair in zip(subjects, pairs, strict=True):
        for e in pair:
            b.relate(one, "party", e, sent_span)
    if not verbs:
        return
    # the dates of this clause of the sentence: 2018年10月，…签署了A；2018年11月，B签署
    anchor = min(verb, t.start)
    cs = after_semicolon(norm, ss, anchor)
    partial = partial_date(norm, cs, verb, published, year_in_text, t.start)
    referenced = _REFERENCED.match(norm, verb + 2)
    if referenced is None and verb < t.start and norm[verb + 2 : t.start] in ("", "了"):
        referenced = _REFERENCED.match(norm, t.end)  # 签署《T》20周年: the title between
    if partial is None and t.start < verb and referenced is None:
        partial = partial_date(norm, cs, t.start, published, year_in_text)
    if referenced is not None and (
        partial is None or (referenced.group("n") and partial.year_source != "explicit")
    ):  # (今年是…签署《T》20周年: the anniversary's year, not this one)
        # 签署25周年: the year, counted back from the day published; 签署以来: none
        years = referenced.group("n")
        n = (int(years) if years.isdigit() else small_cn_number(years)) if years else None
        if n and published is not None:
            value = DateValue(datetime.date(published.year - n, 1, 1), "published", "year")
            if norm.startswith("纪念日", referenced.end()) and _TODAY.search(norm, ss, verb):
                with suppress(ValueError):  # 今天是…签订62周年纪念日: that day, n years back
                    value = DateValue(published.replace(year=published.year - n), "published")
            _dated(b, subjects, value, sent_span)
        return
    if partial is not None:
        _dated(b, subjects, partial, sent_span)
        return
    ceremony = ceremony_date(f, i, max(verb, t.end), dates, published, year_in_text)
    if ceremony is not None:
        _dated(b, subjects, ceremony, sent_span)
        return  # …签署合作协议。签约仪式7日在哈尔滨举行
    sources = source_spans(norm, cs, se)
    # (…签署中澳自贸协定；同年12月20日，该协定生效: a clause after a semicolon is another)
    ce = before_semicolon(norm, max(verb, t.end), se)
    in_sentence = [
        dates[k]
        for k in lookups.date_spans(f, dates).starting(cs, ce)
        if not any(s <= dates[k].start < e for s, e in sources)  # (the report's day)
    ]
    # 已于1月5日签署: a date written right before the verb is the signing's own
    near = [d for d in in_sentence if verb - 12 <= d.end <= verb and "," not in norm[d.end : verb]]
    next_day = False
    # 今天，A与B签署: the day opening the sentence, unless the text tells of another day or
    # of the signing's announcement (今天，记者获悉，A与B日前签署)
    told = OTHER_DAY.search(norm, cs, verb) or _ANNOUNCED.search(norm, cs, verb)
    opening = None if told or _REMARK.search(norm, cs, verb) else cs
    relative = relative_day(f, dates, clause_start(norm, cs, verb), verb, published, opening)
    if near:
        hit = near[-1]
    elif relative is not None:
        _dated(b, subjects, relative, sent_span)
        return
    elif OTHER_DAY.search(norm, max(ss, verb - 6), verb) or _ALREADY.search(
        norm, max(ss, verb - 3), verb
    ):
        return  # 日前签署, 宣布双方已签署: on a day the text does not give
    elif in_sentence:
        hit = min(in_sentence, key=lambda d: abs(d.start - verb))
        if hit.end <= verb and other_day_before(norm, hit.end, verb):
            return  # 5月8日讯 近日，A与B签署: a day before the one reported, not given
        if hit.start >= max(verb, t.end) and (
            IN_FORCE.match(norm, hit.end) or norm.startswith("起", hit.end)
        ):
            return  # 签署的《T》18日正式生效, 从23日起实行: the day it takes effect
        if hit.end <= verb and held_before(norm, hit.end, verb):
            return  # 仪式6日举行，转交了A与B签署的《T》: signed before, on a day not given
        between = (min(hit.end, verb), max(hit.end, verb))
        remark = hit.end <= verb and _REMARK.search(norm, *between)
        if (_ANNOUNCED.search(norm, *between) or remark) and not THAT_DAY.search(norm, ss, verb):
            return  # 29日在发布会上介绍，访问期间签署…: the day it was told
    else:
        # 会上…签署 / 同日…签署: the day of the event told before; 日前 / 此前 / 曾 say the
        # signing was on another day than the one reported, which the text does not give
        # 次日 / 翌日: the day after the one told before
        next_day = NEXT_DAY.search(norm, ss, verb) is not None
        same_day = next_day or SAME_DAY.search(norm, ss, se) is not None or same_day_before(f, i)
        if (
            other_day_before(norm, ss, verb)
            or _ANNOUNCED.search(norm, ss, se)
            or _REMARK.search(norm, ss, verb)
            or _WELCOMED.search(norm, ss, clause_end(norm, verb, se))
        ):
            return
        told = event_relative_day(f, i, dates, published, same_day)
        if told is not None:
            day = following_day(told) if next_day else told
            if day is not None:
                _dated(b, subjects, day, sent_span)
            return  # 昨日上午，…会议召开。…签署: the day of the meeting told before
        if not (same_day or after_dated_event(f, i, dates)):
            return
        before = [d for d in dates if d.end <= cs]  # (the clause before a semicolon too)
        if not before:
            return
        hit = before[-1]
        ds, de = prep.bounds[prep.sentence_at(hit.start)]
        if _ANNOUNCED.search(norm, hit.end, de) and not THAT_DAY.search(norm, ss, verb):
            return  # 1月29日，外交部举行发布会。会上介绍…签署: the day it was told
            # (记者12日获悉，会议10日举行。会上…签署: the meeting's day)
        if HELD_ANOTHER_DAY.search(norm, hit.end, de):
            return  # 本报7月4日电 大会日前举行。会上…签署: the meeting's day is not given
    other = IN_FORCE.match(norm, hit.end)
    if other is not None and "签" not in other.group() and hit.end <= verb:
        return  # 原定于今年7月启动的《T》…签署: the day it was to start
    value = complete_date(hit, dates, published, year_in_text)
    if value is not None and value.precision == "day" and in_range(norm, hit):
        # 10月10日至12日访问…签署: some day of the visit, the month is what the text gives
        value = DateValue(value.date.replace(day=1), value.year_source, "month")
    if value is not None and next_day:
        value = following_day(value)
    if value is not None:
        _dated(b, subjects, value, sent_span)
