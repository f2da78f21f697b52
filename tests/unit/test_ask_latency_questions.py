"""benchmarks/ask_latency.py reads --questions as JSONL or plain lines, and a bad file stops
it with one message (no traceback), before any index or model is opened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "ask_latency.py"


def _run(questions: Path) -> subprocess.CompletedProcess[str]:
    """The script on a bad file: it stops at the questions check, before --warm-rounds
    without --baseline-src (a usage error of its own) is checked."""
    command = [sys.executable, str(SCRIPT), "--questions", str(questions), "--warm-rounds", "1"]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _questions(tmp_path: Path, text: str) -> list[str]:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import ask_latency
    finally:
        sys.path.remove(str(SCRIPT.parent))
    path = tmp_path / "q.txt"
    path.write_text(text, encoding="utf-8")
    return ask_latency._warm_questions(path)


def test_plain_lines_are_questions(tmp_path: Path) -> None:
    text = "Who leads the garden session?\n\n  What is the Wi-Fi password?  \n2026\n"
    assert _questions(tmp_path, text) == [
        "Who leads the garden session?",
        "What is the Wi-Fi password?",
        "2026",
    ]


def test_json_lines_give_their_question(tmp_path: Path) -> None:
    text = '{"question": "Who approves expenses?", "kind": "answerable"}\nPlain one?\n'
    assert _questions(tmp_path, text) == ["Who approves expenses?", "Plain one?"]


def test_a_plain_question_opening_a_brace_is_a_question(tmp_path: Path) -> None:
    """Review C (s23): it was refused as broken JSON."""
    text = '{Alice} leads which session?\n{"question": "Who approves expenses?"}\n[draft] ok?\n'
    assert _questions(tmp_path, text) == [
        "{Alice} leads which session?",
        "Who approves expenses?",
        "[draft] ok?",
    ]


def test_a_json_object_without_a_question_fails_with_one_message(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "ok?"}\n{"kind": "near miss"}\n', encoding="utf-8")
    done = _run(path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert 'line 2 is a JSON object with no "question" string' in done.stderr


def test_a_missing_file_fails_with_one_message(tmp_path: Path) -> None:
    done = _run(tmp_path / "absent.txt")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "--questions" in done.stderr
