"""A firm's template is code a stranger wrote: each hostile one is a clear template error (exit 2,
nothing written), never a hang, a gigabyte of memory, a file read from elsewhere, or a traceback.

The payloads are those of issue 16's campaign (range(1e9), 10**5000, 'x' * 1e9, an include of
/etc/passwd, …) plus their near relatives."""

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from respond.cli.main import main
from respond.templates import bounds

from hostile.firm import HOSTILE, firm_dir

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "microloan-fees.json"  # a 金融借款 case: the edited file is the one drafted


def draft(tmp_path, d):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(EXAMPLE), "--out", str(out), "--templates", str(d),
                                  "--today", "2026-11-21"])
    return r, out


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_template_is_a_template_error(tmp_path, key):
    payload, said = HOSTILE[key]
    r, out = draft(tmp_path, firm_dir(tmp_path, payload))
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    assert "模板" in r.stderr and said in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "内部错误" not in r.stderr
    assert "root:" not in r.stderr  # nothing of /etc/passwd
    assert not out.exists()


def test_an_endless_loop_stops_at_the_time_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "TEMPLATE_SECONDS", 1.0)
    payload = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    r, out = draft(tmp_path, firm_dir(tmp_path, payload))
    assert r.exit_code == 2 and "超过 1 秒" in r.stderr, r.stderr
    assert not out.exists()


def test_memory_limit_is_lifted_after_the_template(tmp_path):
    """The bound is for the template only: afterwards the process may allocate as before."""
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    r, _ = draft(tmp_path, firm_dir(tmp_path, "{{ 'x'|center(999999999) }}"))
    assert r.exit_code == 2
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    assert len(bytearray(1_000_000_000)) == 1_000_000_000


def test_zip_bomb_template(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * 300_000_000)
    r, out = draft(tmp_path, firm_dir(tmp_path, raw=buf.getvalue()))
    assert r.exit_code == 2 and "过大" in r.stderr, r.stderr
    assert not out.exists()


@pytest.mark.parametrize("raw", [b"", b"PK\x03\x04 truncated", b"not a zip at all"])
def test_broken_zip_template(tmp_path, raw):
    r, out = draft(tmp_path, firm_dir(tmp_path, raw=raw))
    assert r.exit_code == 2 and "不是有效的 .docx" in r.stderr, r.stderr
    assert not out.exists()


def test_document_that_is_not_xml(tmp_path):
    r, out = draft(tmp_path, firm_dir(tmp_path, document_xml="<w:document>{{ court }}"))
    assert r.exit_code == 2 and "模板" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not out.exists()


def test_a_sound_firm_template_still_renders(tmp_path):
    """The bounds do not get in the way of an ordinary firm template (the case that must not trigger)."""
    r, out = draft(tmp_path, firm_dir(tmp_path, "{% for i in range(3) %}·{% endfor %}{{ '—' * 3 }}"))
    assert r.exit_code == 0, r.stderr
    from docx_text import visible_text

    assert "···———" in visible_text((out / "答辩状.docx").read_bytes())


def test_templates_check_reports_a_hostile_template(tmp_path):
    d = firm_dir(tmp_path, "{% include '/etc/passwd' %}")
    r = CliRunner().invoke(main, ["templates", "check", str(d)])
    assert r.exit_code == 2 and "include" in (r.stdout + r.stderr)
    assert "root:" not in r.stdout + r.stderr
