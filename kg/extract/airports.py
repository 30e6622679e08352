"""The airports of China's provincial capitals and of its cities with separate planning status
by their official names (广州白云机场, 白云机场 → 广州白云国际机场)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from kg.extract.lexicon import read_table

__all__ = ["official_airport", "official_airports"]


@cache
def official_airports() -> dict[str, str]:
    """Every short form of the airports of ``airports.tsv`` to the official name: the city,
    the name and 机场 (广州白云机场), the name and 国际机场 or 机场 (白云国际机场, 白云机场), and
    the city and 机场 where the table holds one airport of the city (广州机场, 香港机场)."""
    rows = read_table("airports.tsv")
    per_city = Counter(row[1] for row in rows)
    forms: dict[str, str] = {}
    for official, city, *rest in rows:
        name = rest[0] if rest else ""
        written = [official]
        if name:
            written += [f"{city}{name}机场", f"{name}国际机场", f"{name}机场"]
        if per_city[city] == 1:
            written += [f"{city}机场", f"{city}国际机场"]
        for form in written:
            forms.setdefault(form, official)
    return forms


def official_airport(label: str) -> str:
    """``label`` with the airport it begins with (a short form ending in 机场) written by its
    official name: 浦东机场第四跑道 → 上海浦东国际机场第四跑道; other labels as they are."""
    end = label.find("机场") + 2
    official = official_airports().get(label[:end]) if end >= 2 else None
    return label if official is None else official + label[end:]
