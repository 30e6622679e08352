"""Words before a project's name that are not part of it: a visit's or a walk's verb, a venue."""

from __future__ import annotations

import re

__all__ = ["after_visit"]

# Verbs of a visit or a report before a facility (察看, 来到, 指着), or of what a person does
# there (学习, 负责, 担任, 开始), and what happens since (以来): the name is after them.
_VISIT = re.compile(
    r"察看|查看|考察|视察|参观|调研|来到|走进|走访|看望|指着|代表|了解|听取|前往|抵达|途经|打卡|[东南西北][接连]"
    r"|扶持|帮扶|资助|步入|前来|学习|负责|开始|结合|送回|重振|以来|距离|变身|变成|化身|首创|开创|保证|确保|聚焦|锚定|专注|坐上|乘坐|搭乘|发现|看到"
    r"|现任|担任|出任|兼任|曾任|任职于|就职于|供职于|漫步|徜徉|置身|驱车|去看|来看"
)
# The venue of a games or a summit written before a facility (冬奥会延庆赛区国家高山滑雪中心,
# 峰会主会场青岛国际会议中心): the facility's name is after it.
_VENUE_OF = re.compile(r"赛区|主会场|分会场")


def after_visit(norm: str, start: int, hs: int) -> int | None:
    """Where a name before the head at ``hs`` begins after the verb of a visit, a report or
    a walk (察看, 来到, 漫步) or the venue of a games or a summit (…赛区, 主会场) written in the
    words from ``start``; None when there is none."""
    return max(
        (
            m.end()
            for m in (*_VISIT.finditer(norm, start, hs), *_VENUE_OF.finditer(norm, start, hs))
        ),
        default=None,
    )
