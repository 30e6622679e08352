"""An agreement told again by its kind after its title: one agreement, not two."""

from __future__ import annotations

from kg.extract.builder import Found
from kg.records import Entity

__all__ = ["merge_restated"]


def merge_restated(f: Found, titled: set[str]) -> None:
    """Merge each agreement named after its parties (工行…与湖北省签署战略合作协议) into the
    one titled agreement of the article (``titled``: the labels of titles written) that the
    same parties sign and whose title ends in the same kind (《…战略合作协议》)."""
    parties: dict[Entity, set[Entity]] = {}
    for r in f.b.relations.values():
        if r.predicate == "party":
            parties.setdefault(r.subject, set()).add(r.object)
    for generic, signers in parties.items():
        if generic.label in titled or len(signers) < 2:
            continue
        ends = [
            generic.label.find(p.label) + len(p.label) for p in signers if p.label in generic.label
        ]
        if len(ends) != len(signers) or not generic.label.startswith(
            tuple(p.label for p in signers)
        ):
            continue  # not a label built from its parties
        kind = generic.label[max(ends) :].lstrip("与、")
        same = [
            e
            for e, s in parties.items()
            if e.label in titled and s == signers and len(kind) >= 2 and e.label.endswith(kind)
        ]
        if len(same) == 1:
            f.b.merge(generic, same[0])
