"""Whether an agreement's title names a commercial contract (a sale, a purchase, a loan, a
tender) rather than a cooperation agreement."""

from __future__ import annotations

import re

__all__ = ["commercial"]

# Words of a commercial contract (a sale, a purchase, a licence, a tender) and amounts traded,
# not of a cooperation agreement (年产5万吨: a project's yearly output, not goods traded).
_COMMERCIAL = re.compile(
    r"合同|采购|销售|购买|购销|购电|售电|标段|招股|冠名|租赁|供货|订单(?!培养|式|班)|使用协议|授权协议|许可协议"
    r"|贷款|借款|赔偿|会员|收购|寄养|(?<!年产)\d[\d.]*[余多]?[万亿]?(?:吨|元|美元|欧元|港元|亩|台|辆|件|箱|套)"
)
# (订单培养, 订单式, 订单班: training for a company's jobs, a college's cooperation, not an order)
# Goods traded under a contract (出口机械及配件协议); a protocol on the inspection of goods
# exported, or an agreement on their clearance, tax refunds or supervision, is one between
# public bodies (…出口…检验检疫要求议定书, 出口退税与通关数据共享协议).
_TRADE = re.compile(r"出口|进口")
_INSPECTION = re.compile(r"检疫|检验|卫生|议定书|退税|通关|监管|便利化|数据共享")
# A cooperation agreement named after its field (住房租赁战略合作协议, 原油采购合作备忘录):
# only a contract's own words or an amount make it commercial.
_COOPERATION = re.compile(r"战略合作|合作框架|框架合作|合作备忘录|谅解备忘录")
_CONTRACT = re.compile(
    r"合同|标段|(?<!年产)\d[\d.]*[余多]?[万亿]?(?:吨|元|美元|欧元|港元|亩|台|辆|件|箱|套)"
)


def commercial(title: str) -> bool:
    """True when ``title`` names a commercial contract, not a cooperation agreement."""
    if _COOPERATION.search(title):
        return _CONTRACT.search(title) is not None
    if _COMMERCIAL.search(title):
        return True
    # (出口服务合作协议, 进口物流合作协议: cooperation on trade, not goods traded)
    return (
        _TRADE.search(title) is not None
        and _INSPECTION.search(title) is None
        and "合作" not in title
    )
