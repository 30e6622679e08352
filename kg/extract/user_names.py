"""Names a user's lexicon adds (``kg build --lexicon``): found as written, longest first,
then leftmost, and handed to the steps that read each class, so that they win over what
the rules read in the same stretch and take part in signings and facts like any other.

A :class:`UserName` is an agency, organisation, project, district, city or science city
with its canonical name, the other names it is written as, and optionally its
jurisdiction (the place an agency belongs to, or the place anything else lies in) and the
GB/T 2260 code of a district or city. The default lexicon has none, so extraction without
a user lexicon is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.agencies import AgencyHit
from kg.extract.builder import Found, country_entity, division_entity, entity
from kg.extract.lexicon import USER_CLASSES, Lexicon, UserName
from kg.extract.organizations import OrganizationHit
from kg.extract.projects import ProjectHit
from kg.extract.text import normalize_name
from kg.records import Entity

__all__ = [
    "USER_CLASSES",
    "UserName",
    "UserHit",
    "find_user_names",
    "user_entity",
    "user_place",
    "read_user_places",
    "user_agencies",
    "user_projects",
    "user_organizations",
]

_PLACES = ("District", "City", "ScienceCity")


@dataclass(frozen=True)
class UserHit:
    """A name of the user's lexicon found in the normalised text."""

    start: int
    end: int
    name: UserName


def find_user_names(
    norm: str, lex: Lexicon, classes: tuple[str, ...] = USER_CLASSES
) -> list[UserHit]:
    """The lexicon's names in ``norm`` of ``classes``: longest first, then leftmost, no two
    overlapping."""
    if not lex.user_names:
        return []
    table = lex.user_name_table
    return [
        UserHit(m.start(), m.end(), table[m.group()])
        for m in lex.user_name_re.finditer(norm)
        if table[m.group()].cls in classes
    ]


def user_entity(u: UserName, lex: Lexicon) -> Entity:
    """The entity a lexicon name stands for: a division of a known code is that division
    (the name is one of its names), another code keys its own division, and anything
    else is keyed by its canonical name."""
    if u.code and u.code in lex.divisions.by_code:
        return division_entity(u.code, lex)
    if u.code:
        return Entity(u.cls, u.code, u.name, u.code)
    return entity(u.cls, u.name)


def user_place(u: UserName, lex: Lexicon) -> Entity | None:
    """The place a lexicon name's jurisdiction names: a division by its full name, a country,
    or a place of the lexicon; ``None`` without one or when nothing is called so."""
    if not u.jurisdiction:
        return None
    written = normalize_name(u.jurisdiction)
    codes = lex.divisions.full.get(written, ())
    if len(codes) == 1:
        return division_entity(codes[0], lex)
    if written in lex.country_names:
        return country_entity(lex.country_names[written], lex)
    other = lex.user_name_table.get(written)
    if other is not None and other.cls in _PLACES:
        return user_entity(other, lex)
    return None


def _related(f: Found, hit: UserHit, ent: Entity, predicate: str) -> None:
    place = user_place(hit.name, f.lex)
    if place is not None and place != ent:
        f.b.relate(ent, predicate, place, f.b.span(hit.start, hit.end))


def read_user_places(f: Found) -> None:
    """Districts, cities and science cities of the lexicon: mentioned before the rules read
    places (so a stretch both read is the lexicon's), and known to later steps as named
    places (an agency of the place, a project in it)."""
    for hit in find_user_names(f.norm, f.lex, _PLACES):
        ent = user_entity(hit.name, f.lex)
        f.b.mention(ent, hit.start, hit.end, "official-code" if ent.code else "exact")
        if hit.name.cls == "ScienceCity":
            f.science_entities[(hit.start, hit.end)] = ent
        else:
            f.area_entities[(hit.start, hit.end)] = ent
            f.area_at[hit.start] = (ent, hit.end)
        _related(f, hit, ent, "locatedIn")


def user_agencies(f: Found) -> list[AgencyHit]:
    """Agencies of the lexicon, as the agency step reads them (with their jurisdiction)."""
    out = []
    for hit in find_user_names(f.norm, f.lex, ("Agency",)):
        u, place = hit.name, user_place(hit.name, f.lex)
        code = place.code if place is not None and place.cls in ("City", "District") else None
        country = place.code if place is not None and place.cls == "Country" else None
        label = place.label if place is not None and not code and not country else None
        out.append(AgencyHit(hit.start, hit.end, u.name, code, label, "exact", country=country))
    return out


def user_projects(f: Found, hits: list[ProjectHit]) -> list[ProjectHit]:
    """The projects the rules found, but those overlapping a project of the lexicon, and
    the lexicon's projects (located in their jurisdiction)."""
    found = find_user_names(f.norm, f.lex, ("Project",))
    if not found:
        return hits
    kept = [p for p in hits if not any(p.start < h.end and h.start < p.end for h in found)]
    for hit in found:
        _related(f, hit, entity("Project", hit.name.name), "locatedIn")
    kept += [ProjectHit(h.start, h.end, h.name.name, "", []) for h in found]
    return sorted(kept, key=lambda p: (p.start, p.end))


def user_organizations(f: Found, hits: list[OrganizationHit]) -> list[OrganizationHit]:
    """The organisations the rules found, but those overlapping one of the lexicon, and the
    lexicon's organisations."""
    found = find_user_names(f.norm, f.lex, ("Organization",))
    if not found:
        return hits
    kept = [o for o in hits if not any(o.start < h.end and h.start < o.end for h in found)]
    for hit in found:
        _related(f, hit, entity("Organization", hit.name.name), "locatedIn")
    kept += [OrganizationHit(h.start, h.end, h.name.name) for h in found]
    return sorted(kept, key=lambda o: (o.start, o.end))
