"""Term knowledge as data: the language data, a corpus's domain file, the pairs derived at build,
and that the engine's own modules name no corpus's terms."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from citeqa import derived_terms
from citeqa.contents import knowledge
from citeqa.corpus import list_corpus_files, read_corpus
from citeqa.derived_terms import frequent_words, pair_words, term_pairs
from citeqa.domain import (
    MERGED,
    OUTSIDE,
    Domain,
    DomainFile,
    NumberedForms,
    corpus_domain,
    domain_digest,
    language_data,
    read_corpus_manifest,
    stored_knowledge,
)
from citeqa.glossary import Glossary
from citeqa.models import Chunk
from citeqa.sentences import SentenceRules

REPO = Path(__file__).resolve().parents[2]
ENGINE_MODULES = (
    "glossary.py",
    "questions.py",
    "followups.py",
    "sentences.py",
    "language.py",
    "lexical.py",
    "retrieval.py",
    "domain.py",
    "derived_terms.py",
    "compounds.py",
)
CORPUS_WORDS = ("lupus", "anifrolumab", "belimumab", "obinutuzumab", "bicla", "sledai", "tulip")
CORPUS_WORDS += ("regency", "poussee", "poussée", "nephrit", "néphrite", "placebo", "phoenycs")


def write_corpus(folder: Path, manifest: dict | None, domain: str | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paper.txt").write_text("A paper about kidneys.\n", encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    if domain is not None:
        (folder / "terms.json").write_text(domain, encoding="utf-8")
    return folder


def _domain_file(corpus: Path) -> DomainFile:
    """The corpus's domain file, named by its manifest as a build reads it."""
    return corpus_domain(corpus, read_corpus_manifest(corpus))


@pytest.mark.parametrize("module", ENGINE_MODULES)
def test_engine_modules_name_no_corpus_term(module: str) -> None:
    text = (REPO / "src" / "citeqa" / module).read_text(encoding="utf-8").lower()
    assert [word for word in CORPUS_WORDS if word in text] == []


def test_bundled_corpus_names_its_domain_file() -> None:
    domain, warnings, _ = _domain_file(REPO / "corpus")
    assert warnings == [] and domain is not None
    assert any("poussee" in group for group in domain.groups)
    assert "domain.json" not in {p.name for p in list_corpus_files(REPO / "corpus")}


def test_language_data_holds_no_domain_term() -> None:
    data = language_data().model_dump_json().lower()
    assert [word for word in CORPUS_WORDS if word in data] == []
    assert language_data().label_patterns == ()
    assert "mab" in language_data().name_endings  # drug-name stems of any corpus (WHO INN)


def test_domain_file_is_read_and_left_out_of_the_documents(tmp_path: Path) -> None:
    domain = json.dumps({"groups": [["kidney", "rein"]], "name_endings": ["mab"]})
    corpus = write_corpus(tmp_path / "c", {"domain": "terms.json"}, domain)
    reading = read_corpus(corpus)
    assert [doc.doc_id for doc in reading.documents] == ["paper"]
    assert reading.domain is not None and reading.domain.groups == (("kidney", "rein"),)
    assert reading.warnings == []
    assert domain_digest(read_corpus_manifest(corpus)) is not None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "terms.json"),
        (json.dumps({"groups": "kidney"}), "groups"),
        (json.dumps({"label_patterns": ["(unclosed"]}), "regular expression"),
        (json.dumps({"groups": [["kidney"]], "quantity_cues": ["["]}), "quantity_cues"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({"glosary": []}), "glosary"),
        pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="deep"),
    ],
)
def test_bad_domain_file_is_ignored_with_a_warning(
    tmp_path: Path, content: str, reason: str
) -> None:
    corpus = write_corpus(tmp_path / "c", {"domain": "terms.json"}, content)
    reading = read_corpus(corpus)
    assert reading.domain is None
    assert len(reading.warnings) == 1 and reason in reading.warnings[0]
    assert "terms.json" in reading.warnings[0]


def test_fields_a_corpus_file_sets_but_answering_never_reads_from_it_are_warned(
    tmp_path: Path,
) -> None:
    unread = {
        "answer_types": {"number": "how many"},
        "answer_values": {"number": "[0-9]+"},
        "yes_no_questions": ["^is "],
        "summary_labels": ["conclusion"],
        "interrogatives": ["which"],
    }
    content = json.dumps({"groups": [["kidney", "rein"]], "summary_labels": [], **unread})
    corpus = write_corpus(tmp_path / "c", {"domain": "terms.json"}, content)
    domain, warnings, _ = _domain_file(corpus)
    assert domain is not None and domain.groups == (("kidney", "rein"),)  # still read
    assert len(warnings) == 1 and warnings[0].startswith("terms.json sets ")
    named = warnings[0].removeprefix("terms.json sets ").split(", which")[0]
    assert named.split(", ") == list(unread)
    assert read_corpus(corpus).warnings == warnings


@pytest.mark.parametrize(
    "unread",
    [
        {"summary_labels": ["(unclosed"]},
        {"answer_types": {"number": "how (many"}},
        {"answer_values": {"number": 3}},
        {"interrogatives": "which"},
    ],
)
def test_a_bad_value_in_a_field_never_read_from_a_corpus_costs_the_file_nothing(
    tmp_path: Path, unread: dict
) -> None:
    content = json.dumps({"groups": [["kidney", "rein"]], "label_patterns": ["^Slide"], **unread})
    corpus = write_corpus(tmp_path / "c", {"domain": "terms.json"}, content)
    domain, warnings, _ = _domain_file(corpus)
    assert domain is not None and domain.groups == (("kidney", "rein"),)
    assert domain.label_patterns == ("^Slide",)
    assert len(warnings) == 1 and warnings[0].startswith(f"terms.json sets {next(iter(unread))},")
    assert getattr(domain, next(iter(unread))) == getattr(Domain(), next(iter(unread)))


def test_a_corpus_file_setting_only_merged_fields_is_not_warned(tmp_path: Path) -> None:
    content = {name: [] for name in MERGED} | {"groups": [["kidney", "rein"]]}
    content |= {"format": 1, "description": "terms", "notes": {"why": "a comment"}}
    content |= {"yes_no_questions": [], "answer_types": {}}  # set, but to nothing
    corpus = write_corpus(tmp_path / "c", {"domain": "terms.json"}, json.dumps(content))
    domain, warnings, _ = _domain_file(corpus)
    assert domain is not None and warnings == []


@pytest.mark.parametrize("name", ["../outside.json", "/etc/passwd", "link.json", "up/outside.json"])
def test_domain_names_outside_the_corpus_are_not_read_and_said(tmp_path: Path, name: str) -> None:
    """Not through "..", an absolute path, nor a link (to a file or a folder) leading out of
    the corpus, as the corpus's documents are not: the link was followed, and a JSON file
    anywhere on the machine became the corpus's term knowledge, stored in its index."""
    (tmp_path / "outside.json").write_text(json.dumps({"groups": [["kidney", "rein"]]}))
    corpus = write_corpus(tmp_path / "c", {"domain": name}, None)
    (corpus / "link.json").symlink_to(tmp_path / "outside.json")
    (corpus / "up").symlink_to(tmp_path)
    domain, warnings, digest = _domain_file(corpus)
    assert (domain, digest) == (None, None)
    assert warnings == [f"{name} (the domain file manifest.json names) was ignored: {OUTSIDE}"]
    assert domain_digest(read_corpus_manifest(corpus)) is None
    assert read_corpus(corpus).domain is None


def test_a_long_domain_name_outside_the_corpus_is_said_by_its_ends(tmp_path: Path) -> None:
    name = "../" + "x" * 5000 + ".json"
    corpus = write_corpus(tmp_path / "c", {"domain": name}, None)
    [warning] = _domain_file(corpus)[1]
    assert len(warning) < 300 and "(5,008 characters)" in warning


def test_a_manifest_linked_from_outside_the_corpus_is_not_read_and_said(tmp_path: Path) -> None:
    (tmp_path / "outside.json").write_text(json.dumps({"titles": {"paper.txt": "Elsewhere"}}))
    corpus = write_corpus(tmp_path / "c", None, None)
    (corpus / "manifest.json").symlink_to(tmp_path / "outside.json")
    manifest = read_corpus_manifest(corpus)
    assert manifest == ({}, [f"manifest.json was ignored: {OUTSIDE}"], None, None, False)
    assert read_corpus(corpus).warnings == manifest.warnings


def test_a_link_to_a_domain_file_inside_the_corpus_is_read(tmp_path: Path) -> None:
    terms = json.dumps({"groups": [["kidney", "rein"]]})
    corpus = write_corpus(tmp_path / "c", {"domain": "link.json"}, terms)
    (corpus / "link.json").symlink_to(corpus / "terms.json")
    domain, warnings, _ = _domain_file(corpus)
    assert domain is not None and domain.groups == (("kidney", "rein"),) and warnings == []


@pytest.mark.parametrize("name", ["", "  ", 3, ["terms.json"]])
def test_a_domain_name_that_is_no_text_names_none(tmp_path: Path, name: object) -> None:
    corpus = write_corpus(tmp_path / "c", {"domain": name}, '{"groups": [["kidney", "rein"]]}')
    assert _domain_file(corpus) == (None, [], None)


def test_a_manifest_nested_too_deeply_names_no_domain_and_warns_once(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", None, json.dumps({"groups": [["kidney", "rein"]]}))
    (corpus / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert _domain_file(corpus) == (None, [], None)
    reading = read_corpus(corpus)
    # no manifest names terms.json a domain file: it is read as any JSON file is (session 21)
    assert [doc.doc_id for doc in reading.documents] == ["paper", "terms"]
    assert reading.domain is None
    assert len(reading.warnings) == 1 and "nested too deeply" in reading.warnings[0]


def test_missing_domain_file_warns(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"domain": "terms.json"}, None)
    domain, warnings, _ = _domain_file(corpus)
    assert domain is None and "terms.json" in warnings[0]


def test_stored_knowledge_merges_language_domain_and_pairs() -> None:
    domain = Domain(groups=(("kidney", "rein"),), label_patterns=(r"Slide \d+",))
    stored = {"domain": domain.model_dump(mode="json"), "term_pairs": [["early", "precoce"]]}
    knowledge = stored_knowledge(stored)
    glossary = Glossary.of(knowledge)
    assert "rein" in glossary.expansions("kidney biopsies")
    assert "precoce" in glossary.expansions("early treatment")
    assert "mois" in glossary.expansions("six months")  # the language data
    assert SentenceRules.of(knowledge).label.fullmatch("Slide 3")
    assert stored_knowledge(None) == language_data()


def test_stored_domain_holds_only_the_fields_its_file_sets() -> None:
    """A field added to Domain since stays out of the index, so an older citeqa (its Domain
    forbids unknown fields) still reads the index; this one reads it back whole."""
    domain = Domain(groups=(("kidney", "rein"),), name_endings=("mab",))
    stored = knowledge(domain, [], [])
    assert stored["domain"] == {"groups": [["kidney", "rein"]], "name_endings": ["mab"]}
    assert Domain.model_validate(stored["domain"]) == domain


@pytest.mark.parametrize(
    "stored",
    [{"term_pairs": [["a", 1]]}, {"term_pairs": "early"}, {"domain": {"groups": 3}}],
)
def test_damaged_stored_knowledge_raises_value_error(stored: dict) -> None:
    with pytest.raises(ValueError):
        stored_knowledge(stored)


def test_glossary_matches_whole_folded_words_only() -> None:
    glossary = Glossary([("side effect", "effet indésirable"), ("%", "pour cent")])
    assert glossary.expansions("Any SIDE  effects?") == []
    assert glossary.expansions("Any side effect?") == ["effet indesirable"]
    assert glossary.expansions("50 % of them") == ["pour cent"]


def test_glossary_equivalents_pair_each_added_term_with_the_words_it_stands_for() -> None:
    """What `expansions` adds, each with the question's words it is equivalent to: a group's
    term the question writes, a numbered form's words and number, an acronym."""
    glossary = Glossary(
        [("side effect", "effet indésirable", "adverse event")],
        [NumberedForms(words=("week",), forms=("s{n}", "week {n}"))],
        [("SLA", "service level agreement")],
    )
    question = "Which side effect by week 52 under the SLA?"
    assert glossary.equivalents(question) == [
        ("week 52", "s52"),
        ("week 52", "week 52"),  # a form the question writes too, as `expansions` always did
        ("sla", "service level agreement"),
        ("side effect", "effet indesirable"),
        ("side effect", "adverse event"),
    ]
    assert glossary.expansions(question) == [added for _, added in glossary.equivalents(question)]


def _chunk(number: int, text: str, lang: str) -> Chunk:
    return Chunk(chunk_id=f"d#{number}", doc_id="d", text=text, start=0, end=len(text), lang=lang)


def test_frequent_words_group_forms_by_stem_per_language() -> None:
    chunks = [
        _chunk(0, "The trials were early.", "en"),
        _chunk(1, "One trial, early again.", "en"),
        _chunk(2, "Un essai précoce.", "fr"),
    ]
    english = frequent_words(chunks, "en")
    assert ["early"] in english
    assert sorted(next(forms for forms in english if "trial" in forms)) == ["trial", "trials"]
    assert frequent_words(chunks, "fr") == []  # each French word is in one passage only


def test_pair_words_keeps_mutual_nearest_neighbours_above_the_threshold() -> None:
    english = [["early"], ["trials", "trial"], ["infection"], ["ratio"]]
    french = [["precoce"], ["essais"], ["infections"], ["taux"]]  # "infection": one stem
    identity = np.eye(4, dtype=np.float32)
    french_vectors = identity.copy()
    french_vectors[3] = [0.0, 0.0, 0.0, 0.5]  # cosine 0.5 with "ratio": too far
    pairs = pair_words(english, french, identity, french_vectors)
    assert pairs == [["early", "precoce"], ["trials", "trial", "essais"]]


def test_pair_words_needs_both_directions() -> None:
    english = [["early"], ["soon"]]
    french = [["precoce"]]
    english_vectors = np.array([[1.0, 0.0], [0.95, 0.31]], dtype=np.float32)
    french_vectors = np.array([[0.9, 0.43]], dtype=np.float32)
    assert pair_words(english, french, english_vectors, french_vectors) == [["soon", "precoce"]]


class _Words:
    """A multilingual embedder of a few words, by hand."""

    name, dim = "words", 2

    def __init__(self) -> None:
        self.multilingual = True
        self.vectors = {"early": [1.0, 0.0], "precoce": [1.0, 0.0], "trial": [0.0, 1.0]}

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        return np.array([self.vectors.get(t, [-1.0, 0.0]) for t in texts], dtype=np.float32)


def test_term_pairs_need_two_languages_and_a_multilingual_channel() -> None:
    chunks = [_chunk(n, "early trial", "en") for n in range(2)]
    chunks += [_chunk(n + 2, "traitement précoce", "fr") for n in range(2)]
    assert term_pairs(chunks, [_Words()]) == [["early", "precoce"]]
    assert term_pairs(chunks[:2], [_Words()]) == []
    monolingual = _Words()
    monolingual.multilingual = False
    assert term_pairs(chunks, [monolingual]) == []


def test_the_embedded_vocabulary_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(derived_terms, "TOP_TERMS", 3)
    text = " ".join(f"word{letter}" for letter in "abcdefgh").replace("word", "mot")
    chunks = [_chunk(n, text, "fr") for n in range(2)]
    assert len(frequent_words(chunks, "fr")) == 3


def test_a_corpus_adds_to_the_knowledge_answering_reads_from_it() -> None:
    from citeqa.domain import Domain, language_data

    language = language_data()
    corpus = Domain(groups=(("lupus", "sle"),), name_endings=("mab",), interrogatives=("quoi",))
    merged = language.merged(corpus)
    assert merged.groups == (*language.groups, ("lupus", "sle"))
    assert merged.name_endings == (*language.name_endings, "mab")
    assert merged.interrogatives == language.interrogatives  # read from the language data


def test_answer_cues_are_language_data() -> None:
    from citeqa.answer_features import ANSWER_KINDS, Wants
    from citeqa.domain import language_data
    from citeqa.durations import DURATION_KINDS

    language = language_data()
    assert set(language.answer_types) == {*ANSWER_KINDS, *DURATION_KINDS}
    assert language.interrogatives
    assert Wants.of("Combien de patients ?").kinds == {"number"}
    assert Wants.of("How many patients?").kinds == {"number"}


@pytest.mark.parametrize("field", ["answer_types", "answer_values"])
def test_answer_cue_that_is_no_regular_expression_is_refused(field: str) -> None:
    from pydantic import ValidationError

    from citeqa.domain import Domain

    with pytest.raises(ValidationError, match="not a regular expression"):
        Domain.model_validate({field: {"number": "(unclosed"}})
    with pytest.raises(ValidationError, match="not a regular expression"):
        Domain.model_validate({"yes_no_questions": ["[bad"]})


def test_a_domain_name_holding_a_nul_is_ignored_and_said(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"domain": "a\u0000b.json"}, None)
    domain, warnings, digest = _domain_file(corpus)
    assert (domain, digest) == (None, None)
    assert warnings == [
        "a\u0000b.json (the domain file manifest.json names) was ignored: it holds a NUL character"
    ]
    assert read_corpus_manifest(corpus).domain is None
