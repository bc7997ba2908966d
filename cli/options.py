"""Options shared by several commands, defined once and stacked on each command."""

from __future__ import annotations

import datetime as dt
from typing import Callable

import click


class FilePath(click.Path):
    """click.Path that refuses a NUL in the name (os.stat raises ValueError on it, not OSError)."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and "\x00" in value:
            self.fail("路径中有空字符（NUL），不是有效的文件名", param, ctx)
        return super().convert(value, param, ctx)


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"日期格式应为 YYYY-MM-DD，收到 {value!r}") from None


today_option = click.option("--today", callback=_parse_today, metavar="YYYY-MM-DD",
                            help="按哪一天计算剩余天数（默认今天）。")
day_basis_option = click.option("--day-basis", type=click.Choice(["360", "365"]), default="360", show_default=True,
                                help="重算利息时一年按多少天计。")
holidays_option = click.option("--holidays", "holidays_file", type=FilePath(dir_okay=False, exists=True),
                               envvar="RESPOND_HOLIDAYS", metavar="FILE",
                               help="补充尚未收录年份的法定节假日安排（JSON，格式见 README）。也可用环境变量 RESPOND_HOLIDAYS。")
lpr_option = click.option("--lpr", "lpr_file", type=FilePath(dir_okay=False, exists=True), envvar="RESPOND_LPR",
                          metavar="FILE", help="补充更新的 LPR 报价（CSV：公布日,一年期LPR百分数）。也可用环境变量 RESPOND_LPR。")
force_option = click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")


def engine_options(f: Callable) -> Callable:
    """--today, --day-basis, --holidays, --lpr: everything the rules engine takes from outside."""
    for option in reversed((today_option, day_basis_option, holidays_option, lpr_option)):
        f = option(f)
    return f
