"""The answerability model's training-only questions (evals/tools/train_extra.py), on small data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evals" / "tools"))

from train_extra import near_miss_articles, near_miss_paragraphs, off_topic, write_corpus
from train_sets import Item

from citeqa.evaluation.questions import EvalQuestion

ARTICLE = "Rome\n\nFounded in 753 BC.\n\nIts river is the Tiber.\n\nIt has 2.8 million people.\n"
PARAGRAPHS = ["Founded in 753 BC.", "Its river is the Tiber.", "It has 2.8 million people."]
SPANS = [(ARTICLE.index(p), ARTICLE.index(p) + len(p)) for p in PARAGRAPHS]


def item(set_: str, id_: str, text: str, doc: str | None, answers: list[str], **fields) -> Item:
    role = "train" if fields.get("split", "dev") == "dev" else "check"
    question = EvalQuestion(
        id=id_, question=text, doc_id=doc, answers=answers, split=fields.pop("split", "dev"),
        **fields,
    )  # fmt: skip
    return Item(set_, question, role)


def piaf_items() -> list[Item]:
    return [
        item("piaf", "p1", "When was Rome founded?", "rome", ["753 BC"], span=SPANS[0]),
        item("piaf", "p2", "Which river?", "rome", ["Tiber"], span=SPANS[1]),
        item("piaf", "p3", "How many people?", "rome", ["2.8 million"], span=SPANS[2]),
        item("piaf", "p4", "Founded when, in years?", "rome", ["Tiber"], span=SPANS[0]),
        item("piaf", "p5", "Test half", "rome", ["753 BC"], span=SPANS[0], split="test"),
        item("piaf", "p6", "Alone?", "solo", ["alone"], span=(6, 22)),
    ]


def write_articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "rome.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "solo.txt").write_text("Solo\n\nIt stands alone.\n", encoding="utf-8")
    return folder


def test_even_paragraphs_removed_make_their_orphaned_dev_questions_near_misses(tmp_path) -> None:
    texts, made = near_miss_articles(piaf_items(), write_articles(tmp_path / "c"), "even")
    assert texts["rome"] == "Rome\n\nIts river is the Tiber.\n"
    assert texts["solo"] == "Solo\n\nIt stands alone.\n"  # title and one paragraph: kept whole
    # p4's answer (Tiber) is still there; p5 is a test-half question
    assert [m.question.source for m in made] == ["p1", "p3"]
    assert all(not m.answerable and m.role == "train" and m.question.split == "dev" for m in made)
    assert {m.set for m in made} == {"extra-nearmiss-piaf-even"}


def test_odd_paragraphs_removed_orphan_the_others(tmp_path) -> None:
    texts, made = near_miss_articles(piaf_items(), write_articles(tmp_path / "c"), "odd")
    assert texts["rome"] == "Rome\n\nFounded in 753 BC.\n\nIt has 2.8 million people.\n"
    assert [m.question.source for m in made] == ["p2"]


def test_paragraph_documents_removed_by_parity_keep_one_per_article(tmp_path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    for n, (start, end) in enumerate(SPANS, 1):
        (folder / f"rome-{n:02d}.txt").write_text(ARTICLE[start:end] + "\n", encoding="utf-8")
    (folder / "solo-01.txt").write_text("It stands alone.\n", encoding="utf-8")
    items = [
        item("piaf-paragraphs", "para-p1", "When?", "rome-01", ["753 BC"], source="p1"),
        item("piaf-paragraphs", "para-p2", "River?", "rome-02", ["Tiber"], source="p2"),
        item("piaf-paragraphs", "para-p3", "People?", "rome-03", ["2.8 million"], source="p3"),
        item("piaf-paragraphs", "para-p6", "Alone?", "solo-01", ["alone"], source="p6"),
    ]
    texts, made = near_miss_paragraphs(items, folder, "odd")
    assert sorted(texts) == ["rome-01", "rome-03", "solo-01"]
    assert [m.question.source for m in made] == ["para-p2"]
    texts, made = near_miss_paragraphs(items, folder, "even")
    assert sorted(texts) == ["rome-02", "solo-01"]
    assert [m.question.source for m in made] == ["para-p1", "para-p3"]


def test_off_topic_asks_every_other_dev_question_not_asked_already() -> None:
    sets = {
        "bundled": [
            item("bundled", "q1", "Who leads REFRACT?", "slides", ["B Lauwerys"]),
            item("bundled", "q2", "And with placebo?", "slides", ["12 %"], follows="q1"),
            item("bundled", "q3", "Unanswerable?", None, []),
        ],
        "piaf": [
            item("piaf", "p1", "When was Rome founded?", "rome", ["753 BC"]),
            item("piaf", "p2", "Qu'est-ce que le lupus ?", "rome", ["maladie"]),
            item("piaf", "p3", "Test half?", "rome", ["x"], split="test"),
        ],
        "pubmedqa": [item("pubmedqa", "m1", "Does aspirin help?", "a1", ["yes"])],
    }
    asked = {("offtopic-bundled", "m1")}
    to_bundled = off_topic("bundled", sets, asked)
    assert [m.question.source for m in to_bundled] == ["p1"]  # lupus is the bundled subject
    to_paragraphs = off_topic("piaf-paragraphs", sets, asked)
    assert [m.question.source for m in to_paragraphs] == ["q1", "m1"]  # not PIAF's own
    assert all(m.set == "extra-offtopic-piaf-paragraphs" for m in to_paragraphs)
    assert all(not m.answerable and "off-topic" in m.question.kinds for m in to_paragraphs)


def test_a_corpus_is_written_once_and_a_stray_file_is_refused(tmp_path) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, {"a": "text a\n"})
    stamp = (folder / "a.txt").stat().st_mtime_ns
    write_corpus(folder, {"a": "text a\n"})
    assert (folder / "a.txt").stat().st_mtime_ns == stamp
    (folder / "stray.txt").write_text("not ours\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"stray\.txt"):
        write_corpus(folder, {"a": "text a\n"})
    assert (folder / "stray.txt").read_text(encoding="utf-8") == "not ours\n"


def test_only_the_kinds_asked_for_are_added(tmp_path) -> None:
    from train_extra import extra_corpora
    from train_sets import Corpus

    articles = write_articles(tmp_path / "piaf")
    paragraphs = tmp_path / "paragraphs"
    paragraphs.mkdir()
    for n, (start, end) in enumerate(SPANS, 1):
        (paragraphs / f"rome-{n:02d}.txt").write_text(ARTICLE[start:end] + "\n", encoding="utf-8")
    para = [
        item("piaf-paragraphs", f"para-p{n}", f"Q{n}?", f"rome-{n:02d}", [a], source=f"p{n}")
        for n, a in ((1, "753 BC"), (2, "Tiber"), (3, "2.8 million"))
    ]
    corpora = [
        Corpus("piaf", articles, piaf_items()),
        Corpus("paragraphs", paragraphs, para),
        Corpus("bundled", tmp_path, [item("bundled", "q1", "Who leads REFRACT?", "s", ["B"])]),
        Corpus("pubmedqa", tmp_path / "m", [item("pubmedqa", "m1", "Aspirin?", "a1", ["yes"])]),
    ]
    cache = tmp_path / "cache"
    made = extra_corpora(corpora, cache, ("nearmiss-piaf", "offtopic-p"))
    names = {c.name: {i.set for i in c.items} for c in made}
    assert names["bundled"] == {"bundled"}  # no off-topic asked of the bundled corpus
    assert names["piaf"] == {"piaf", "extra-offtopic-piaf"}
    assert names["paragraphs"] == {"piaf-paragraphs", "extra-offtopic-piaf-paragraphs"}
    assert sorted(n for n in names if n.startswith("extra-")) == [
        "extra-nearmiss-piaf-even",
        "extra-nearmiss-piaf-odd",
    ]
    assert sorted(p.name for p in (cache / "training-sets").iterdir()) == [
        "nearmiss-piaf-even",
        "nearmiss-piaf-odd",
    ]
    assert [i.set for c in corpora for i in c.items].count("extra-offtopic-piaf") == 0
