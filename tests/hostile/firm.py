"""Hostile firm templates (issue 16): the package's own templates copied into a firm folder, the
金融借款 answer edited with a payload. Shared by tests/templates/test_firm_bounds.py and the campaign."""

import io
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NAMES = ("答辩状-金融借款.docx", "答辩状-民间借贷.docx", "利息重算表.docx", "管辖权异议申请书.docx")


def firm_dir(tmp_path, payload=None, *, document_xml=None, raw=None):
    """The package's templates copied, the 金融借款 answer edited: ``payload`` added after the court's
    name, or its document.xml replaced, or the whole file replaced by ``raw`` bytes."""
    d = tmp_path / "firm"
    d.mkdir()
    for name in NAMES:
        shutil.copy(ROOT / "templates" / name, d / name)
    target = d / NAMES[0]
    if raw is not None:
        target.write_bytes(raw)
        return d
    with zipfile.ZipFile(target) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    if payload is not None:
        assert "{{ court }}" in xml
        xml = xml.replace("{{ court }}", "{{ court }}" + payload, 1)
    if document_xml is not None:
        xml = document_xml
    parts["word/document.xml"] = xml.encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    target.write_bytes(buf.getvalue())
    return d


HOSTILE = {
    "range_1e9": ("{% for i in range(1000000000) %}x{% endfor %}", "range"),
    "power_10_5000": ("{{ 10 ** 5000 }}", "乘方"),
    "string_times_1e9": ("{{ 'x' * 1000000000 }}", "重复"),
    "list_times_1e9": ("{{ ([1] * 1000000000)|length }}", "重复"),
    "include_etc_passwd": ("{% include '/etc/passwd' %}", "include"),
    "import": ("{% import 'x.html' as x %}", "import"),
    "from_import": ("{% from 'x.html' import y %}", "import"),
    "extends": ("{% extends '/etc/passwd' %}", "extends"),
    "format_width": ("{{ '{:>999999999}'.format(1) }}", "模板"),
    "percent_width": ("{{ '%999999999s' % 'x' }}", "内存"),
    "center_filter": ("{{ 'x'|center(999999999) }}", "内存"),
    "join_huge": ("{{ range(100000)|join('x' * 900000) }}", "内存"),
    "macro_recursion": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "递归"),
    "nested_output": ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
                      "模板"),
    "internals": ("{{ cycler.__init__.__globals__ }}", "不安全"),
    "unknown_filter": ("{{ court|nosuch }}", "语法错误"),
    "undefined_variable": ("{{ no_such_thing.x }}", "no_such_thing"),
    "division_by_zero": ("{{ 1 // 0 }}", "模板"),
    "unclosed_tag": ("{% if court %}", "语法错误"),
}
