"""A project written by a short form of the name the article gives it in full (松山隧道 for
松山特长隧道, 长江大桥 for 武汉长江大桥), or with its owner before the name it is also given
alone (国家电网垣曲抽水蓄能电站 for 垣曲抽水蓄能电站)."""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.project_names import ProjectHit
from kg.extract.short_forms import is_short_form

__all__ = ["full_names"]

# A section, a tender lot, a phase or a line of the works (…第Ⅵ标段项目): a part, not the whole.
_PART = re.compile(r"段|标|期|号线")
# How long a short form must be to stand for a longer name (长江大桥).
_SHORTEST = 4
# The works written after a project's name (…电站工程项目): the project itself.
_WORKS_TAIL = re.compile(r"(?:建设)?(?:工程项目|工程|项目)$")
# The longest owner's name looked for before a project's name.
_LONGEST_OWNER = 16


def _names_after_places(label: str, lex: Lexicon) -> list[str]:
    """The label, and the label less each of the divisions' names that begin it in turn
    (厦门海沧海底隧道 → 海沧海底隧道 → 海底隧道)."""
    out = [label]
    while True:
        k = next(
            (
                k
                for k in (4, 3, 2)
                if len(label) - k >= _SHORTEST and lex.divisions.codes_named(label[:k])
            ),
            0,
        )
        if not k:
            return out
        label = label[k:]
        out.append(label)


def _full_form(short: str, rest: str) -> bool:
    """True when ``rest`` is the full form of ``short``: from its first two characters to its
    last two, ``short``'s characters in order (武汉广场 is not 武昌区汉街万达广场), and no part
    of the works added."""
    return (
        rest[:2] == short[:2]
        and rest[-2:] == short[-2:]
        and (rest == short or (is_short_form(short, rest) and not rest.startswith(short)))
        and not _PART.search(rest.replace(short, ""))
    )


def full_names(hits: list[ProjectHit], lex: Lexicon) -> None:
    """Relabel each hit whose label is a short form of exactly one longer label of the
    article with the same head: its characters in order, from the first two of the longer
    name once the places that begin it are left out (海沧隧道 of 厦门海沧海底隧道) to the same
    last two. A longer name that begins with other words (智能京张高铁, 新成昆铁路) or goes on
    after the shorter one (广深港高铁香港段, 川藏铁路项目: a part, the works) is not its full form."""
    labels = {h.label: h for h in hits}
    rests = {label: _names_after_places(label, lex) for label in labels}
    for h in hits:
        if len(h.label) < _SHORTEST:
            continue
        longer = {
            other
            for other, o in labels.items()
            if o.head == h.head
            and len(other) > len(h.label)
            and any(_full_form(h.label, rest) for rest in rests[other])
        }
        if len(longer) == 1:
            h.label = next(iter(longer))
    _owners_left_out(hits, lex)


def _owners_left_out(hits: list[ProjectHit], lex: Lexicon) -> None:
    """Relabel each hit whose label is an enterprise's or an organisation's name, then places,
    then the label of another hit of the article, and perhaps its works (国家电网山西垣曲抽水
    蓄能电站工程项目 beside 垣曲抽水蓄能电站): the owner or the builder is not in the name the
    article also gives the project alone."""
    labels = {h.label for h in hits}
    known = lex.known_organizations
    for h in hits:
        owner = next(
            (
                k
                for k in range(min(_LONGEST_OWNER, len(h.label) - _SHORTEST), 1, -1)
                if h.label[:k] in known or h.label[:k] in lex.company_brands
            ),
            0,
        )
        if not owner:
            continue
        for rest in _names_after_places(h.label[owner:], lex):
            bare = _WORKS_TAIL.sub("", rest)
            name = next((n for n in (rest, bare) if n != h.label and n in labels), None)
            if name is not None:
                h.label = name
                break
