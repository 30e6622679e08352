"""Dates as written and completed from the lead date, the publication date or the text."""

from __future__ import annotations

import datetime

import pytest

from kg.extract.dates import complete_date, find_dates, text_year


@pytest.mark.parametrize(
    "text, parts",
    [
        ("2022年9月6日签署", [(2022, 9, 6)]),
        ("12月17日,两地", [(None, 12, 17)]),
        ("17日,双方签订", [(None, None, 17)]),
        ("十一月八日举行", [(None, 11, 8)]),
        ("第3日和2号线", []),
    ],
)
def test_dates_as_written(text, parts):
    assert [(d.year, d.month, d.day) for d in find_dates(text)] == parts


@pytest.mark.parametrize(
    "text, year",
    [
        ("2021年川渝合作成效明显,计划到2025年建成,2021年投资增长。", 2021),
        ("力争到2025年建成。", None),
        ("2022年和2023年各一次。", 2023),
    ],
)
def test_dates_text_year_skips_target_years(text, year):
    assert text_year(text) == year


@pytest.mark.parametrize(
    "text, published, year_in_text, expected",
    [
        ("3月5日签署", datetime.date(2023, 3, 6), None, (datetime.date(2023, 3, 5), "published")),
        (
            "12月28日签署",
            datetime.date(2024, 1, 2),
            None,
            (datetime.date(2023, 12, 28), "published"),
        ),
        ("3月5日签署", None, 2021, (datetime.date(2021, 3, 5), "text")),
        (
            "2020年3月5日签署",
            datetime.date(2023, 3, 6),
            None,
            (datetime.date(2020, 3, 5), "explicit"),
        ),
        ("5日签署", datetime.date(2023, 3, 6), None, (datetime.date(2023, 3, 5), "published")),
        ("3月5日签署", None, None, None),
    ],
)
def test_dates_completed_from_context(text, published, year_in_text, expected):
    dates = find_dates(text)
    value = complete_date(dates[0], dates, published, year_in_text)
    assert (value.date, value.year_source) == expected if expected else value is None


def test_dates_day_takes_month_from_the_lead_date():
    text = "12月17日,两地签署协议。2021年…17日,双方签订。"
    dates = find_dates(text)
    value = complete_date(dates[-1], dates, None, 2021)
    assert value.date == datetime.date(2021, 12, 17)
