"""The README's first lines give the two fresh-machine commands; CI runs the second one."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:15]
    return [line for line in lines if line.startswith(("python3 -m venv", "apt-get install"))]


def test_readme_opens_with_install_and_run_commands():
    draft, tests = _commands()
    assert "respond draft --case examples/" in draft
    example = draft.split("--case ")[1].split()[0]
    assert (ROOT / example).is_file()
    assert tests.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    apt, _, python = _commands()[1].partition(" && ")
    assert python.startswith("python3 -m venv") and python in ci
    packages = [w for w in apt.split()[2:] if not w.startswith("-")]
    assert packages and all(p in ci for p in packages)  # the same Debian packages
