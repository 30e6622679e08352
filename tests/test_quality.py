"""Extraction quality against gold annotations: the seed, the development and the held-out test set.

The floors are the project's quality bar; the figures are printed by ``kg eval`` (run with ``-s``
to see them here).
"""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.records import ENTITY_CLASSES

from .conftest import DATA, SEED

# The seed's one organisation is a short company name the text never writes with a suffix
# nor as a signer (长安汽车), which the extractor does not read as a name.
# every class the gold annotates (countries are not entities of the gold files)
SEED_CLASSES = tuple(c for c in ENTITY_CLASSES if c != "Country")


def _build_and_eval(inputs, gold, out, capsys) -> dict:
    assert main(["build", *map(str, inputs), "--out", str(out)]) == 0
    # every article of an evaluation set is read: none rejected (an error in a rule would
    # put its article in rejects.jsonl and only lower the scores)
    assert (out / "rejects.jsonl").read_text(encoding="utf-8") == ""
    capsys.readouterr()
    assert main(["eval", str(gold), str(out)]) == 0
    table = capsys.readouterr().out
    with capsys.disabled():  # the figures, as kg eval prints them, shown in the test log
        print(f"\n{gold}\n{table}")
    assert main(["eval", "--json", str(gold), str(out)]) == 0
    return json.loads(capsys.readouterr().out)


def test_quality_seed_reaches_the_bar(tmp_path, capsys):
    scores = _build_and_eval([SEED], DATA / "gold" / "seed", tmp_path, capsys)
    for cls in SEED_CLASSES:
        assert scores["classes"][cls]["f1"] == 1.0, (
            cls,
            scores["classes"][cls],
            scores["missed"],
            scores["spurious"],
        )
    for predicate in ("party", "signedOn", "includesDistrict", "plannedArea", "hasTarget"):
        rel = scores["relations"][predicate]
        assert rel["recall"] == 1.0, (predicate, rel, scores["missed_relations"])


# Regression floors, a little under the figures at the last change (held-out set, old and
# wire items together: Agency 0.95, Agreement 0.97, District 0.98, City 1.00, Project 0.87;
# development set: 0.94, 0.98, 0.97, 0.98, 0.95).
HELD_OUT_FLOORS = {
    "Agency": 0.93,
    "Agreement": 0.95,
    "District": 0.95,
    "City": 0.97,
    "Project": 0.85,
}


# Regression floors of the relations: held-out party 0.91, signedOn 0.98; development set
# (78 articles, with 21 items of signings by companies, banks, media and foreign bodies)
# 0.97, 0.98.
RELATION_FLOORS = {"party": 0.9, "signedOn": 0.93}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_quality_evaluation_set_reaches_the_floors(tmp_path, capsys, split):
    corpus = DATA / "corpus" / split
    assert len(list(corpus.glob("*.txt"))) >= 6, f"the {split} corpus is missing"
    scores = _build_and_eval([corpus], DATA / "gold" / split, tmp_path, capsys)
    for cls, floor in HELD_OUT_FLOORS.items():
        assert scores["classes"][cls]["f1"] >= floor, (cls, scores["classes"][cls])
    for predicate, floor in RELATION_FLOORS.items():
        assert scores["relations"][predicate]["recall"] >= floor, (
            predicate,
            scores["relations"][predicate],
        )
