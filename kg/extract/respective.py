"""Signers who sign one text each: A分别与B、C签署协议, A与B、C与D分别签署《X》和《Y》."""

from __future__ import annotations

import re

from kg.extract.builder import Found
from kg.extract.governments import clause_start, governments_in
from kg.extract.referents import referred_subject, spans_of, unknown_company
from kg.extract.signers import bodies_in
from kg.records import Entity

__all__ = [
    "joined_titles",
    "pair_of_title",
    "pairs_written",
    "respective_pairs",
    "signers_after_titles",
    "titles_signed",
]

# What joins the titles one verb signs (《X》和《Y》, 《X》、《Y》, X协议和Y协议).
_TITLE_JOINS = frozenset({"", "和", "及", "与", "、", "以及"})
# Most characters between the verb and the first title it signs (签署了《…, 签订了“…).
_VERB_TO_TITLE = 6
# What joins the two signers of one pair, and what separates the pairs.
_PAIR_JOIN = re.compile(r"^(?:与|和|同)$")
_PAIR_SEPARATOR = re.compile(r"^[、，,；;]$")


def respective_pairs(f: Found, parties: list[Entity], ss: int, each: int) -> list[list[Entity]]:
    """The pairs that sign one generic text each around 分别 at ``each``: A分别与B、C (A with
    each), A、B分别与C (each with C), A、B分别与C、D (A with C, B with D); else none."""
    first = [e for e in parties if spans_of(f, e, ss, each)]
    others = [e for e in parties if e not in first]
    if not others and len(first) >= 4 and len(first) % 2 == 0:
        return _pairs_in_a_row(f, first, ss, each)  # A与B、C与D分别签署
    if not first or not others:
        return []
    if len(first) == 1 or len(others) == 1:
        return [[a, b] for a in first for b in others]
    if len(first) != len(others):
        return []
    return [list(pair) for pair in zip(first, others, strict=True)]


def _pairs_in_a_row(f: Found, parties: list[Entity], ss: int, each: int) -> list[list[Entity]]:
    """A与B、C与D分别签署…: the pairs written one after the other, each joined by 与 and
    separated from the next by 、 or a comma; none when the marks between them say otherwise."""
    norm = f.norm
    # (the body's whole name, not its place's inside it)
    at = sorted((min(spans_of(f, e, ss, each), key=lambda sp: (sp[0], -sp[1])), e) for e in parties)
    for k in range(len(at) - 1):
        between = norm[at[k][0][1] : at[k + 1][0][0]]
        if not (_PAIR_SEPARATOR if k % 2 else _PAIR_JOIN).match(between):
            return []
    return [[at[k][1], at[k + 1][1]] for k in range(0, len(at), 2)]


def joined_titles(f: Found, verb: int) -> list[int]:
    """Where the titles start that a verb at ``verb`` signs when two or more are joined after
    it (签署《X》《Y》和《Z》, 签署X协议和Y协议); none for one title or none."""
    first = min(
        (t.start for t in f.titles if verb < t.start <= verb + _VERB_TO_TITLE), default=None
    )
    if first is None:
        return []
    starts = [s for s, _e in _title_group(f, first) if s >= first]
    return starts if len(starts) > 1 else []


def titles_signed(f: Found, verb: int) -> int:
    """How many titles a verb at ``verb`` signs when they are joined after it (签署《X》《Y》
    和《Z》); 0 for one title or none."""
    return len(joined_titles(f, verb))


def pairs_written(
    f: Found, ss: int, signs: int, verbs: list[int], skip: list[tuple[int, int]]
) -> list[Entity]:
    """The signers written before the verb at ``signs`` that signs several titles 分别: the
    bodies, and when they are fewer than two for each title the places' governments too,
    written in the clause of the verb or of the one before (A市与B、C市与D现场签约，分别签署
    《X》《Y》)."""
    whole = bodies_in(f, ss, signs, skip)
    if len(whole) < 2 * titles_signed(f, signs):
        prior = [v for v in verbs if ss <= v < clause_start(f.norm, ss, signs)]
        govs = governments_in(f, ss, signs, skip) or (
            governments_in(f, ss, prior[-1], skip) if prior else []
        )
        whole += [gov for _at, gov in govs]
    return list(dict.fromkeys(whole))


def pair_of_title(
    f: Found, parties: list[Entity], ss: int, verb: int, at_mark: int
) -> list[Entity]:
    """A与B、C与D分别签署《X》和《Y》: the pair written in the place of the title that starts at
    ``at_mark`` among the titles the verb signs (A and B sign X); none unless the pairs
    and the titles are as many and the pairs are written one after the other. A分别与B、C
    签署《X》和《Y》: A and the counterpart in the title's place; A、B分别与C、D签署《X》和《Y》: the
    signers in the title's place on both sides."""
    norm = f.norm
    if "分别" not in norm[ss:verb]:
        return []
    starts = joined_titles(f, verb)
    if at_mark not in starts:
        return []
    k = starts.index(at_mark)
    each = norm.find("分别与", ss, verb)
    if each >= 0:
        # A分别与B、C签署《X》和《Y》: A with B signs X, A with C signs Y
        first = [e for e in parties if spans_of(f, e, ss, each)]
        if not first and (referred := referred_subject(f, ss, verb)) is not None:
            first = [referred]  # 该局还分别与B、C签署《X》和《Y》: the bureau named before
        others = sorted(
            (min(s for s, _e in spans_of(f, e, each, verb)), e)
            for e in parties
            if e not in first and spans_of(f, e, each, verb)
        )
        if len(first) == 1 and len(others) < len(starts):
            others = _items_read(f, each + 3, verb, others)
        if len(first) == 1 and len(others) == len(starts):
            return [first[0], others[k][1]]
        if len(first) == len(others) == len(starts):
            # A、B分别与C、D签署《X》和《Y》: A with C signs X, B with D signs Y
            ordered = sorted(
                ((min(s for s, _e in spans_of(f, e, ss, each)), e) for e in first),
                key=lambda x: x[0],
            )
            return [ordered[k][1], others[k][1]]
        return []
    if len(parties) != 2 * len(starts):
        return []
    at = []
    for e in parties:
        spans = spans_of(f, e, ss, verb)
        if not spans:
            return []
        first = min(s for s, _end in spans)
        at.append((first, max(end for s, end in spans if s == first), e))
    at.sort(key=lambda x: x[0])
    for j in range(1, len(at)):
        between = norm[at[j - 1][1] : at[j][0]]
        if (state := f.lex.country_re.search(between)) is not None and state.end() == len(between):
            between = between[: state.start()]  # 与韩国釜山大学: a body abroad after its state
        if not (_PAIR_JOIN if j % 2 else _PAIR_SEPARATOR).match(between):
            return []
    return [at[2 * k][2], at[2 * k + 1][2]]


def _items_read(
    f: Found, lo: int, hi: int, read: list[tuple[int, Entity]]
) -> list[tuple[int, Entity]]:
    """The counterparts listed in ``norm[lo:hi]`` (A分别与B、C签署), each a body ``read`` (by
    where it starts) or a company no gazetteer knows (京东集团、美团); the bodies read alone when
    an item is neither."""
    items, at = [], lo
    for item in re.split("([、和及])", f.norm[lo:hi]):
        if item and item not in "、和及":
            body = next((e for s, e in read if at <= s < at + len(item)), None)
            if body is None and unknown_company(f, at, at + len(item), read=False) is None:
                return read
            items.append((at, at + len(item), body))
        at += len(item)
    out = []
    for s, e, body in items:
        if (body := body or unknown_company(f, s, e)) is not None:
            out.append((s, body))
    return out


# The signers of titles joined before them, written after them one pair a title:
# 《X》《Y》两份协议现场签约，分别由A与B、C与D签署; …一并签署。前者由A与B签署，后者由C与D签署.
_EACH_BY = re.compile(r"分别由")
_FORMER_LATTER = (re.compile(r"前者由"), re.compile(r"后者由"))
_BY_VERB = re.compile(r"(?:共同|联合)?(?:签署|签订|签约|签字)")


def _title_group(f: Found, start: int) -> list[tuple[int, int]]:
    """The titles joined one after the other (《X》《Y》, X协议、Y协议) among which the title
    at ``start`` is."""
    group: list[tuple[int, int]] = []
    for s, e in sorted((t.start, t.end) for t in f.titles):
        if group and f.norm[group[-1][1] : s] in _TITLE_JOINS:
            group.append((s, e))
        elif any(gs == start for gs, _ge in group):
            break
        else:
            group = [(s, e)]
    return group if any(gs == start for gs, _ge in group) else []


def signers_after_titles(f: Found, start: int, sentence: int) -> list[Entity]:
    """The signers of the title at ``start``, in sentence ``sentence``, when titles joined
    are signed by pairs written after them in the title's order (分别由A与B、C与D签署;
    前者由A与B签署，后者由C与D签署, also in the sentence after); none otherwise."""
    group = _title_group(f, start)
    if len(group) < 2:
        return []
    k = [s for s, _e in group].index(start)
    norm, bounds = f.norm, f.prep.bounds
    end = group[-1][1]
    reach = bounds[min(sentence + 1, len(bounds) - 1)][1]
    each = _EACH_BY.search(norm, end, bounds[sentence][1])
    if each is not None:
        verb = _BY_VERB.search(norm, each.end(), bounds[sentence][1])
        if verb is None:
            return []
        pairs = norm[each.end() : verb.start()].split("、")
        if len(pairs) != len(group):
            return []
        lo = each.end() + sum(len(p) + 1 for p in pairs[:k])
        bodies = bodies_in(f, lo, lo + len(pairs[k]), [])
        return bodies if len(bodies) >= 2 else []
    if len(group) != 2:
        return []
    which = _FORMER_LATTER[k].search(norm, end, reach)
    verb = _BY_VERB.search(norm, which.end(), reach) if which is not None else None
    if which is None or verb is None:
        return []
    bodies = bodies_in(f, which.end(), verb.start(), [])
    return bodies if len(bodies) >= 2 else []
