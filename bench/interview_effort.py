"""How much the interview asks of a borrower, per bundled example, and an estimate of the time.

    python bench/interview_effort.py

For each example's answers (tests/web/interview_cases.py, typed by hand from examples/*.json):
the questions shown (the ones the facts make irrelevant are skipped), those answered, the choices
clicked, the characters typed, the files uploaded. The minutes are an *estimate* from assumed rates,
not a timing of people: 12 s to read a question, 3 s a click, 20 s an upload, and typing at 30
Chinese characters a minute (a slow pinyin typist; the figure at 15 a minute is printed too). Then
the same for the 西湖 court papers uploaded first: how many answers come prefilled.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

READ_S, CLICK_S, UPLOAD_S = 12, 3, 20


def effort(answers: dict[str, str], prefilled: dict[str, str] | None = None) -> dict[str, float]:
    from respond.web.questions import PAGES, asked

    prefilled = prefilled or {}
    shown = answered = clicks = typed = uploads = 0
    for page in PAGES:
        for q in page.questions:
            if not asked(q, answers):
                continue
            shown += 1
            names = [f"{q.key}.period", f"{q.key}.percent"] if q.kind == "rate" else [q.key]
            given = [n for n in names if n in answers]
            if not given:
                continue
            answered += 1
            for n in given:
                if q.kind == "contract_file":
                    uploads += 1
                elif q.kind == "choice" or n.endswith(".period"):
                    clicks += 1
                elif prefilled.get(n) != answers[n]:
                    typed += len(answers[n])
    return {"shown": shown, "answered": answered, "clicks": clicks, "typed": typed, "uploads": uploads}


def minutes(e: dict[str, float], chars_per_minute: float) -> float:
    seconds = e["shown"] * READ_S + e["clicks"] * CLICK_S + e["uploads"] * UPLOAD_S + e["typed"] * 60 / chars_per_minute
    return seconds / 60


def main() -> int:
    from interview_cases import WALKS

    from respond.web.questions import PAGES

    total = sum(len(p.questions) for p in PAGES)
    print(f"{len(PAGES)} pages, {total} questions in all")
    from respond.web.prefill import check_uploads, prefill

    fixtures = ROOT / "tests" / "extract" / "fixtures"
    names = ["xihu-chuanpiao.pdf", "xihu-yingsu.pdf", "xihu-qisu.pdf", "xihu-juzheng.pdf"]
    found = prefill(check_uploads([(n, (fixtures / n).read_bytes()) for n in names if (fixtures / n).exists()]))
    print(f"the 西湖 court papers uploaded prefill {len(found.answers)} answers: "
          + "、".join(sorted(found.answers)))
    head = f"{'example':34} {'start':6} {'shown':>5} {'answered':>8} {'clicks':>6} {'typed':>6} {'files':>5}"
    print(head + f" {'min@30':>7} {'min@15':>7}")
    for answers, example in WALKS:
        # from the papers: the answers the 西湖 set prefilled are the ones the papers give, only confirmed
        for start, prefilled in (("blank", {}), ("papers", {k: answers[k] for k in found.answers if k in answers})):
            e = effort(answers, prefilled)
            print(f"{example:34} {start:6} {e['shown']:5} {e['answered']:8} {e['clicks']:6} {e['typed']:6} "
                  f"{e['uploads']:5} {minutes(e, 30):7.1f} {minutes(e, 15):7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
