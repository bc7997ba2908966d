"""Output folder names for respond batch: safe on every file system, unique, deterministic."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from respond.cli.batch import MAX_NAME, assign_folders, safe_folder_name

FORBIDDEN = set('<>:"/\\|?*')
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in "0123456789"}


def test_case_number_kept_as_is():
    assert safe_folder_name("（2026）浙0106民初12345号") == "（2026）浙0106民初12345号"
    assert safe_folder_name("(2026)浙01民终7号") == "(2026)浙01民终7号"


def test_windows_forbidden_characters_replaced():
    assert safe_folder_name('a/b\\c:d*e?f"g<h>i|j') == "a_b_c_d_e_f_g_h_i_j"
    assert safe_folder_name("（2026）浙0106/民初:12345号") == "（2026）浙0106_民初_12345号"
    assert safe_folder_name("../../etc/passwd") == "_.._etc_passwd"


def test_control_invisible_and_whitespace():
    assert safe_folder_name("a\nb\tc\u202ed\x00e") == "a b c_d_e"  # \u202e: right-to-left override
    assert safe_folder_name("a\u3000\u3000b   c") == "a b c"  # ideographic spaces collapse


def test_windows_reserved_names():
    for name in ["CON", "con", "Con.txt", "NUL", "aux", "PRN.json", "COM1", "com9", "LPT1", "lpt9.tar.gz",
                 "CON ", "COM¹", "conin$"]:
        out = safe_folder_name(name)
        assert out.startswith("_"), (name, out)
        assert out.split(".")[0].rstrip(" ").upper() not in RESERVED
    for ok in ["CONSOLE", "COM10", "NULL", "con-1", "LPT"]:
        assert safe_folder_name(ok) == ok


def test_trailing_dots_and_spaces_and_dot_names():
    assert safe_folder_name("abc. . ") == "abc"
    assert safe_folder_name("  abc") == "abc"
    assert safe_folder_name(".hidden") == "hidden"
    for empty in ["", ".", "..", "...", "   ", " . "]:
        assert safe_folder_name(empty) == "case"
    assert safe_folder_name("", fallback="x") == "x"


def test_very_long_names_cut_distinct_and_deterministic():
    a = "（2026）浙0106民初" + "一" * 300 + "A号"
    b = "（2026）浙0106民初" + "一" * 300 + "B号"
    sa, sb = safe_folder_name(a), safe_folder_name(b)
    assert len(sa) <= MAX_NAME and len(sb) <= MAX_NAME
    assert len(sa.encode("utf-8")) < 255
    assert sa != sb and sa == safe_folder_name(a)
    assert sa.startswith("（2026）浙0106民初一")
    assert not sa.endswith((".", " "))
    # a long name that ends in dots/spaces at the cut point still ends cleanly
    assert not safe_folder_name("x" * (MAX_NAME - 10) + "." * 50 + "y").endswith(".")


def test_nfc_normalised():
    decomposed = unicodedata.normalize("NFD", "é案")
    assert safe_folder_name(decomposed) == unicodedata.normalize("NFC", "é案")


def test_duplicates_get_numbered_suffixes_case_insensitively():
    names = assign_folders(["X", "x", "X", "Y", "X-2"])
    assert names[0] == "X" and names[3] == "Y"
    assert len({n.casefold() for n in names}) == len(names)
    assert names == assign_folders(["X", "x", "X", "Y", "X-2"])  # deterministic
    assert names[1] == "x-2" and names[2] == "X-3"


def test_summary_name_is_reserved():
    assert assign_folders(["summary.csv", "SUMMARY.CSV"]) == ["summary.csv-2", "SUMMARY.CSV-3"]


def test_suffix_keeps_length_limit():
    long = safe_folder_name("号" * 500)
    names = assign_folders([long] * 12)
    assert len(set(names)) == 12
    assert all(len(n) <= MAX_NAME for n in names)
    assert names[11].endswith("-12")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_any_text_gives_a_safe_stable_name(text):
    out = safe_folder_name(text)
    assert out and len(out) <= MAX_NAME
    assert not (set(out) & FORBIDDEN)
    assert all(ord(c) >= 32 and c not in "\x7f\u2028\u2029" for c in out)
    assert not out.endswith((".", " ")) and not out.startswith((".", " "))
    assert out.split(".")[0].rstrip(" ").upper() not in RESERVED
    assert safe_folder_name(out) == out


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=120))
def test_any_name_can_be_created(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("names")
    folder = root / safe_folder_name(text)
    folder.mkdir()
    (folder / "利息重算表.docx").write_bytes(b"x")
    assert folder.is_dir()
