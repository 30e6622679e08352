"""Signers told in a clause after the verb that signs a title written before it: …签署，协议由A
与B共同签署; 《T》签约仪式…举行，A与B签署; T正式签约，由A与B签署; or in the sentence after the
signing: 《T》在西宁签署。签约双方分别为A和B."""

from __future__ import annotations

import re

from kg.extract.builder import Found
from kg.extract.clauses import clause_end
from kg.extract.sign_words import SIGNERS_LISTED
from kg.extract.signers import bodies_in, witness_spans
from kg.records import Entity

__all__ = ["CEREMONY", "signers_told_after", "signers_told_next"]

# 签约仪式, 签约活动: a ceremony named after the title, not its signing.
CEREMONY = ("签约仪式", "签约活动", "签署仪式")
# ，协议由 / ，该协定由: a clause that goes back to the text just signed to say who signed it.
_RESTATED = re.compile(r"[，,](?:该|此|上述)?(?:协议|协定|备忘录|合同|文件)由")
# ，由 right after the clause of the verb: the signers, before a verb of their own.
_BY_NEXT = re.compile(r"[，,](?:并|均|则|分别)?由")


def signers_told_after(
    f: Found, verb: int, se: int, verbs: list[int], skip: list[tuple[int, int]]
) -> list[Entity]:
    """The signers of a title signed by the verb at ``verb`` after it, told in a clause of
    their own before the next verb of the sentence (ending at ``se``); none otherwise."""
    norm = f.norm
    told = None  # where a clause that says who signed begins
    if (restated := _RESTATED.search(norm, verb, se)) is not None:
        told = restated.end()  # 《T》于…在香港签署，协议由A与B共同签署
    elif norm.startswith(CEREMONY, verb):
        told = clause_end(norm, verb, se) + 1  # 《T》签约仪式…举行，A与B签署
    elif (by := _BY_NEXT.match(norm, clause_end(norm, verb, se))) is not None:
        told = by.end()  # T正式签约，由A与B签署
    then = next((v for v in verbs if told is not None and v > told), None)
    return bodies_in(f, told, then, skip) if told is not None and then is not None else []


# The opening of a sentence that names the signers of the signing told just before it
# (签约双方分别为A和B。协议由A与B共同签署。签署方包括A、B和C。).
_TOLD_NEXT = re.compile(
    r"(?:(?:该|此|上述)?(?:协议|协定|备忘录)的)?"
    + SIGNERS_LISTED.pattern
    + r"|(?:该|此|上述)?(?:协议|协定|备忘录)由"
)


def signers_told_next(f: Found, i: int, title_end: int) -> list[Entity]:
    """The signers of a title signed in sentence ``i`` with none named there, told right after
    the title (签署了《T》，协议由A与B共同签署) or at the start of the next sentence of the
    paragraph (《T》在固原签署。签约双方分别为A和B。); none otherwise."""
    norm, prep = f.norm, f.prep
    se = prep.bounds[i][1]
    restated = _RESTATED.match(norm, title_end, se)
    if restated is not None:
        lo, hi = restated.end(), se
    elif i + 1 < len(prep.bounds) and prep.paragraph[i + 1] == prep.paragraph[i]:
        ns, hi = prep.bounds[i + 1]
        told = _TOLD_NEXT.match(norm, ns)
        if told is None:
            return []
        lo = told.end()
    else:
        return []
    end = clause_end(norm, lo, hi)
    return bodies_in(f, lo, end, witness_spans(norm, lo, end))
