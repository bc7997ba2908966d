"""A loan not (yet) sued, written as a case file by ``respond debts`` (docs/debts-file.md): the
court's name marks it. ``respond check`` reads it (the figures are the list's); no answer is drafted
from it, since its filing and service dates are assumed."""

from __future__ import annotations

NOT_SUED_COURT = "（尚未起诉）"
NOT_SUED = ("这是 respond debts 为一笔尚未被起诉的借款写的案件文件（court.name 为“（尚未起诉）”）："
            "立案日和送达日是假设的，答辩截止日没有意义，只能用来核对金额，不能据此生成答辩状")


def is_not_sued(case) -> bool:
    return case.court.name == NOT_SUED_COURT
