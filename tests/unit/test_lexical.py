"""lexical.py: tokens (folding, numbers, stopwords, stemming) and the BM25 index and its files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
import pytest
import Stemmer
from hypothesis import assume, given
from hypothesis import strategies as st

from citeqa import sortedvocab
from citeqa.errors import IndexCorrupt
from citeqa.lexical import (
    GROUPED,
    LexicalIndex,
    StoredBM25,
    content_words,
    fold,
    query_tokens,
    searched_spellings,
    tokenize,
    written_share,
    written_terms,
)
from citeqa.visible import INVISIBLE
from older_lexical import as_older, write_json_vocab

DOCUMENTS = [
    ("The weather in Paris was mild in spring.", "en"),
    ("La réponse rénale complète était de 56,2 % à la semaine 52 (p=0.02).", "fr"),
    ("Renal response rates improved with belimumab at week 52.", "en"),
    ("Les patients ont reçu un placebo pendant toute l'étude.", "fr"),
    ("Adverse events were similar between groups.", "en"),
]


@pytest.fixture
def index() -> LexicalIndex:
    return LexicalIndex.build([tokenize(text, lang) for text, lang in DOCUMENTS])


# --- tokens -------------------------------------------------------------------------------


@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_an_invisible_character_inside_a_word_does_not_split_it(hidden: str) -> None:
    assert tokenize(f"Bélimu{hidden}mab réduit", "fr") == tokenize("Bélimumab réduit", "fr")
    assert query_tokens(f"belimu{hidden}mab?") == query_tokens("belimumab?")


def test_accents_and_case_are_folded() -> None:
    assert tokenize("Réponse RÉNALE", "fr") == tokenize("reponse renale", "fr")
    assert tokenize("Réponse rénale", "fr") == ["repons", "renal"]


@given(st.text(st.characters() | st.sampled_from([*INVISIBLE, "œ", "Æ", "é"]), max_size=30))
def test_folding_drops_every_combining_mark_and_spells_out_ligatures(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(
        char for char in decomposed if not unicodedata.combining(char) and char not in INVISIBLE
    )
    assert fold(text) == bare.replace("œ", "oe").replace("æ", "ae")


def test_ligatures_are_spelt_out() -> None:
    assert tokenize("cœur", "fr") == tokenize("coeur", "fr")
    assert tokenize("Cæsar", "en") == tokenize("caesar", "en")


def test_decimal_comma_and_point_give_one_number() -> None:
    assert "56.2" in tokenize("56,2 %", "fr")
    assert tokenize("56,2 %", "fr") == tokenize("56.2%", "en")


def test_digits_after_a_comma_are_a_decimal_only_when_one_to_three() -> None:
    """A spreadsheet's record "T-40001,2025-07-02" is the id and the date, not "40001.2025"
    (session 19: no id of a 2,000-row export was a term of the index)."""
    tokens = tokenize("T-40001,2025-07-02,Initech,154,open", "en")
    assert tokens[:2] == ["40001", "2025"]
    assert "154" in tokens
    assert "1.250" in tokenize("1,250 tickets", "en")
    assert "61.5" in tokenize("61,5 %", "fr")


def test_four_digits_after_a_comma_that_no_separator_follows_are_a_decimal() -> None:
    """ "3,14159" split into "3" and "14159" while "3.14159" stayed one (review of s19-csv)."""
    for written in ("3,14159", "0,0001", "48,8566"):
        assert tokenize(f"pi vaut {written} environ", "fr") == tokenize(
            f"pi vaut {written.replace(',', '.')} environ", "fr"
        ), written
    assert tokenize("48,8566,2,3522", "fr")[:1] == ["48"]  # a comma follows: fields apart


def test_number_after_equals_sign_is_its_own_token() -> None:
    tokens = tokenize("p=0.02", "en")
    assert "0.02" in tokens
    assert not any("=" in token for token in tokens)


def test_number_stays_whole_at_sentence_end() -> None:
    assert tokenize("It was 12.", "en") == ["12"]


def test_alphanumeric_codes_are_kept_lowercased_and_unstemmed() -> None:
    assert tokenize("S52 W52 week52 COVID19", "en") == ["s52", "w52", "week52", "covid19"]


def test_single_letters_are_dropped_but_digits_kept() -> None:
    assert tokenize("l'hôpital x 7", "fr") == ["hopital", "7"]


def test_stopwords_of_both_languages_are_removed() -> None:
    tokens = tokenize("the study of the patients dans le service", "en")
    assert tokens == ["studi", "patient", "servic"]
    tokens = tokenize("Les patients de l'étude were in the service", "fr")
    assert not {"le", "les", "de", "were", "in", "the"} & set(tokens)
    assert "patient" in tokens


def test_french_stemming_merges_inflections() -> None:
    assert tokenize("rénales", "fr") == tokenize("rénale", "fr")
    assert tokenize("hôpitaux", "fr") == tokenize("hôpital", "fr")


def test_english_stemming_merges_inflections() -> None:
    assert tokenize("responses", "en") == tokenize("response", "en")


@given(
    st.lists(st.sampled_from([*"abéœ ²½٣1-.,'", "running", "hôpitaux", "s52"])).map("".join),
    st.sampled_from(["en", "fr"]),
)
def test_tokens_are_the_content_words_each_stemmed_unless_it_holds_a_digit(
    text: str, lang: str
) -> None:
    # A number grouped by spaces ("1 111,1", "2 ٣21,1") also gives its pieces' terms
    # (lexical._spaced_pieces): test_spaced_number_gives_its_pieces_too covers those.
    assume(not any(" " in found for found in re.findall(GROUPED, fold(text))))
    stemmer = Stemmer.Stemmer({"en": "english", "fr": "french"}[lang])
    expected = [
        word if any(char.isdigit() for char in word) else _snowball(stemmer, word, lang)
        for word in content_words(text)
    ]
    assert tokenize(text, lang) == expected


def _snowball(stemmer: Stemmer.Stemmer, word: str, lang: str) -> str:
    """`word` (folded) as Snowball stems it, a French closing "ee(s)" read as "e(s)" and
    "iere(s)" as "ière(s)" first, the stem folded: the accents Snowball reads those by."""
    if lang == "fr":
        word = re.sub(r"iere(s?)$", r"ière\1", re.sub(r"ee(s?)$", r"e\1", word))
    return str(stemmer.stemWord(word)).replace("è", "e").replace("é", "e")


def test_spaced_number_gives_its_pieces_too() -> None:
    assert tokenize("quantité 1 111,10", "fr") == ["quantit", "1111.10", "1", "111.10"]
    assert tokenize(" '² ٣²1,½é", "en") == ["2٣21.1", "2", "2", "٣21.1"]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        tokenize("Nierenfunktion", "de")


def test_query_tokens_hold_both_stems_once_in_order() -> None:
    english = tokenize("traitements hôpitaux", "en")
    french = tokenize("traitements hôpitaux", "fr")
    assert english != french
    tokens = query_tokens("traitements hôpitaux")
    assert set(tokens) == set(english) | set(french)
    assert len(tokens) == len(set(tokens))
    assert tokens == ["traitement", "trait", "hopitaux", "hopital"]


def test_query_tokens_of_a_question_without_terms_is_empty() -> None:
    assert query_tokens("What is the ?") == []


# --- search --------------------------------------------------------------------------------


def test_matching_document_ranks_first(index: LexicalIndex) -> None:
    hits = index.search(query_tokens("Quelle était la réponse rénale à la semaine 52 ?"), k=5)
    assert hits[0][0] == 1
    assert {doc for doc, _ in hits} == {1, 2}  # only documents sharing a term


def test_english_question_finds_english_document(index: LexicalIndex) -> None:
    hits = index.search(query_tokens("renal response rates with belimumab"), k=5)
    assert hits[0][0] == 2
    assert all(score > 0 for _, score in hits)
    assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)


def test_k_limits_results_and_may_exceed_corpus(index: LexicalIndex) -> None:
    tokens = query_tokens("renal response week 52 patients placebo")
    assert len(index.search(tokens, k=1)) == 1
    assert len(index.search(tokens, k=1000)) == 3
    assert index.search(tokens, k=0) == []


def test_unknown_tokens_are_ignored(index: LexicalIndex) -> None:
    assert index.search(["zzzz", "qqqq"], k=3) == []
    assert index.search([], k=3) == []
    with_unknown = index.search(["zzzz", *tokenize("placebo", "fr")], k=3)
    assert with_unknown == index.search(tokenize("placebo", "fr"), k=3)
    assert with_unknown[0][0] == 3


def test_size_counts_documents(index: LexicalIndex) -> None:
    assert index.size == len(DOCUMENTS)


def test_search_on_two_hundred_documents_is_fast() -> None:
    docs = [
        tokenize(f"patient {i} renal response week {i % 52} dose {i}", "en") for i in range(200)
    ]
    lexical = LexicalIndex.build(docs)
    tokens = query_tokens("renal response at week 12 for patient 7")
    start = time.perf_counter()
    for _ in range(100):
        lexical.search(tokens, k=10)
    assert (time.perf_counter() - start) / 100 < 0.005


# --- empty index ---------------------------------------------------------------------------


@pytest.mark.parametrize("token_lists", [[], [[], []]])
def test_empty_index_builds_searches_saves_and_loads(
    token_lists: list[list[str]], tmp_path: Path
) -> None:
    empty = LexicalIndex.build(token_lists)
    assert empty.size == len(token_lists)
    assert empty.search(["renal"], k=5) == []
    empty.save(tmp_path / "lexical")
    loaded = LexicalIndex.load(tmp_path / "lexical")
    assert loaded.size == len(token_lists)
    assert loaded.search(["renal"], k=5) == []


def test_documents_without_terms_are_counted_but_never_found() -> None:
    lexical = LexicalIndex.build([[], ["renal"], []])
    assert lexical.size == 3
    assert [doc for doc, _ in lexical.search(["renal"], k=5)] == [1]


# --- files ---------------------------------------------------------------------------------


def test_save_needs_no_json_vocabulary_from_bm25s(
    index: LexicalIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bm25s that does not write vocab.index.json (a later release may not) builds as well:
    save deleted the file unconditionally, so every build would crash."""
    import bm25s

    original = bm25s.BM25.save

    def save_without_json_vocab(self: bm25s.BM25, folder: Path, **kwargs: object) -> None:
        original(self, folder, **kwargs)
        (Path(folder) / sortedvocab.JSON_VOCAB).unlink()

    monkeypatch.setattr(bm25s.BM25, "save", save_without_json_vocab)
    index.save(tmp_path)
    assert LexicalIndex.load(tmp_path).search(query_tokens("belimumab"), k=1)[0][0] == 2


def test_save_load_round_trip_gives_identical_results(index: LexicalIndex, tmp_path: Path) -> None:
    index.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    assert loaded.size == index.size
    for question in ("réponse rénale semaine 52", "renal response", "placebo", "weather"):
        tokens = query_tokens(question)
        assert loaded.search(tokens, k=5) == index.search(tokens, k=5)


def test_a_loaded_index_scores_as_bm25s_does_without_importing_it(tmp_path: Path) -> None:
    import bm25s

    rng = np.random.default_rng(7)
    words = [f"w{n}" for n in range(300)]
    docs = [[str(w) for w in rng.choice(words, size=int(rng.integers(0, 60)))] for _ in range(400)]
    LexicalIndex.build(docs).save(tmp_path)
    write_json_vocab(tmp_path)  # bm25s reads its own JSON vocabulary, which citeqa does not keep
    reference = bm25s.BM25.load(tmp_path, mmap=True, allow_pickle=False)  # as bm25s 0.3.6 takes
    terms = len(sortedvocab.read_whole(tmp_path))
    stored = StoredBM25(tmp_path, len(docs), terms)
    for size in (1, 2, 5, 12, 40):
        tokens = [str(w) for w in rng.choice([*words, "unknown"], size=size)]  # repeats, unknowns
        ids = stored.get_tokens_ids(tokens)
        assert ids == reference.get_tokens_ids(tokens)
        assert np.array_equal(stored.get_scores_from_ids(ids), reference.get_scores_from_ids(ids))
    code = (
        "import sys; from pathlib import Path; from citeqa.lexical import LexicalIndex;"
        f" LexicalIndex.load(Path({str(tmp_path)!r})).search(['w1', 'w2'], 5);"
        " print(sorted({'bm25s', 'scipy'} & set(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_a_saved_index_keeps_no_json_vocabulary_and_an_older_one_still_loads(
    index: LexicalIndex, tmp_path: Path
) -> None:
    """Nothing reads bm25s's JSON vocabulary back from an index with the sorted one: a build
    does not keep it. An index saved before the sorted vocabulary has only the JSON one, and
    still searches as the index does."""
    index.save(tmp_path / "new")
    index.save(tmp_path / "old")
    as_older(tmp_path / "old")
    assert not (tmp_path / "new" / "vocab.index.json").exists()
    assert (tmp_path / "old" / "vocab.index.json").is_file()
    for question in ("réponse rénale semaine 52", "renal response", "weather"):
        tokens = query_tokens(question)
        for name in ("new", "old"):
            assert LexicalIndex.load(tmp_path / name).search(tokens, 5) == index.search(tokens, 5)


def test_saved_files_are_not_pickles(index: LexicalIndex, tmp_path: Path) -> None:
    index.save(tmp_path)
    files = sorted(tmp_path.iterdir())
    assert {path.suffix for path in files} == {".npy", ".json"}
    for path in files:
        assert not path.read_bytes().startswith(b"\x80"), path.name  # pickle protocol 2+
        if path.suffix == ".npy":
            assert np.load(path, allow_pickle=False).dtype != object
        else:
            json.loads(path.read_text(encoding="utf-8"))


def _write_reversed(folder: Path, vocab: dict[str, int]) -> None:
    """The sorted vocabulary files of `vocab`, written in descending order."""
    encoded = sorted(((t.encode(), i) for t, i in vocab.items()), reverse=True)
    offsets = np.cumsum([0] + [len(t) for t, _ in encoded]).astype(np.int64)
    blob = np.frombuffer(b"".join(t for t, _ in encoded), dtype=np.uint8)
    np.save(folder / sortedvocab.TERMS, blob, allow_pickle=False)
    np.save(folder / sortedvocab.OFFSETS, offsets, allow_pickle=False)
    np.save(folder / sortedvocab.IDS, np.array([i for _, i in encoded], dtype=np.int64))


def save_then(damage: str, index: LexicalIndex, folder: Path) -> None:
    """Save `index` into `folder`, then damage it in the way named by `damage`."""
    index.save(folder)
    if damage in ("no vocabulary", "truncated json", "extra term"):  # an index built before
        as_older(folder)  # the sorted vocabulary reads bm25s's JSON one
    if damage == "no folder":
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    elif damage == "no description":
        (folder / "lexical.json").unlink()
    elif damage == "no vocabulary":
        (folder / "vocab.index.json").unlink()
    elif damage == "truncated array":
        data = folder / "data.csc.index.npy"
        data.write_bytes(data.read_bytes()[:-8])
    elif damage == "garbage array":
        (folder / "indptr.csc.index.npy").write_bytes(b"not numpy at all")
    elif damage == "pickled array":
        np.save(folder / "data.csc.index.npy", np.array([{"x": 1}], dtype=object))
    elif damage == "truncated json":
        vocab = folder / "vocab.index.json"
        vocab.write_text(vocab.read_text(encoding="utf-8")[:-5], encoding="utf-8")
    elif damage == "short offsets":
        indptr = np.load(folder / "indptr.csc.index.npy")
        np.save(folder / "indptr.csc.index.npy", indptr[:-1])
    elif damage == "extra term":
        vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        vocab["zzzz"] = len(vocab)
        (folder / "vocab.index.json").write_text(json.dumps(vocab), encoding="utf-8")
    elif damage == "sorted terms of another dtype":
        terms = np.load(folder / sortedvocab.TERMS)
        np.save(folder / sortedvocab.TERMS, terms.astype(np.int32), allow_pickle=False)
    elif damage == "sorted terms out of order":
        _write_reversed(folder, sortedvocab.read_whole(folder))
    elif damage == "sorted vocabulary incomplete":
        (folder / sortedvocab.IDS).unlink()
    elif damage == "sorted ids short":
        ids = np.load(folder / sortedvocab.IDS)
        np.save(folder / sortedvocab.IDS, ids[:-1], allow_pickle=False)
    elif damage == "other method":
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        params["method"] = "bm25l"
        (folder / "params.index.json").write_text(json.dumps(params), encoding="utf-8")
    elif damage in ("integer dtype", "other float dtype", "float int_dtype"):
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        key, value = {
            "integer dtype": ("dtype", "int32"),
            "other float dtype": ("dtype", "float64"),
            "float int_dtype": ("int_dtype", "float32"),
        }[damage]
        params[key] = value
        (folder / "params.index.json").write_text(json.dumps(params), encoding="utf-8")
    elif damage == "wrong document count":
        meta = json.loads((folder / "lexical.json").read_text(encoding="utf-8"))
        meta["documents"] = 2
        (folder / "lexical.json").write_text(json.dumps(meta), encoding="utf-8")
    else:
        raise AssertionError(damage)


@pytest.mark.parametrize(
    "damage",
    [
        "no folder",
        "no description",
        "no vocabulary",
        "truncated array",
        "garbage array",
        "pickled array",
        "truncated json",
        "short offsets",
        "extra term",
        "sorted terms of another dtype",
        "sorted terms out of order",
        "sorted vocabulary incomplete",
        "sorted ids short",
        "other method",
        "integer dtype",
        "other float dtype",
        "float int_dtype",
        "wrong document count",
    ],
)
def test_damaged_index_raises_index_corrupt(
    damage: str, index: LexicalIndex, tmp_path: Path
) -> None:
    folder = tmp_path / "lexical"
    save_then(damage, index, folder)
    expected = re.escape(f"lexical index in {folder} is unreadable: ")
    with pytest.raises(IndexCorrupt, match=expected) as raised:
        LexicalIndex.load(folder)
    assert str(raised.value).endswith("; run `citeqa index`.")  # as the others say


def _damage_postings(folder: Path, damage: str) -> str:
    """Damage the saved arrays in a way the open's constant-time checks let through; returns
    a word whose scores then read the damage."""
    vocab = sortedvocab.read_whole(folder)
    indptr = np.load(folder / "indptr.csc.index.npy")
    inner = [term for term in vocab if vocab[term] < len(vocab) - 1]  # the last end is checked
    word = max(inner, key=lambda term: indptr[vocab[term] + 1] - indptr[vocab[term]])
    first = indptr[vocab[word]]
    if damage == "document out of range":
        indices = np.load(folder / "indices.csc.index.npy")
        indices[first] = 10_000
        np.save(folder / "indices.csc.index.npy", indices, allow_pickle=False)
    else:  # "offsets out of order": the word's scores would end before they start
        indptr[vocab[word] + 1] = (
            first - 1 if first else len(np.load(folder / "data.csc.index.npy")) + 1
        )
        np.save(folder / "indptr.csc.index.npy", indptr, allow_pickle=False)
    return word


@pytest.mark.parametrize("damage", ["document out of range", "offsets out of order"])
def test_damaged_postings_are_index_corrupt_when_read(
    damage: str, index: LexicalIndex, tmp_path: Path
) -> None:
    """The open no longer scans every score (O(postings)); a question reading a damaged
    term's scores gets IndexCorrupt, never an IndexError or a wrong document."""
    folder = tmp_path / "lexical"
    index.save(folder)
    word = _damage_postings(folder, damage)
    loaded = LexicalIndex.load(folder)
    with pytest.raises(IndexCorrupt, match=re.escape(f"lexical index in {folder}")) as raised:
        loaded.search([word], k=5)
    assert str(raised.value).endswith("; run `citeqa index`.")


def test_each_term_is_checked_when_first_read(
    index: LexicalIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lexical"
    index.save(folder)
    loaded = LexicalIndex.load(folder)
    stored = loaded._bm25
    words = list(dict.fromkeys(tokenize(DOCUMENTS[0][0], DOCUMENTS[0][1])))
    first, second = words[:2]
    assert len(stored.get_tokens_ids([first, second])) == 2
    found = loaded.search([first], k=5)
    checked: list[tuple[int, int]] = []
    original = stored._postings

    def counted(start: int, end: int) -> np.ndarray:
        checked.append((start, end))
        return original(start, end)

    monkeypatch.setattr(stored, "_postings", counted)
    assert loaded.search([first], k=5) == found  # read before: not checked again
    assert checked == []
    loaded.search([first, second], k=5)
    assert len(checked) == 1  # the new term only


def test_importing_lexical_stays_light() -> None:
    code = "import sys, citeqa.lexical; print(sorted({'torch', 'pydantic'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_written_terms_are_a_texts_query_terms_each_word_read_once() -> None:
    """lexical.written_terms (the terms a whole document writes, disagreement.py) gives what
    query_tokens does, as a set, and leaves the dates' terms out when asked to."""
    text = "Le préavis de démission\u00a0: deux mois. Signé le 14 mars 2026 ; notice  period.\n"
    text = text * 3 + "Œuvre, œuvres\u200b et marché en march, s52."
    assert written_terms(text) == frozenset(query_tokens(text))
    assert written_terms(text) - written_terms(text, dates=False) == {"2026-03-14", "--03-14"}


def test_question_words_group_the_query_terms_by_word() -> None:
    words = searched_spellings("Which agent handled ticket T-40234 in March, and the agents?")
    own = [{"agent"}, {"handl", "handled"}, {"ticket"}, {"40234"}, {"--03"}]
    assert words == [frozenset({(frozenset(terms),)}) for terms in own]
    assert {term for word in words for (terms,) in word for term in terms} == set(
        query_tokens("Which agent handled ticket T-40234 in March, and the agents?")
    )


def test_a_question_word_is_also_spelt_as_its_equivalents_and_its_date() -> None:
    """What BM25 searched for a word: the glossary's terms for it ("service level agreement",
    three words each needed, for "SLA"; "rein" for "kidney") and its date's canonical terms."""
    sla = searched_spellings("What does the SLA cover?", [("sla", "service level agreement")])
    assert written_share(sla, "The service level agreement sets the uptime.") == 0.5
    assert written_share(sla, "The service is restored at level 2.") == 0.0
    kidney = searched_spellings("Is the kidney affected?", [("kidney", "rein")])
    assert written_share(kidney, "Le rein est atteint.") == 0.5
    assert written_share(searched_spellings("Is the kidney affected?"), "Le rein est atteint.") == 0
    day = searched_spellings("What closed on 2026-03-14?")
    assert written_share(day, "Le 14 mars 2026, l'usine a fermé.") == 0.75
    assert written_share(day, "Le 14 avril 2026, l'usine a fermé.") == 0.5


def test_written_share_counts_the_words_a_text_writes_in_any_of_their_terms() -> None:
    """ "tart" is written by "Tarte" (its French stem); "bacon", "leek", "replace" are not."""
    question = searched_spellings("What can replace the bacon in the leek tart?")
    assert written_share(question, "# Tarte aux poireaux") == 0.25
    assert written_share(question, "Remplacer les lardons par de la feta.") == 0.0
    assert written_share(searched_spellings("T-40001"), "| T-40001 | Acme |") == 1.0
    assert written_share(searched_spellings("What is the ?"), "anything") == 1.0


def test_the_terms_saying_what_a_text_is_about_and_the_asked_terms_it_writes() -> None:
    from citeqa.lexical import about_terms, asked_written, undated_terms

    terms = undated_terms("Hotel cap: 150 € from 14 March 2026")
    assert {"hotel", "150"} <= terms and "2026-03-14" not in terms
    assert about_terms(terms) == about_terms(terms - {"150", "14"})
    assert "hotel" in about_terms(terms) and "150" not in about_terms(terms)
    asked = [frozenset({"hotel", "hôtel"}), frozenset({"lyon"}), frozenset({"150"})]
    assert asked_written(asked, terms) == frozenset({0, 2})


def test_a_plural_is_read_without_its_closing_s_a_short_word_or_an_x_as_it_is() -> None:
    from citeqa.lexical import singular

    assert [singular(w) for w in ("deflections", "fleches", "archives")] == [
        "deflection",
        "fleche",
        "archive",
    ]
    assert [singular(w) for w in ("bus", "gas", "taux", "index", "file")] == [
        "bus",
        "gas",
        "taux",
        "index",
        "file",
    ]
