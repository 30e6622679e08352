"""The packaged lexicons name no entity that only the held-out test set has.

Lexicons hold generic vocabulary (organ suffixes, sector abbreviations, national ministries,
units); a name that appears in the test gold but in no development or seed gold would mean the
extractor was tuned on the test set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.model.iri import normalize_key

from .conftest import DATA, ROOT

# Complete official registries, not lists grown from articles: every State Council and
# central Party organ (ministries.tsv), every ISO 3166 country (countries.tsv), every
# central enterprise of SASAC's and the Ministry of Finance's lists (central_enterprises.tsv)
# every national-level new area the State Council approved (state_new_areas.tsv), every
# national people's organisation of the CPPCC's and the Ministry of Civil Affairs' lists
# (people_organizations.tsv), every pilot free trade zone (free_trade_zones.tsv) and every
# civil transport airport of the provincial capitals, of the cities with separate planning
# status and of the two SARs (airports.tsv). A name there is listed because the registry has
# it, so the test set may name it too.
REGISTRIES = {
    "ministries.tsv",
    "countries.tsv",
    "central_enterprises.tsv",
    "state_new_areas.tsv",
    "people_organizations.tsv",
    "free_trade_zones.tsv",
    "airports.tsv",
}
# The national people's organisations: the CPPCC's eight and the fourteen exempted from
# registration in 2000.
PEOPLE_ORGANIZATIONS = 22
# The national-level new areas: 19, from 上海浦东新区 (1992) to 河北雄安新区 (2017).
STATE_NEW_AREAS = 19
# The pilot free trade zones: 22, from 上海 (2013) to 新疆 (2023).
FREE_TRADE_ZONES = 22
# How many enterprises the registries list: SASAC's 100 (2025-07-29) and the Ministry of
# Finance's four non-financial ones; a registry is kept whole, never grown or cut by name.
CENTRAL_ENTERPRISES = 104
# The airports of the 31 capitals (35, 北京南苑 closed in 2019 among them), of the five cities
# with separate planning status (6: 青岛流亭, closed in 2021, and 青岛胶东) and of the two SARs.
AIRPORTS = 43

LEXICONS = sorted(
    p
    for p in (ROOT / "kg" / "data").iterdir()
    if p.suffix in {".tsv", ".txt", ".json"} and p.name not in REGISTRIES
)


def _names(split: str) -> set[str]:
    names: set[str] = set()
    for path in (DATA / "gold" / split).glob("*.json"):
        for ent in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            label = normalize_key(ent["label"])
            names.add(label)
            # A back-reference made of the label's own head noun (示范区 for
            # ……一体化发展示范区) is generic vocabulary, not a name.
            names.update(
                alias
                for alias in (normalize_key(a) for a in ent.get("aliases", []))
                if not (label.endswith(alias) and len(alias) <= 3)
            )
    return names


def _entries(path: Path) -> set[str]:
    entries: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for field in line.replace(",", "\t").split("\t"):
            if field.strip():
                entries.add(normalize_key(field))
    return entries


def test_lexicon_holdout_test_gold_exists():
    assert len(_names("test")) >= 30


@pytest.mark.parametrize("lexicon", LEXICONS, ids=lambda p: p.name)
def test_lexicon_holdout_has_no_test_only_names(lexicon):
    test_only = _names("test") - _names("dev") - _names("seed")
    leaked = sorted(_entries(lexicon) & test_only)
    assert not leaked, f"{lexicon.name} names test-set entities: {leaked}"


@pytest.mark.parametrize(
    ("registry", "rows"),
    [
        ("central_enterprises.tsv", CENTRAL_ENTERPRISES),
        ("state_new_areas.tsv", STATE_NEW_AREAS),
        ("people_organizations.tsv", PEOPLE_ORGANIZATIONS),
        ("free_trade_zones.tsv", FREE_TRADE_ZONES),
        ("airports.tsv", AIRPORTS),
    ],
)
def test_lexicon_holdout_registries_are_kept_whole(registry, rows):
    path = ROOT / "kg" / "data" / registry
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len([line for line in lines if line and not line.startswith("#")]) == rows
