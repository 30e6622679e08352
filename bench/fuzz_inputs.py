"""Fuzzed inputs for the extractor and the reader: text, JSONL lines and sidecars, by seed.

Each input depends only on ``(seed, index)``. Texts mix sentences that read like
regional-cooperation news (places, agencies, 签署, agreements, dates, figures, projects,
organisations; written for this generator) with noise: any code point but surrogates,
controls, noncharacters, numbers of up to 40 digits before 亿元, long runs of one
character (``[`` × N, 《 without 》, digits, clause marks). JSONL lines are JSON of any
shape (wrong types, missing fields, nested values, duplicate and look-alike ids) beside
good articles; sidecars are ``.meta.json`` files of the same kinds.

``bench/fuzz.py`` runs them; ``tests/test_fuzz.py`` draws from the same vocabulary.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from kg.extract.text import clean_text

__all__ = [
    "PLACES",
    "AGENCIES",
    "ORGANIZATIONS",
    "HEADS",
    "UNITS",
    "PROJECTS",
    "JOINERS",
    "FILLER",
    "MARKS",
    "ODD",
    "Input",
    "news_sentence",
    "noise",
    "fuzz_text",
    "json_value",
    "jsonl_line",
    "sidecar",
    "make_input",
]

PLACES = (
    "重庆市", "成都市", "四川省", "北京市", "天津市", "河北省", "上海市", "浙江省", "江苏省",
    "浦东新区", "海淀区", "渝中区", "江北区", "永川区", "两江新区", "天府新区", "雄安新区",
    "西部（成都）科学城", "西部(重庆)科学城", "中关村科学城", "广州市", "深圳市", "德阳市",
    "绵阳市", "泸州市", "南京市江宁区", "黑河市", "香港特别行政区", "澳门", "俄罗斯", "老挝",
    "新加坡", "川渝", "京津冀", "长三角", "粤港澳大湾区", "成渝地区双城经济圈", "市", "区", "县",
)  # fmt: skip
AGENCIES = (
    "科技局", "科委", "发展改革委", "经济和信息化委员会", "经信委", "人民政府", "政府", "管委会",
    "商务厅", "交通运输厅", "生态环境局", "市场监管局", "教委", "卫生健康委", "大数据发展局",
    "农业农村局", "文化和旅游局", "住建局", "医保局", "国资委", "外事办", "发改委",
)  # fmt: skip
ORGANIZATIONS = (
    "重庆大学", "四川大学华西医院", "中国科学院", "电子科技大学", "西南交通大学", "成都日报",
    "长江汽车股份有限公司", "山城数据科技有限公司", "疾病预防控制中心", "国家电网", "研究院",
    "宁德时代", "中国一汽", "某某集团", "教授", "负责人",
)  # fmt: skip
HEADS = (
    "战略合作协议", "合作协议", "合作框架协议", "战略合作框架协议", "合作备忘录", "备忘录",
    "协议", "框架协议", "合同", "意向书", "共建协议", "类似协议",
)  # fmt: skip
THEMES = (
    "科技创新", "协同发展", "先进制造", "综合交通", "生态保护", "数字经济", "医疗卫生",
    "人才交流", "文旅融合", "一体化发展", "共建示范区",
)  # fmt: skip
UNITS = (
    "亿元", "万元", "元", "平方公里", "公顷", "亩", "万辆", "万吨", "万人次", "个", "%", "万千瓦",
    "兆瓦", "公里", "米", "万平方米", "家", "项", "倍", "亿",
)  # fmt: skip
PROJECTS = (
    "智能网联汽车产业园项目", "生物医药产业基地", "长江大桥", "成渝中线高铁", "渝西、渝万高铁",
    "第一期项目", "数据中心", "综合物流园", "污水处理厂扩建工程", "智慧口岸建设项目",
    "高速公路", "轨道交通线", "湿地公园", "白沙、龙潭两座长江大桥", "黑河—布拉戈维申斯克大桥",
)  # fmt: skip
JOINERS = (
    "与", "和", "同", "、", "及", "等", "签署", "签订", "共同签署了", "举行签约仪式", "达成",
    "先后", "陆续", "在", "于", "将", "力争达到", "规划面积", "总投资", "涉及", "位于",
    "告诉记者", "介绍", "据", "报道", "到", "年底", "计划", "建设", "推进", "共建",
)  # fmt: skip
FILLER = (
    "双方表示", "会议指出", "近日", "今年以来", "记者从会上获悉", "据了解", "下一步",
    "上述", "此次", "进一步加强合作", "其中", "同比增长", "截至目前", "第一",
)  # fmt: skip
MARKS = "，。、；：！？《》“”（）()[]【】—…·\n \u3000\t"
# code points a feed may hold that are no text: controls, noncharacters, a BOM, bidi
# controls, a replacement character, characters whose NFKC is longer than they are
ODD = (
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f", "\r",
    "\r\n", "\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\ufeff",
    "\u200b", "\u202e", "\u2028", "\u2029", "\ufffd", "㍻", "ﬁ", "①", "㎡", "１２", "Ⅻ",
    "\u0301", "𠀀", "😀", "\\", '"', "'", "<", ">", "{", "}", "#", "@", "^^", "_:",
)  # fmt: skip


@dataclass(frozen=True)
class Input:
    """One fuzzed input: ``kind`` is ``text``, ``jsonl`` or ``sidecar``.

    ``text`` is an article's text (``text``), a JSONL line (``jsonl``) or the article
    beside a sidecar (``sidecar``, whose ``.meta.json`` bytes are ``data``). ``good``
    says whether the reader must accept it (``True``), must reject it (``False``) or
    either may be right (``None``: arbitrary JSON).
    """

    index: int
    kind: str
    text: str
    data: bytes = b""
    good: bool | None = True


def _digits(rng: random.Random) -> str:
    n = rng.choice((1, 2, 3, 4, 4, 5, 8, 12, 20, 28, 29, 30, 40))
    s = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
    if rng.random() < 0.2:
        s += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 6)))
    if rng.random() < 0.1:
        s = s.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    if rng.random() < 0.1:
        s = rng.choice(("一", "五", "十二", "三千", "两", "百", "半", "数十", "上万"))
    return s


def _date(rng: random.Random) -> str:
    y = rng.choice((str(rng.randint(1949, 2035)), "0", "99999", "2021", "２０２３"))
    m, d = rng.randint(0, 14), rng.randint(0, 33)
    form = rng.randrange(6)
    if form == 0:
        return f"{y}年{m}月{d}日"
    if form == 1:
        return f"{m}月{d}日"
    if form == 2:
        return f"{y}年{m}月"
    if form == 3:
        return f"{y}年"
    if form == 4:
        return f"{y}-{m:02d}-{d:02d}"
    return rng.choice(("今年", "去年", "同日", "当天", "12月17日", "2月29日", "2月30日"))


def _agency(rng: random.Random) -> str:
    return rng.choice(PLACES) + rng.choice(AGENCIES)


def _title(rng: random.Random) -> str:
    name = rng.choice(PLACES)[:2] + rng.choice(PLACES)[:2] + rng.choice(THEMES) + rng.choice(HEADS)
    opened, closed = rng.choice((("《", "》"), ("《", "》"), ("《", ""), ("", "》"), ("“", "”")))
    return opened + name + closed


def _figure(rng: random.Random) -> str:
    return _digits(rng) + rng.choice(UNITS)


def news_sentence(rng: random.Random) -> str:
    """One sentence that reads like the news the extractor is made for."""
    form = rng.randrange(8)
    if form == 0:
        return f"{_date(rng)}，{_agency(rng)}与{_agency(rng)}签署{_title(rng)}。"
    if form == 1:
        parties = "、".join(_agency(rng) for _ in range(rng.randint(2, 5)))
        return f"{parties}{rng.choice(('等', ''))}在{rng.choice(PLACES)}共同签署了{_title(rng)}。"
    if form == 2:
        return f"{rng.choice(PLACES)}{rng.choice(('科学城', '新区', ''))}规划面积{_figure(rng)}，涉及{rng.choice(PLACES)}、{rng.choice(PLACES)}等。"
    if form == 3:
        return f"到{_date(rng)}，两地{rng.choice(('汽车产量', '产值', '研发投入'))}力争达到{_figure(rng)}。"
    if form == 4:
        return (
            f"{rng.choice(PLACES)}{rng.choice(PROJECTS)}总投资{_figure(rng)}，占地{_figure(rng)}。"
        )
    if form == 5:
        return f"{rng.choice(ORGANIZATIONS)}与{rng.choice(ORGANIZATIONS)}签订{_title(rng)}，{rng.choice(FILLER)}。"
    if form == 6:
        return f"{rng.choice(FILLER)}，{_agency(rng)}{rng.choice(JOINERS)}{rng.choice(ORGANIZATIONS)}{rng.choice(JOINERS)}{_title(rng)}{_date(rng)}。"
    return "".join(_word(rng) for _ in range(rng.randint(3, 20))) + rng.choice(("。", "", "！"))


def _word(rng: random.Random) -> str:
    pick = rng.randrange(10)
    if pick == 0:
        return _agency(rng)
    if pick == 1:
        return _title(rng)
    if pick == 2:
        return _figure(rng)
    if pick == 3:
        return _date(rng)
    return rng.choice(_POOLS[pick % len(_POOLS)])


_POOLS = (PLACES, ORGANIZATIONS, PROJECTS, JOINERS, FILLER, MARKS, HEADS, THEMES)


def noise(rng: random.Random) -> str:
    """A stretch of what is not news: odd code points, any code point, long runs."""
    pick = rng.randrange(6)
    if pick == 0:
        return "".join(rng.choice(ODD) for _ in range(rng.randint(1, 8)))
    if pick == 1:  # any code point but the surrogates, which no str read from UTF-8 holds
        out = []
        for _ in range(rng.randint(1, 30)):
            c = rng.randrange(0x110000) if rng.random() < 0.5 else rng.randrange(0x3000, 0xA000)
            out.append(chr(c) if not 0xD800 <= c < 0xE000 else "\ufffd")
        return "".join(out)
    if pick == 2:
        run = rng.choice(
            (
                "[",
                "《",
                "》",
                "(",
                "（",
                "“",
                "，",
                "、",
                "。",
                "\n",
                "9",
                "亿",
                "签署",
                "与",
                "市",
                " ",
            )
        )
        return run * rng.choice((10, 100, 1000, 5000))
    if pick == 3:
        return _digits(rng) * rng.randint(1, 3) + rng.choice(UNITS)
    if pick == 4:
        return "".join(rng.choice(MARKS) for _ in range(rng.randint(1, 20)))
    return "".join(rng.choice("abcXYZ0123456789 -_./:") for _ in range(rng.randint(1, 20)))


def fuzz_text(rng: random.Random, pieces: int | None = None) -> str:
    """An article: news sentences and noise, joined with or without breaks."""
    parts = []
    for _ in range(pieces if pieces is not None else rng.randint(1, 25)):
        parts.append(news_sentence(rng) if rng.random() < 0.65 else noise(rng))
        if rng.random() < 0.2:
            parts.append(rng.choice(("\n", "\n\n", "\r\n", " ", "")))
    return "".join(parts)


def json_value(rng: random.Random, depth: int = 0) -> object:
    """Any JSON value, nested a little."""
    pick = rng.randrange(9 if depth < 3 else 6)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice((True, False))
    if pick == 2:
        return rng.choice((0, -1, 7, 2**64, 10**30, 1.5, -0.0, 1e308))
    if pick == 3:
        return fuzz_text(rng, rng.randint(0, 3))
    if pick == 4:
        return rng.choice(
            ("", " ", "2021-12-18", "2021-02-30", "12/17/2021", "2021-12-18T08:00:00Z")
        )
    if pick == 5:
        return noise(rng)
    if pick == 6:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    keys = ("id", "text", "title", "url", "source", "published", "x")
    return {rng.choice(keys): json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


_IDS = ("a", "a ", " a", "Ａ", "report 1", "report1", "Ｒ2", "R2", "重庆 1", "x\u3000y")


def _good_record(rng: random.Random, index: int) -> dict:
    record = {"id": f"doc-{index}", "text": fuzz_text(rng)}
    if not clean_text(record["text"]).strip():
        record["text"] += news_sentence(rng)
    for key in ("title", "url", "source"):
        if rng.random() < 0.3:
            record[key] = rng.choice((None, noise(rng), news_sentence(rng)))
    if rng.random() < 0.3:
        record["published"] = rng.choice((None, "", "2021-12-18", "2023-03-06T10:00:00+08:00"))
    return record


def _bad_record(rng: random.Random, index: int) -> object:
    record = _good_record(rng, index)
    flaw = rng.randrange(8)
    if flaw == 0:
        record.pop("text")
    elif flaw == 1:
        record["text"] = rng.choice((5, [], {}, True, "", " \n "))
    elif flaw == 2:
        record[rng.choice(("title", "url", "source"))] = rng.choice((5, ["x"], {"a": 1}, False))
    elif flaw == 3:
        record["published"] = rng.choice((2021, "2021-02-30", "tomorrow", ["2021-12-18"]))
    elif flaw == 4:
        record["id"] = rng.choice((7, None, " ", "", ["a"], "x\ufffey", "a\x00"))
    elif flaw == 5:
        return rng.choice(([1, 2], "text", None, 3))
    elif flaw == 6:
        record["text"] = "\udc80" + record["text"]
    else:
        record.pop("id")
    return record


def jsonl_line(rng: random.Random, index: int) -> tuple[bytes, bool | None]:
    """A JSONL line and whether the reader must accept it (``None``: it may either way)."""
    pick = rng.randrange(10)
    if pick < 5:
        record = _good_record(rng, index)
        return json.dumps(record, ensure_ascii=rng.random() < 0.3).encode("utf-8"), True
    if pick < 8:
        return json.dumps(_bad_record(rng, index), ensure_ascii=True).encode("utf-8"), False
    if pick == 8:  # not JSON, JSON nested too deep, not UTF-8 (GB18030 alone in a file)
        return rng.choice(
            ((b"[" * rng.choice((10, 1000, 100_000)), False), (b"{oops}", False),
             (b'{"id": "x", "text": ', False), (b"\xff\xfe\x00", False), (b"9" * 5000, False),
             ('{"id": "g", "text": "北京'.encode() + b'\xff"}', None))
        )  # fmt: skip
    value = json_value(rng)
    if isinstance(value, dict) and rng.random() < 0.5:
        value["id"] = rng.choice(_IDS)
    return json.dumps(value, ensure_ascii=rng.random() < 0.5).encode("utf-8"), None


def sidecar(rng: random.Random) -> tuple[bytes, bool | None]:
    """The bytes of a ``.meta.json`` sidecar and whether the reader must accept it."""
    pick = rng.randrange(6)
    if pick < 2:
        meta = {"published": rng.choice(("2021-12-18", None, "")), "title": news_sentence(rng)}
        if rng.random() < 0.5:
            meta["url"], meta["source"] = "https://example.org/a", rng.choice(ORGANIZATIONS)
        return json.dumps(meta, ensure_ascii=False).encode("utf-8"), True
    if pick == 2:
        return rng.choice((b"[" * 100_000, b"{", b"\xff\xfe", b"[]", b"null", b'"x"')), False
    if pick == 3:
        key = rng.choice(("title", "url", "source"))
        return json.dumps({key: rng.choice((1, [], {}, True))}).encode("utf-8"), False
    if pick == 4:
        return json.dumps({"published": rng.choice((1, "2021-13-01", "soon"))}).encode(), False
    return json.dumps(json_value(rng)).encode("utf-8"), None


def make_input(seed: int, index: int) -> Input:
    """Input ``index`` of the fuzzed inputs of ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    pick = rng.random()
    if pick < 0.45:
        text = fuzz_text(rng)
        return Input(index, "text", text, good=bool(clean_text(text).strip()))
    if pick < 0.85:
        line, good = jsonl_line(rng, index)
        return Input(index, "jsonl", "", line, good)
    data, good = sidecar(rng)
    # news alone: a .txt file of noise is rejected as binary, which is not the sidecar's doing
    text = "".join(news_sentence(rng) for _ in range(rng.randint(1, 8)))
    return Input(index, "sidecar", text, data, good)
