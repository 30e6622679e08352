"""Short forms of places that a list shows to be rivers, lakes or hills (黄河、黑河、巴音河)."""

from __future__ import annotations

import re

__all__ = ["listed_with_kind"]

# Last characters of rivers, lakes and hills, which some cities' names end with (黑河, 丹江).
_NATURE_ENDS = frozenset("河江湖山")


def listed_with_kind(norm: str, start: int, end: int, places: dict[int, int]) -> bool:
    """True when the short form at ``norm[start:end]`` ends with a river's or a hill's
    character and an item listed beside it that is no place ends with the same (黄河、黑河、
    巴音河; 大通河 is a river though 大通 is a place). ``places`` maps where each place found
    starts to where it ends."""
    last = norm[end - 1]
    if last not in _NATURE_ENDS:
        return False
    before = norm.rfind("、", max(0, start - 6), start)
    if before == start - 1 and norm[before - 1 : before] == last:
        k = before - 1
        while k > 0 and "\u4e00" <= norm[k - 1] <= "\u9fff" and before - k < 5:
            k -= 1
        if places.get(k) != before:
            return True
    after = norm.find("、", end, end + 1)
    if after == end:
        m = re.match(r"[\u4e00-\u9fff]{1,4}?" + last, norm[after + 1 : after + 6])
        return m is not None and places.get(after + 1) != after + 1 + m.end()
    return False
