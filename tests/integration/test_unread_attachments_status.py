"""`citeqa status` keeps naming the mail attachments a build left unread (s26 trial: `citeqa
index` said "attachments not read: grille-entretien.txt", and `citeqa status` listed only the
skipped files, so the unread attachment vanished from sight after the build)."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from citeqa.api import build_index, index_status
from citeqa.cli.index_cmds import print_status
from small_corpora import fake_settings


def mail_with_attachments() -> bytes:
    message = EmailMessage()
    message["From"], message["Subject"] = "Ann <ann@x.org>", "Budget"
    message.set_content("The budget is attached; the prices are in the sheet.\n")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="b.pdf")
    message.add_attachment(
        b"item,price\ndesks,450\n", maintype="text", subtype="csv", filename="p.csv"
    )
    return message.as_bytes()


def test_status_lists_the_attachments_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "budget.eml").write_bytes(mail_with_attachments())
    (corpus / "notes.txt").write_text("The office opens at nine.\n", encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    status = index_status(settings)
    assert status.attachments_unread == ["budget.eml: attachments not read: b.pdf"]
    print_status(status)
    out = capsys.readouterr().out
    assert "mail attachments not read (1):\n  budget.eml: attachments not read: b.pdf" in out
    assert out.count("attachments not read: b.pdf") == 1  # not again among the warnings
