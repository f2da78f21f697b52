"""`citeqa eval` writes only where `--report` says: a run leaves `git status` as it was.

Both modes run as real subprocesses from the repository root (the worktree's own code):
one known-fact set on the shared real index, and a registered set across corpora, which
indexes its corpus in the `--cache` folder, never in the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from integration_helpers import REPO, RealIndex

pytestmark = pytest.mark.slow


def git_status() -> str:
    done = subprocess.run(
        ["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, check=True
    )
    return done.stdout


def run_eval(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = dict(env, PYTHONPATH=str(REPO / "src"), TQDM_DISABLE="1")
    return subprocess.run(
        [sys.executable, "-m", "citeqa.cli", "eval", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


@pytest.fixture
def checkout() -> str:
    if subprocess.run(["git", "status"], cwd=REPO, capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    return git_status()


def test_eval_of_a_set_leaves_the_checkout_clean(
    checkout: str, real_index: RealIndex, tmp_path: Path
) -> None:
    questions = tmp_path / "set.jsonl"
    row = {"id": "b1", "question": "How does belimumab work?", "lang": "en",
           "doc_id": "biotherapy-in-lupus-faq", "answers": ["B"]}  # fmt: skip
    questions.write_text(json.dumps(row) + "\n", encoding="utf-8")
    done = run_eval(["--set", str(questions), "--no-ablations", "--json"], real_index.env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["headline"]["test"]["n"] == 1
    assert git_status() == checkout


def test_eval_across_corpora_writes_only_the_report_asked_for(
    checkout: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    report = tmp_path / "corpora.md"
    args = ["--sets", "contentfree-bundled", "--split", "dev", "--no-peers",
            "--cache", str(tmp_path / "cache"), "--report", str(report)]  # fmt: skip
    done = run_eval(args, env)
    assert done.returncode == 0, done.stderr
    assert "contentfree-bundled" in done.stdout
    assert "| contentfree-bundled | content-free | 0 + 16 | **citeqa** |" in report.read_text()
    assert list((tmp_path / "cache" / "indexes").iterdir())
    assert git_status() == checkout
