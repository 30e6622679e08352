"""Companies named again by their trade name (sentences written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.lexicon import Lexicon
from kg.extract.trade_names import trade_name
from kg.records import Document


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.default()


@pytest.mark.parametrize(
    "label, name",
    [
        ("蔚来汽车科技(安徽)有限公司", "蔚来"),
        ("比亚迪股份有限公司", "比亚迪"),
        ("科大讯飞股份有限公司", "科大讯飞"),
        # the province a company is registered in, and what it makes after its name
        ("河南瑞贝卡发制品股份有限公司", "瑞贝卡"),
        # a city before a name the segmenter knows as one (宇通), not a city's own name (宁德时代)
        ("郑州宇通客车股份有限公司", "宇通"),
        # a city before two characters coined into a name, and what it sells
        ("苏州茗禾茶饮科技有限公司", "茗禾茶饮"),
        # characters coined into a name (the segmenter cuts them apart), a proper noun jieba
        # knows (海信, nz) however frequent
        ("许继集团有限公司", "许继"),
        ("海信集团控股股份有限公司", "海信"),
        # the province, the name, then the city the company is in
        ("江西澜越九江光电科技有限公司", "澜越"),
        ("甘肃禾泽张掖农牧发展有限公司", "禾泽"),
        # a place begins it, a common word is it, a place is it: no trade name of its own
        ("宁德时代新能源科技股份有限公司", None),
        ("物业公司", None),
        ("千岛湖发展集团", None),
        ("野生蜂蜜有限公司", None),
    ],
)
def test_trade_names_of_registered_names(lex, label, name):
    assert trade_name(label, lex) == name


def _orgs(text: str) -> set[tuple[str, str]]:
    ex = extract(Document(id="t", text=text))
    return {(m.span.surface, m.entity.label) for m in ex.mentions if m.entity.cls == "Organization"}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # the company named in full, then by its trade name, signs
        (
            "芜湖市与奇瑞汽车股份有限公司举行签约仪式。此前，安徽省商务厅与奇瑞签署了《出口合作备忘录》。",
            {("奇瑞", "奇瑞汽车股份有限公司")},
            set(),
        ),
        # the trade name and a legal form, written beside the registered name
        (
            "比亚迪股份有限公司在西安投资。比亚迪集团与西安市人民政府签署《电池制造合作协议》。",
            {("比亚迪集团", "比亚迪股份有限公司")},
            set(),
        ),
        # the trade name and its form one word to the segmenter (海信集团), read as the company
        (
            "海信集团有限公司在青岛投资建厂。海信集团与黄岛区人民政府签署《显示产业合作协议》。",
            {("海信集团", "海信集团有限公司")},
            {("海信集团", "海信集团")},
        ),
        # in a list paired with its signers one by one
        (
            "参会企业有许继集团有限公司和河南瑞贝卡发制品股份有限公司。会上，许继集团、瑞贝卡分别与"
            "长葛市政府、禹州市政府签订投资协议。",
            {("许继集团", "许继集团有限公司"), ("瑞贝卡", "河南瑞贝卡发制品股份有限公司")},
            set(),
        ),
        # a company abroad by its registered name (株式会社), then by its trade name alone;
        # what kind of company it is, written before its name, is not part of it
        (
            "该航线由日本物流企业近铁运输株式会社运营。大连市人民政府此前已与近铁运输签署战略合作协议。",
            {("近铁运输", "近铁运输株式会社")},
            {("物流企业近铁运输株式会社", "物流企业近铁运输株式会社")},
        ),
        # registered with its province and city around the name, then by the name alone
        (
            "开发区与江西澜越九江光电科技有限公司签约。当天，九江银行与澜越签署《供应链金融合作协议》。",
            {("澜越", "江西澜越九江光电科技有限公司")},
            set(),
        ),
        # another company's name that begins with the trade name, and a title's words
        (
            "保利发展控股集团股份有限公司在广州投资，保利物业负责管理。双方签署《保利社区服务协议》。",
            set(),
            {("保利", "保利发展控股集团股份有限公司")},
        ),
    ],
)
def test_trade_names_stand_for_the_company_named_before(text, present, absent):
    found = _orgs(text)
    assert present <= found
    assert not absent & found


def test_trade_names_china_and_a_coined_name_stand_for_the_company():
    # 中国一拖 of 中国一拖集团有限公司: China and a coined name is the trade name; 两家企业
    # then stands for the two named by their trade names in the sentence before
    text = (
        "签约单位：中国一拖集团有限公司、郑州宇通客车股份有限公司、河南科技大学。"
        "中国一拖和宇通均是装备制造龙头企业。本月，上述两家企业已签署《农机关键部件合作协议》。"
    )
    ex = extract(Document(id="t", text=text))
    parties = {r.object.label for r in ex.relations if r.predicate == "party"}
    assert "中国一拖集团有限公司" in parties
