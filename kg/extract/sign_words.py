"""The words of a signing: the verbs that sign, what may stand between the signers and the
verb, and the markers of signers listed after it."""

from __future__ import annotations

import re

__all__ = ["SIGNERS_LISTED", "SIGNING_GAP", "SIGN_VERBS"]

# The verbs that sign (续签: signs again; 签了《…》, 签下《…》), as written right before or after
# a signer (签署国, 签约方, 签署历程: nouns, the states or sides that signed or the signing's
# history).
SIGN_VERBS = (
    r"(?:(?<!、)签署(?![国方、]|历程|过程)|签订|签约(?![国方])|续签|订立|草签|签[了下](?=《))"
)

# The signers listed after a signing told without them (签约单位包括…, 签约方为…, 签约单位：…).
SIGNERS_LISTED = re.compile(
    r"(?:(?:签约|签署)(?:单位|方|各方|双方|主体)|参[与加]签约的?(?:单位|机构)?)(还)?"
    r"(?:(?:包括|为|是|有|分别为)[:：]?|[:：])"
)
# What may stand between the signers and the signing verb (正式, 共同, 17日, 在成都…签署), as
# a regular expression for one such word: the signers stay the verb's subject across it.
SIGNING_GAP = (
    r"(?:共同|联合|携手|一同|一起|同时|正式|成功|顺利|最终|终于|分别|也|还|又|再次|再度|首次|重新|再|已经?|现场|当场|刚刚|集中"
    r"|上午|下午|晚上|晚间|中午|日前|近日|最新|最近|近期|新近|不久前|此前|今天|昨天|当天"
    r"|(?:\d{1,2}月)?\d{1,2}日|于(?=\d|去年|今年|前年|上月|本月|近日|日前)"
    r"|就(?=签|正式|共同|$)"
    r"|在[\u4e00-\u9fff]{1,14}(?=签|续签|正式|共同|分别|再次|$))"
)
