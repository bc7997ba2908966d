"""checks/credit_record.py: each ground of a credit-record dispute holds on the facts that support
it and is refused, naming the field, on the facts that do not. Dates and amounts by hand."""

import datetime as dt
from decimal import Decimal as D

import pytest

from respond.checks import credit_record as cr

TODAY = dt.date(2026, 12, 4)
REPORT = {"amounts": {"lawful_total": 8195.75},
          "findings": [{"code": "RATE_ABOVE_CAP", "title": "综合年化利率超过法定上限", "basis": ["《甲》第2条"]},
                       {"code": "DEADLINE", "title": "答辩期", "basis": ["《乙》第1条"]}]}


def record(*grounds, **kw):
    return cr.CreditRecord(report_date=kw.pop("report_date", dt.date(2026, 11, 18)), grounds=grounds, **kw)


def run(rec, report=REPORT, today=TODAY):
    return cr.grounds(rec, report, rec.report_date, today)


def test_deletion_is_due_the_day_after_five_years():
    """第16条: kept 5 years from the end, deleted when "超过5年": ended 2021-03-01 → due 2026-03-02."""
    assert cr.deletion_due(dt.date(2021, 3, 1)) == dt.date(2026, 3, 2)
    assert cr.deletion_due(dt.date(2020, 2, 29)) == dt.date(2025, 3, 1)  # 2025-02-28 is the anniversary


@pytest.mark.parametrize("today, holds", [(dt.date(2026, 3, 1), False), (dt.date(2026, 3, 2), True)])
def test_older_than_five_years_holds_from_the_due_day(today, holds):
    found, refused = run(record(cr.OLDER_THAN_FIVE_YEARS, ended_on=dt.date(2021, 3, 1),
                                report_date=dt.date(2026, 2, 1)), today=today)
    assert bool(found) is holds and bool(refused) is not holds
    if not holds:
        assert refused[0].field == "ended_on" and "2026-03-02" in refused[0].message


def test_older_than_five_years_needs_the_end_date():
    found, refused = run(record(cr.OLDER_THAN_FIVE_YEARS))
    assert not found and refused[0].field == "ended_on"


def test_repaid_before_the_report_holds_after_it_is_refused():
    found, refused = run(record(cr.REPAID, settled_on=dt.date(2026, 10, 1)))
    assert [g.code for g in found] == [cr.REPAID] and not refused
    assert found[0].facts == {"settled_on": dt.date(2026, 10, 1)}
    found, refused = run(record(cr.REPAID, settled_on=dt.date(2026, 11, 19)))
    assert not found and refused[0].field == "settled_on" and "请重新查询信用报告" in refused[0].message
    found, refused = run(record(cr.REPAID))
    assert not found and refused[0].field == "settled_on"


def test_an_amount_above_the_lawful_figure_holds_with_the_difference():
    """9,412.56 − 8,195.75 = 1,216.81; the reasons are the report's amount findings only."""
    found, refused = run(record(cr.AMOUNT_ABOVE_LAWFUL, amount_shown=D("9412.56")))
    assert not refused
    facts = found[0].facts
    assert facts["difference"] == D("1216.81") and facts["lawful"] == D("8195.75")
    assert facts["findings"] == [("综合年化利率超过法定上限", ("《甲》第2条",))]


@pytest.mark.parametrize("shown", [D("8195.75"), D("100.00")])
def test_an_amount_not_above_the_lawful_figure_is_refused(shown):
    found, refused = run(record(cr.AMOUNT_ABOVE_LAWFUL, amount_shown=shown))
    assert not found and refused[0].field == "amount_shown" and "不高于依法应还的 8,195.75 元（截至 2026-11-18）" in refused[0].message


def test_the_amount_ground_needs_the_amount_and_a_lawful_figure():
    assert run(record(cr.AMOUNT_ABOVE_LAWFUL))[1][0].field == "amount_shown"
    found, refused = run(record(cr.AMOUNT_ABOVE_LAWFUL, amount_shown=D("1")), report={"amounts": {}, "findings": []})
    assert not found and refused[0].field == "grounds"


def test_not_my_loan_cannot_be_argued_with_repaid():
    _, refused = run(record(cr.NOT_MY_LOAN, cr.REPAID, settled_on=dt.date(2026, 10, 1)))
    assert [r.field for r in refused] == ["grounds"]


def test_a_report_from_the_future_is_refused():
    _, refused = run(record(cr.NO_PRIOR_NOTICE, report_date=dt.date(2026, 12, 5)))
    assert refused[0].field == "report_date"


def test_the_person_s_own_grounds_hold_on_their_word_with_their_basis():
    found, refused = run(record(cr.NOT_MY_LOAN, cr.NO_PRIOR_NOTICE))
    assert not refused
    assert [(g.code, g.basis) for g in found] == [(cr.NOT_MY_LOAN, ("zx_25", "pipl_46", "mfd_1037")),
                                                  (cr.NO_PRIOR_NOTICE, ("zx_15",))]


def test_every_basis_is_an_entry_of_the_citation_index():
    from respond.checks.findings import citations

    ids = {b for basis in cr.BASIS.values() for b in basis}
    ids |= set(cr.RIGHT_BASIS + cr.DISPUTE_BASIS + cr.COMPLAINT_BASIS + cr.STATEMENT_BASIS + cr.CHECK_BASIS + cr.DELETION_BASIS + cr.PERSON_STATEMENT_BASIS)
    assert ids <= set(citations())


def test_not_my_loan_cannot_be_argued_with_an_ended_overdue():
    _, refused = run(record(cr.NOT_MY_LOAN, cr.OLDER_THAN_FIVE_YEARS, ended_on=dt.date(2020, 1, 1)))
    assert "grounds" in [r.field for r in refused]


def test_a_settlement_or_end_before_the_loan_began_is_refused():
    rec = record(cr.REPAID, settled_on=dt.date(2024, 1, 1))
    _, refused = cr.grounds(rec, REPORT, rec.report_date, TODAY, loan_start=dt.date(2024, 3, 15))
    assert [r.field for r in refused] == ["settled_on"] and "早于借款开始的 2024-03-15" in refused[0].message
