"""A question naming a number or an identifier that is a whole cell of a table row gets that
row quoted, whatever its length (found by the session-10 user trial: "What does exit code 9
mean?" quoted `| 0 | Success |`, the short row holding only the asked number being scored as a
label without a value; "What does log_level do?" quoted the log_max_size_mb row)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from citeqa.api import Assistant
from citeqa.sentences import QuestionScores, SentenceBank
from citeqa.tables import KeyCells
from small_corpora import assistant_over

EXIT_CODES = """# Exit codes of the sync command

| Code | Meaning |
|---|---|
| 0 | Success |
| 3 | The configuration file could not be parsed |
| 4 | The agent could not bind its listening port |
| 7 | A peer rejected the authentication token |
| 9 | The license has expired |
"""
STATUS = """# Status codes of the gateway

The gateway answers every request with one of these status codes.

| Status | Meaning |
|---|---|
| 200 | OK |
| 301 | Moved for good |
| 404 | Not found |
| 429 | Too many requests |
| 503 | Busy, try again later |
"""
OPTIONS = """# Options of the agent

| Option | Default | Description |
|---|---|---|
| `max_connections` | 64 | Parallel connections to peers |
| `retention_days` | 30 | Days deleted files stay in the trash |
| `scan_interval_s` | 300 | Seconds between two folder scans |
"""
LOGGING = """# Logging

| Option | Default | Description |
|---|---|---|
| `log_level` | info | One of debug, info, warn, error |
| `log_max_size_mb` | 50 | Size at which the log file is rotated |
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "exit-codes.md": EXIT_CODES,
        "status.md": STATUS,
        "options.md": OPTIONS,
        "logging.md": LOGGING,
    }
    return assistant_over(
        files, tmp_path_factory.mktemp("tables"), tmp_path_factory.mktemp("index")
    )


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("What does exit code 9 mean?", "| 9 | The license has expired |"),
        ("What does exit code 0 mean?", "| 0 | Success |"),
        ("What does exit code 7 mean?", "| 7 | A peer rejected the authentication token |"),
        ("What does status 301 mean?", "| 301 | Moved for good |"),
        ("What does status 404 mean?", "| 404 | Not found |"),
        ("What does status 503 mean?", "| 503 | Busy, try again later |"),
        (
            "What is the default max_connections?",
            "| `max_connections` | 64 | Parallel connections to peers |",
        ),
        ("What does log_level do?", "| `log_level` | info | One of debug, info, warn, error |"),
    ],
)
def test_the_row_holding_the_asked_key_is_quoted(
    assistant: Assistant, question: str, row: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert row in [citation.quote for citation in answer.citations], answer.answer


@pytest.mark.parametrize(
    ("question", "row"),
    [
        # the asked number is a value cell of another table's row, not its key
        ("What does exit code 64 mean?", "| `max_connections` | 64 |"),
        ("What does exit code 30 mean?", "| `retention_days` | 30 |"),
        ("What does exit code 50 mean?", "| `log_max_size_mb` | 50 |"),
        # the asked number keys a row of another table than the best row's
        ("What does status 9 mean?", "| 9 | The license has expired |"),
    ],
)
def test_a_lookup_keeps_to_the_key_column_of_the_best_rows_table(
    assistant: Assistant, question: str, row: str
) -> None:
    quotes = [citation.quote for citation in assistant.ask(question).citations]
    assert not any(quote.startswith(row) for quote in quotes), quotes


def test_a_lookups_keys_and_key_rows_are_read_once_a_question(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeqa.questions
    import citeqa.sentences
    import citeqa.tables

    keyed: list[str] = []
    rows: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    key_words = citeqa.questions.key_words
    key_cells = citeqa.tables.key_cells
    rank_free = citeqa.sentences._rank_free

    def counted_keys(question: str) -> list[tuple[str, str]]:
        keyed.append(question)
        return key_words(question)

    def counted_rows(line: str, keys: frozenset[str], column: int = 0) -> KeyCells:
        rows[line] += 1
        return key_cells(line, keys, column)

    def counted_scoring(bank: SentenceBank, index: int, *rest: Any) -> object:
        scored[bank.text(index)] += 1
        return rank_free(bank, index, *rest)

    monkeypatch.setattr(citeqa.questions, "key_words", counted_keys)
    monkeypatch.setattr(citeqa.sentences, "_rank_free", counted_scoring)
    for module in (citeqa.tables, citeqa.sentences):
        monkeypatch.setattr(module, "key_cells", counted_rows)
    answer = assistant.ask("What does log_level do?")
    row = "| `log_level` | info | One of debug, info, warn, error |"
    assert row in [citation.quote for citation in answer.citations]
    assert keyed == ["What does log_level do?"]
    # each scoring of a candidate row reads it once (once in each passage holding it: the
    # answer reuses reranking's, sentences.QuestionScores); quoting reads the flag scoring
    # noted (ScoredSentence.names_key), not the rows again
    assert rows[row] >= 1 and rows == scored, (rows, scored)


NUMBERED = {
    "en": {
        "errors.md": """# Error codes of the sweep server

| # | Error code | Meaning |
|---|---|---|
| 1 | 404 | The page was not found |
| 2 | 500 | The server failed |
| 3 | 503 | The server is busy |
""",
        "exits.md": """# Exit status of sweep

| Status | Meaning |
|---|---|
| 0 | Success |
| 1 | General failure |
| 2 | Bad usage |
| 64-78 | Reserved for sysexits: 65 is bad input data, 66 a missing input |
""",
        "options.md": """# Options of sweep

| Option | Default | Description |
|---|---|---|
| `--min-size=SIZE` | 1k | Ignore small files |
| `--max-size=SIZE` | 1G | Ignore large files |
| `-j, --jobs N` | 4 | Workers |
""",
        "ports.md": """# Ports of the sweep setup

| Step | Port |
|---|---|
| 1 | 8080 |
| 2 | 8081 |
| 3 | 9000 |
""",
        "levels.md": """# Log levels of sweep

| Level | Logged |
|---|---|
| 1 | Errors only |
| 2 | Warnings and errors |
| 3 | Everything, for debugging |
""",
    },
    "fr": {
        "erreurs.md": """# Codes d'erreur du serveur

| N° | Code d'erreur | Signification |
|---|---|---|
| 1 | 404 | La page est introuvable |
| 2 | 500 | Le serveur a échoué |
| 3 | 503 | Le serveur est occupé |
""",
        "sorties.md": """# Codes de sortie de l'outil

| Code | Signification |
|---|---|
| 0 | Succès |
| 1 | Échec général |
| 2 | Mauvais usage |
| 64-78 | Réservés à sysexits : 65 signale des données invalides, 66 une entrée absente |
""",
        "options.md": """# Options de l'outil

| Option | Défaut | Description |
|---|---|---|
| `--taille-min=TAILLE` | 1k | Ignore les petits fichiers |
| `--taille-max=TAILLE` | 1G | Ignore les gros fichiers |
| `-j, --taches N` | 4 | Nombre de tâches |
""",
    },
}
"""A table whose first column numbers its rows, beside one keyed 0, 1, 2 (in each language)."""


@pytest.mark.parametrize(
    ("over", "question", "row", "numbered_row"),
    [
        ("numbered-en", "What does exit code 2 mean?", "| 2 | Bad usage |", "| 2 | 500 |"),
        # numbered 1, 2, 3 beside no column of keys, the levels are the table's keys
        ("numbered-en", "What is logged at log level 2?", "| 2 | Warnings and errors |", "| 1 |"),
        # numbered 1, 2, 3 before a column of ports: no port is 2, the step is the key
        ("numbered-en", "Which port does setup step 2 use?", "| 2 | 8081 |", "| 1 |"),
        (
            "numbered-en",
            "What does error code 500 mean?",
            "| 2 | 500 | The server failed |",
            "| 1 |",
        ),
        (
            "numbered-fr",
            "Que veut dire le code de retour 2 ?",
            "| 2 | Mauvais usage |",
            "| 2 | 500 |",
        ),
        (
            "numbered-fr",
            "Que signifie le code d'erreur 500 ?",
            "| 2 | 500 | Le serveur a échoué |",
            "| 1 |",
        ),
    ],
    indirect=["over"],
)
def test_a_row_number_column_is_no_key_column(
    over: Assistant, question: str, row: str, numbered_row: str
) -> None:
    """A lookup quotes the row whose key column (its first column that does not number its
    rows, tables.key_column) names the asked key, never a row whose row number it is."""
    quotes = [citation.quote for citation in over.ask(question).citations]
    assert row in quotes, quotes
    assert not any(quote.startswith(numbered_row) for quote in quotes), quotes


LETTERS = {
    "fr": {
        "grille.md": """# Grille tarifaire de la cantine

| Tranche | Quotient familial | Repas régulier | Repas occasionnel | Accueil du soir |
|---|---|---|---|---|
| A | moins de 400 € | 1,00 € | 1,50 € | 0,80 € |
| B | 400 à 700 € | 2,10 € | 2,60 € | 1,20 € |
| C | 701 à 1 000 € | 3,00 € | 3,50 € | 1,60 € |
| D | 1 001 à 1 400 € | 3,90 € | 4,40 € | 2,00 € |
| E | plus de 1 400 € | 4,60 € | 5,10 € | 2,40 € |
| Hors commune | - | 6,20 € | 6,70 € | 3,00 € |
""",
        "gouter.md": """# Un goûter est-il servi ?

Le goûter est servi uniquement aux enfants inscrits à l'accueil du soir, à 16 h 30.
""",
        "prix.md": """# Combien coûte un repas ?

Le prix du repas dépend du quotient familial : de 1 euro pour la tranche A à 4,60 euros pour
la tranche E.
""",
    },
    "en": {
        "fees.md": """# Canteen fees

| Band | Family income (€) | Regular meal | Occasional meal | Evening care |
|---|---|---|---|---|
| A | under 400 | 1.00 | 1.50 | 0.80 |
| B | 400 to 700 | 2.10 | 2.60 | 1.20 |
| C | 701 to 1,000 | 3.00 | 3.50 | 1.60 |
| D | 1,001 to 1,400 | 3.90 | 4.40 | 2.00 |
| E | over 1,400 | 4.60 | 5.10 | 2.40 |
| Non-residents | - | 6.20 | 6.70 | 3.00 |
""",
        "snack.md": """# Is a snack served?

A snack is served only to the children registered for evening care, at 4:30 pm.
""",
        "price.md": """# How much is a meal?

The price of a meal depends on the family income: from 1.00 for band A to 4.60 for band E.
""",
    },
}
"""A fee grid keyed by one letter a row (the s14 user trial's canteen grid), beside prose that
speaks of the same bands, in each language."""


BANDS = {
    "fr": [
        ("A", "moins de 400 euros", "1,00"),
        ("B", "400 à 700 euros", "2,10"),
        ("C", "701 à 1 000 euros", "3,00"),
        ("D", "1 001 à 1 400 euros", "3,90"),
        ("E", "plus de 1 400 euros", "4,60"),
    ],
    "en": [
        ("A", "under 400", "1.00"),
        ("B", "400 to 700", "2.10"),
        ("C", "701 to 1,000", "3.00"),
        ("D", "1,001 to 1,400", "3.90"),
        ("E", "over 1,400", "4.60"),
    ],
}
"""Each band of LETTERS' grid: its letter, its family income, its regular meal's price."""


def _band_entry(lang: str, letter: str, income: str, price: str) -> str:
    """A FAQ entry on one band's meal price, naming the band as a question would."""
    if lang == "fr":
        return (
            f"# Quel est le prix du repas en tranche {letter} ?\n\nLa tranche {letter} "
            f"correspond à un quotient familial de {income} ; le repas y coûte {price} euros.\n"
        )
    return (
        f"# What does a meal cost in band {letter}?\n\nBand {letter} is a family income "
        f"of {income}; a meal there costs {price}.\n"
    )


CROWDED = {
    lang: {
        **LETTERS[lang],
        **{f"band-{b[0]}.md": _band_entry(lang, *b) for b in bands},
    }
    for lang, bands in BANDS.items()
}
"""LETTERS' grid beside one FAQ entry per band, each naming its band's letter and the meal's
price (the s14 trial's canteen FAQ): five passages that outrank the grid, which ranked below
the five the answer reads."""


GRIDS = {"grille", "fees"}
"""The document ids of LETTERS' grids."""

CORPORA = {"numbered": NUMBERED, "lettered": LETTERS, "crowded": CROWDED}
"""The small corpora above, each by language."""


@pytest.fixture(scope="module")
def built() -> dict[str, Assistant]:
    """The assistants `over` built in this module, by name."""
    return {}


@pytest.fixture
def over(
    request: pytest.FixtureRequest,
    built: dict[str, Assistant],
    tmp_path_factory: pytest.TempPathFactory,
) -> Assistant:
    """An assistant over one language's documents of one of `CORPORA`, `request.param`
    naming both ("numbered-en"), given by each test's parameters (indirect): built once a
    module for each (`built`: a module-scoped indirect fixture is built again for each row of
    a parametrize, its parameter's index being its key)."""
    name = request.param
    if name not in built:
        corpus, lang = name.split("-")
        files, folder = CORPORA[corpus][lang], tmp_path_factory.mktemp(lang)
        built[name] = assistant_over(files, folder, tmp_path_factory.mktemp("i"))
    return built[name]


@pytest.mark.parametrize(
    ("over", "question", "row"),
    [
        (
            "lettered-fr",
            "Quel est le tarif de l'accueil du soir en tranche E ?",
            "| E | plus de 1 400 €",
        ),
        (
            "lettered-fr",
            "Quel est le tarif de l'accueil du soir en tranche B ?",
            "| B | 400 à 700 €",
        ),
        (
            "lettered-fr",
            "Combien coûte un repas occasionnel en tranche d ?",
            "| D | 1 001 à 1 400 €",
        ),
        ("lettered-en", "What does evening care cost in band E?", "| E | over 1,400 |"),
        ("lettered-en", "How much is an occasional meal for band C?", "| C | 701 to 1,000 |"),
    ],
    indirect=["over"],
)
def test_a_letter_after_a_cue_word_looks_up_its_row(
    over: Assistant, question: str, row: str
) -> None:
    """A letter after a cue word ("tranche E", language data `letter_key_cues`) looks up the
    row whose key cell it is, not the grid's first row nor the prose naming the bands (the
    s14 trial quoted `| A | moins de 400 € |` for tranche E)."""
    answer = over.ask(question)
    quotes = [citation.quote for citation in answer.citations]
    assert any(quote.startswith(row) for quote in quotes), quotes
    assert not any(quote.startswith(("| A |", "| Hors", "| Non")) for quote in quotes), quotes


@pytest.mark.parametrize(
    ("over", "question", "row"),
    [
        (
            "crowded-fr",
            "Combien coûte un repas occasionnel en tranche C ?",
            "| C | 701 à 1 000 € | 3,00 € | 3,50 €",
        ),
        (
            "crowded-fr",
            "Combien coûte un repas occasionnel en tranche E ?",
            "| E | plus de 1 400 €",
        ),
        ("crowded-en", "How much is an occasional meal in band C?", "| C | 701 to 1,000 |"),
    ],
    indirect=["over"],
)
def test_a_row_looked_up_below_the_cut_reaches_the_passages_read(
    over: Assistant, question: str, row: str
) -> None:
    """A table whose key column holds the asked key reaches the passages the answer reads
    though prose naming the key outranks it (keyedrows.py: the s14 trial's "tranche C"
    quoted the FAQ's A-to-E range, the grid ranking 13th), and its row is quoted; it takes
    the last place of the five, the others keeping theirs."""
    answer = over.ask(question)
    quotes = [citation.quote for citation in answer.citations]
    assert any(quote.startswith(row) for quote in quotes), quotes
    _, evidence, _ = over._retrievals(question, over._query_vectors(question), None)
    read = [hit.chunk.doc_id for hit in evidence.hits]
    assert len(read) == over.settings.answer_passages
    assert read[-1] in GRIDS, read
    assert not GRIDS & set(read[:-1]), read


@pytest.mark.parametrize(
    ("over", "question"),
    [
        ("crowded-fr", "Combien coûte un repas occasionnel ?"),
        ("crowded-fr", "Combien coûte un repas en tranche F ?"),
        ("crowded-en", "How much is an occasional meal?"),
    ],
    indirect=["over"],
)
def test_a_question_looking_no_row_up_reads_the_passages_ranked_first(
    over: Assistant, question: str
) -> None:
    """A question naming no key, or a key no row's key cell holds, reads the first five of
    the reranked passages: nothing is brought up from below them."""
    vectors = over._query_vectors(question)
    _, evidence, _ = over._retrievals(question, vectors, None)
    deeper = over.settings.model_copy(update={"answer_passages": 20})
    _, ranked, _ = Assistant(deeper, over._loaded)._retrievals(question, vectors, None)
    assert evidence.hits == ranked.hits[: over.settings.answer_passages]


TRIALS = {
    **{
        f"trial-{n}.md": (
            f"# Trial {n} results\n\nIn trial {n}, the response rate at week 52 was {30 + n}% in"
            f" the treated arm against {10 + n}% on placebo. Response at week 52 was the primary"
            f" endpoint of trial {n}.\n"
        )
        for n in range(1, 7)
    },
    "canteen.md": (
        "# Canteen deliveries\n\nDeliveries of the canteen by calendar week.\n\n"
        "| Week | Deliveries | Driver |\n|---|---|---|\n| 50 | 310 | Paul |\n"
        "| 51 | 280 | Anne |\n| 52 | 120 | Marc |\n"
    ),
}
"""Six trials' results naming week 52 in prose, and a canteen's deliveries keyed by week, whose
row `| 52 | 120 | Marc |` holds the key of "week 52" and nothing else the question asks (the
s15 review's repro: the row was brought up and quoted)."""


def test_a_row_holding_the_key_alone_is_not_brought_up(tmp_path: Path) -> None:
    """A row whose key cell is the asked number but which shares no other content word of the
    question (only the key's cue, "week", in its header) is not brought up from below the cut
    (keyedrows.answers_the_rest): the trial's sentence is quoted, as before the rule."""
    (tmp_path / "c").mkdir()
    over = assistant_over(TRIALS, tmp_path / "c", tmp_path / "i")
    question = "What was the response rate at week 52 in the treated arm?"
    _, evidence, _ = over._retrievals(question, over._query_vectors(question), None)
    assert "canteen" not in [hit.chunk.doc_id for hit in evidence.hits]
    quotes = [citation.quote for citation in over.ask(question).citations]
    assert quotes and all(quote.startswith("In trial") for quote in quotes), quotes


@pytest.mark.parametrize("k", [5, 10])
def test_the_row_brought_up_does_not_depend_on_k(tmp_path: Path, k: int) -> None:
    """With one fusion (the evidence's settings the ranking's), the list shown and the evidence
    are cut from one reranked list, each with its own looked-up row (twofusions.ranked): the
    evidence, and so the row quoted, is the same whatever `k` (the review's repro: k=10 put
    the grid at place 10, beyond the five the answer reads, and quoted the FAQ's range)."""
    (tmp_path / "c").mkdir()
    over = assistant_over(
        CROWDED["fr"],
        tmp_path / "c",
        tmp_path / "i",
        evidence_rerank_weight=0.7,
        evidence_channel_weights={},
    )
    assert len(over._fusions) == 1
    question = "Combien coûte un repas occasionnel en tranche C ?"
    shown, evidence, _ = over._retrievals(question, over._query_vectors(question), k)
    read = [hit.chunk.doc_id for hit in evidence.hits]
    assert len(read) == over.settings.answer_passages
    assert read[-1] in GRIDS, read
    assert len(shown.hits) == min(k, len(over._loaded.index.chunks))
    assert GRIDS & {hit.chunk.doc_id for hit in shown.hits}
    quotes = [citation.quote for citation in over.ask(question, k=k).citations]
    assert any(quote.startswith("| C | 701 à 1 000 € | 3,00 €") for quote in quotes), quotes


def test_a_passages_keyed_rows_are_read_without_scoring_it_alone(assistant: Assistant) -> None:
    """QuestionScores.keyed_rows reads the rows' rank-free scores (computed now when reranking
    did not): it no longer scores and sorts the whole passage through `alone` first (on main
    it did, for nothing it reads), and finds the same rows as after `alone`."""
    question = "What does log_level do?"
    bank = assistant._loaded.bank
    terms, vectors = assistant._terms(question, None), assistant._query_vectors(question)
    vector = vectors.get(assistant._loaded.index.manifest.answer_channel or "")
    _, evidence, _ = assistant._retrievals(question, vectors, None)
    hit = next(hit for hit in evidence.hits if hit.chunk.doc_id.startswith("logging"))
    scores = QuestionScores(bank, terms, vector)
    rows = scores.keyed_rows(hit)
    assert [bank.text(row) for row in rows] == [
        "| `log_level` | info | One of debug, info, warn, error |"
    ]
    assert not scores.scored_alone(hit)
    alone_first = QuestionScores(bank, terms, vector)
    alone_first.alone(hit)
    assert alone_first.keyed_rows(hit) == rows


@pytest.mark.parametrize(
    ("over", "question", "row"),
    [
        (
            "lettered-fr",
            "Combien coûte un repas occasionnel pour un quotient familial de 850 € ?",
            "| C | 701 à 1 000 €",
        ),
        (
            "lettered-fr",
            "Combien coûte un repas occasionnel pour un quotient familial de 1 500 € ?",
            "| E | plus de 1 400 €",
        ),
        (
            "lettered-en",
            "How much is an occasional meal for a family income of €850?",
            "| C | 701 to 1,000 |",
        ),
        ("lettered-en", "Evening care cost for a family income of 350 €?", "| A | under 400 |"),
    ],
    indirect=["over"],
)
def test_an_amount_inside_a_rows_range_or_bound_looks_up_that_row(
    over: Assistant, question: str, row: str
) -> None:
    """s32 trial: "un quotient familial de 750 €" quoted the row "QF ≤ 600 €", whose words
    matched best, not "QF de 601 à 1 000 €", which holds 750 (value_ranges.py)."""
    answer = over.ask(question)
    quotes = [citation.quote for citation in answer.citations]
    assert not answer.abstained, answer.reason
    assert quotes and quotes[0].startswith(row), quotes


POOL = {
    "piscine.md": (
        "# Entretien du bassin\n\n"
        "Le chlore libre se mesure chaque matin avant l'ouverture, à la bandelette.\n\n"
        "Toute eau trouble impose de fermer le bassin sans attendre le résultat du chlore.\n\n"
        "## Que faire selon la mesure du chlore\n\n"
        "| Chlore libre (mg/L) | Conduite à tenir |\n"
        "|---|---|\n"
        "| chlore < 1 | Ajouter une dose de chlore ; nouvelle mesure dans une heure. |\n"
        "| 1 ≤ chlore < 3 | Rien à faire ; mesure du soir comme d'habitude. |\n"
        "| 3 ≤ chlore < 5 | Couper le doseur ; nouvelle mesure le lendemain matin. |\n"
        "| chlore ≥ 5 | Fermer le bassin ; prévenir le responsable technique. |\n"
    ),
    "horaires.md": "# Horaires\n\nLe bassin ouvre à 9 h et ferme à 20 h, sauf le lundi.\n",
}
"""A pool's upkeep page: a grid of bounds written around the measured word, below prose that
writes the question's words (the s34 trial's anticoagulant grid, "6 ≤ INR < 10", here of
another trade)."""


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("Que faire si le chlore est à 4 mg/L ?", "| 3 ≤ chlore < 5 |"),
        ("Que faire si le chlore est à 0 mg/L ?", "| chlore < 1 |"),
    ],
)
def test_a_number_inside_a_bound_around_the_asked_word_looks_up_that_row(
    tmp_path: Path, question: str, row: str
) -> None:
    """s34 trial: "Que faire si l'INR est à 7 ?" quoted a sentence on bleeding; the row
    "6 ≤ INR < 10" ranked fourth (value_ranges.holds_quantity)."""
    over = assistant_over(POOL, tmp_path / "c", tmp_path / "i")
    answer = over.ask(question)
    quotes = [citation.quote for citation in answer.citations]
    assert not answer.abstained, answer.reason
    assert quotes and quotes[0].startswith(row), quotes
