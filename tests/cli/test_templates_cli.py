"""--templates DIR and respond templates check: a firm's restyled templates."""

import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from docx_text import visible_text
from respond.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "microloan-fees.json"
NAMES = ("答辩状-金融借款.docx", "答辩状-民间借贷.docx", "利息重算表.docx", "管辖权异议申请书.docx")


def firm_copy(tmp_path, edit=None):
    d = tmp_path / "firm"
    d.mkdir()
    for name in NAMES:
        shutil.copy(ROOT / "templates" / name, d / name)
    if edit:
        target = d / NAMES[0]
        with zipfile.ZipFile(target) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        parts["word/document.xml"] = edit(parts["word/document.xml"].decode("utf-8")).encode("utf-8")
        with zipfile.ZipFile(target, "w") as z:
            for n, data in parts.items():
                z.writestr(n, data)
    return d


def test_firm_templates_are_used(tmp_path):
    d = firm_copy(tmp_path, lambda xml: xml.replace("民事答辩状", "某某律师事务所代拟·民事答辩状", 1))
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(EXAMPLE), "--out", str(out), "--templates", str(d),
                                  "--today", "2026-11-21"])
    assert r.exit_code == 0, r.stderr
    assert "某某律师事务所代拟·民事答辩状" in visible_text((out / "答辩状.docx").read_bytes())


def test_templates_check_clean_copy(tmp_path):
    r = CliRunner().invoke(main, ["templates", "check", str(firm_copy(tmp_path))])
    assert r.exit_code == 0 and "完全对应" in r.stdout


def test_templates_check_finds_undefined_variable(tmp_path):
    d = firm_copy(tmp_path, lambda xml: xml.replace("{{ court }}", "{{ court_name }}", 1))
    r = CliRunner().invoke(main, ["templates", "check", str(d)])
    assert r.exit_code == 2 and "court_name" in r.stdout


def test_draft_with_undefined_variable_is_an_error_not_a_blank(tmp_path):
    d = firm_copy(tmp_path, lambda xml: xml.replace("{{ court }}", "{{ court_name }}", 1))
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(EXAMPLE), "--out", str(out), "--templates", str(d)])
    assert r.exit_code == 2 and "court_name" in r.stderr and not out.exists()


def test_missing_template_file(tmp_path):
    d = firm_copy(tmp_path)
    (d / NAMES[2]).unlink()
    r = CliRunner().invoke(main, ["draft", "--case", str(EXAMPLE), "--out", str(tmp_path / "o"), "--templates", str(d)])
    assert r.exit_code == 2 and "利息重算表.docx" in r.stderr


def test_a_template_cannot_reach_python_internals(tmp_path):
    """A firm's template is user input: {{ cycler.__init__.__globals__.os… }} is refused (sandbox),
    reported by templates check, and nothing runs or is written."""
    marker = tmp_path / "PWNED"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"
    d = firm_copy(tmp_path, lambda xml: xml.replace("{{ court }}", "{{ court }}" + payload, 1))
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(EXAMPLE), "--out", str(out), "--templates", str(d),
                                  "--today", "2026-11-21"])
    assert r.exit_code == 2 and "不安全" in r.stderr, r.stderr
    assert not marker.exists() and not out.exists()
    r = CliRunner().invoke(main, ["templates", "check", str(d)])
    assert r.exit_code == 2 and "cycler.__init__" in r.stdout
