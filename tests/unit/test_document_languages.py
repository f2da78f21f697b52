"""A document's languages are decided on its prose words (session-13 trial: 125 of 257 English
package docs were named `en,fr` for " ::" classifier paths and "/en/" in URLs, 79 `other`
for code, names and URLs): code, URLs, header lines and fenced blocks are no evidence."""

from __future__ import annotations

import pytest

from citeqa.abstention import MAJORITY_TRANSLATED, MINORITY_SHARE, DocumentLanguages
from citeqa.language import OTHER, detect_lang, document_languages, prose_language, prose_words

METADATA = """Metadata-Version: 2.3
Name: annotated-types
Version: 0.7.0
Project-URL: Documentation, https://annotated-types.readthedocs.io/en/latest/
Classifier: Intended Audience :: Information Technology
Classifier: Intended Audience :: System Administrators
Classifier: Natural Language :: English
Classifier: Operating System :: POSIX :: Linux
Requires-Dist: typing-extensions>=4.0.0; python_version < "3.9"

# annotated-types

This package provides metadata objects which can be used to represent common constraints
such as upper and lower bounds on scalar values and collection sizes.
"""

CODE_README = """# fastjson

```python
import fastjson
data = fastjson.loads(open("config.json").read())
results = fastjson.dumps(data, indent=2, sort_keys=True)
cache = fastjson.Cache(prefix="en/", max_items=512, eviction="lru")
handler = fastjson.Handler(encoding="utf-8", strict=False, errors="replace")
stream = fastjson.StreamReader(handler, buffer_size=65536, max_depth=128)
records = stream.collect(fastjson.Record, prefix="item", value_type=str)
writer = fastjson.Writer(sys.stdout, indent=4, ensure_ascii=False, default=str)
writer.write_many(records, separators=(",", ": "), flush_every=1000)
```

See https://fastjson.example.org/en/stable/ and https://github.com/example/fastjson/issues.
The loader is faster than the standard library on large files.
"""


def _one_chunk(text: str) -> list[tuple[int, int, str]]:
    return [(0, len(text), detect_lang(text))]


def test_classifier_paths_and_urls_do_not_make_an_english_header_french() -> None:
    assert detect_lang(METADATA[:400]) == "fr"  # what named it `en,fr` before
    header = METADATA.split("\n\n", 1)[0]
    chunks = [(0, len(header), detect_lang(header)), (len(header) + 2, len(METADATA), "en")]
    assert document_languages(METADATA, chunks) == ["en"]


def test_code_and_urls_do_not_make_an_english_readme_another_language() -> None:
    assert document_languages(CODE_README, _one_chunk(CODE_README)) == ["en"]
    assert "import" not in prose_words(CODE_README)  # the fenced block is no prose
    assert "en" not in prose_words(CODE_README)  # nor the word inside a URL


def test_a_document_without_prose_in_either_language_is_other() -> None:
    word_list = "\n".join(["[PAD]", "[unused0]", *(f"Zyx{n} Qor{n}" for n in range(40))])
    assert document_languages(word_list, _one_chunk(word_list)) == [OTHER]


def test_a_sheet_of_names_and_numbers_has_no_language() -> None:
    """A staff list read from a sheet is in no language, not in "other" as a German page is
    (s23 trial: status said "other")."""
    rows = [
        f"| Person{n} Name{n} | Officer | p{n}@greenfield.org | 2024-02-{n % 28 + 1:02} | Bristol |"
        for n in range(20)
    ]
    sheet = "\n".join(
        ["## Staff", "", "| Name | Role | Email | Start | Office |", "| --- |", *rows]
    )
    assert document_languages(sheet, _one_chunk(sheet)) == []
    german = "\n".join(f"Zyx{n} Qor{n} Blat{n}" for n in range(40))  # words, no table
    assert document_languages(german, _one_chunk(german)) == [OTHER]


def test_one_stray_french_word_in_an_english_line_says_nothing() -> None:
    line = "Fundacio Clinic per a la Recerca Biomedica Barcelona Spain"
    assert prose_language(line) is None
    assert prose_language("Le patient est suivi dans le service de la clinique.") == "fr"


def test_a_classifier_path_is_no_french_typography() -> None:
    """A " ::" read as French spacing before ":" made PyPI classifier chunks French, so they were
    stemmed as French and searched as the other language's."""
    classifiers = "Classifier: Intended Audience :: Developers\nClassifier: Typing :: Typed"
    assert detect_lang(classifiers) == "en"
    assert detect_lang("Remarque : voir plus bas") == "fr"  # a single ":" still is


def test_a_titles_tilde_underline_opens_no_fence() -> None:
    """RST underlines a title with "~~~~", which also opens a Markdown fence: read as a fence,
    every prose line after it was code, and a French paragraph under it went unseen."""
    rst = (
        "Parameters\n~~~~~~~~~~\n\nLe patient prend la dose tous les jours avec de l'eau.\n\n"
        "Example\n\n~~~\nimport numpy as np and then call the function\n~~~\n"
    )
    words = prose_words(rst)
    assert words[:4] == ["Le", "patient", "prend", "la"]
    assert "import" not in words  # a "~~~" fence under no title is still a fence
    assert document_languages(rst, _one_chunk(rst)) == ["fr"]


PYDOC_CLASS = """Python Library Documentation: class MagicMixin in module unittest.mock

class MagicMixin(Base)
 |  MagicMixin(*args, **kw)
 |
 |  Method resolution order:
 |      MagicMixin
 |      Base
 |      builtins.object
 |
 |  Methods defined here:
 |
 |  __init__(self, /, *args, **kw)
 |      Initialize self.  See help(type(self)) for accurate signature.
 |
"""


def test_a_pydoc_class_page_is_english() -> None:
    """The s15 trial: 1,684 of 10,199 English pydoc files (cut to 800 B) were `other`, their
    docstring lines under pydoc's `|` gutter counted as no prose (the gutter a token that is
    no word), so only identifiers were left to judge by."""
    assert document_languages(PYDOC_CLASS, _one_chunk(PYDOC_CLASS)) == ["en"]


def test_a_lines_gutter_quote_or_list_mark_is_no_token_of_its_prose() -> None:
    for line in (
        " |      Initialize self.  See help(type(self)) for accurate signature.",
        "> Initialize self.  See help(type(self)) for accurate signature.",
        "> > Initialize self.  See help(type(self)) for accurate signature.",
        "- Initialize self.  See help(type(self)) for accurate signature.",
    ):
        assert prose_words(line) == ["Initialize", "self", "See", "for", "accurate", "signature"]
    assert prose_words("- one - two - three") == []  # marks inside a line still count
    assert prose_words(" |  Method resolution order:") == []  # three words: no prose line


def test_a_python_prompt_is_no_quote_mark() -> None:
    """Review of s15-trial-b: ">>>" was stripped as three quote marks, so a doctest line read
    as prose (">>> for item in the list:" five English words); nor is a ">" with no blank after
    it a quote mark. "> quoted", ">> quoted twice" and pydoc's "|" gutter still are."""
    for code in (
        ">>> for item in the list: print(item) if it is there",
        "    >>> for item in the list:",
        "> >>> for item in the list:",  # a quoted doctest
        ">for item in the list",  # no blank after it: no quote mark
    ):
        assert prose_words(code) == [], code
    said = ["for", "item", "in", "the", "list"]
    for quoted in ("> for item in the list", ">> for item in the list", " |  for item in the list"):
        assert prose_words(quoted) == said, quoted


SCHEDULE = """BOAT INSURANCE - POLICY SCHEDULE
Insurer: Harbour Mutual Ltd   Policy number: HM-BT-4471
Policyholder: Mr Tom BAKER   Skipper: Ms Ann REID
Vessel: Jeanneau Sun Odyssey 349, hull FR-221-KL
Period of cover: 01/04/2025 to 31/03/2026   Cover: Fully comprehensive
Mooring: Port de Sète, pontoon C12
Excess: collision EUR 400, theft or attempted theft EUR 900
Tender and outboard: EUR 150"""


def test_a_terse_english_schedule_is_english_not_another_language() -> None:
    """A form of "Key: value" lines has no prose line, and its words are mostly names, codes
    and nouns: its few function words ("to", "or", "and") still say English (s27 trial: status
    named a motor policy schedule "other", and the folder counted one English document)."""
    chunks = [(0, len(SCHEDULE), detect_lang(SCHEDULE))]
    assert not prose_language(SCHEDULE)
    assert document_languages(SCHEDULE, chunks) == ["en"]


def test_a_note_of_a_french_table_and_english_items_is_in_both() -> None:
    """Neither a table nor to-do items full of dates and times is prose: each chunk's words
    still say its language."""
    rows = ["| Personne | Pièce | Expire |", "|---|---|---|", "| Paul | Titre de séjour | 2031 |"]
    table = "\n".join([*rows, "| Léa | Carte d'identité | 2030 |"])
    items = "\n- Paul's passport: town hall on 03/05 at 10:30 (bring 2 photos, 42 €).\n"
    text = table + items
    chunks = [(0, len(table), "fr"), (len(table), len(text), "en")]
    assert document_languages(text, chunks) == ["en", "fr"]


@pytest.mark.parametrize(
    ("counts", "documents", "english", "french"),
    [
        ({"en": 3, "fr": 38}, 40, True, True),  # s27 trial: a French folder, a few English
        ({"en": 10, "fr": 9}, 19, True, True),  # bilingual: both
        ({"en": 2, "fr": 3}, 5, True, True),  # bilingual though under MINORITY_DOCUMENTS
        ({"en": 2, "fr": 35}, 37, True, True),  # s32 trial: two English mails, under it
        ({"en": 35, "fr": 2}, 37, True, True),  # and a French question of an English folder
        ({"en": 1, "fr": 19}, 20, False, False),  # one English note (5 %): a stray file
        ({"en": 1, "fr": 36}, 37, False, False),  # s33 review: an English licence, French folder
        ({"en": 5, "fr": 5}, 200, True, True),  # a tie reads both ways (neither before)
        ({"en": 4, "fr": 5}, 200, True, True),
        ({"en": 4, "fr": 96}, 100, True, True),  # under MINORITY_SHARE
        ({"fr": 40}, 40, False, False),  # one language: English questions are off its subjects
        ({"en": 12}, 12, False, False),  # (s33: PubMedQA's asked of PIAF, and the reverse)
        ({"other": 3}, 3, False, False),  # neither language: nothing to read across into
        ({}, 0, False, False),
    ],
)
def test_a_question_in_either_language_is_read_across_when_each_has_two_documents(
    counts: dict[str, int], documents: int, english: bool, french: bool
) -> None:
    # the language few documents use is read across (s32 trial: 13 of 21 English questions of
    # a French folder with 2 English mails refused), and the language most use too, toward
    # the few (s37 repro: English questions of an English folder about its French client
    # letters, 3 of 15 right); a stray document in the other language reads nothing across
    languages = DocumentLanguages(counts, documents, 0)
    assert languages.read_across_from("en") is english
    assert languages.read_across_from("fr") is french
    assert languages.reads_any_across() is (english or french)


@pytest.mark.parametrize(
    ("counts", "english", "french"),
    [
        ({"en": 25, "fr": 5}, MAJORITY_TRANSLATED, 1.0),  # s37 repro: English client folder
        ({"en": 3, "fr": 15}, 1.0, MAJORITY_TRANSLATED),  # and a French one, 3 English mails
        ({"en": 5, "fr": 5}, 1.0, 1.0),  # a tie: every word, as the minority's
        ({"en": 20, "fr": 1}, 1.0, 1.0),  # a stray French note: English is not read across
    ],
)
def test_the_majority_language_needs_half_its_absent_words_translated(
    counts: dict[str, int], english: float, french: float
) -> None:
    # a question in the language most documents use about the few in the other names words
    # its own documents never write, some of which have no translation the documents write
    # ("defects" of "How long is the defects warranty period?", "warranty" / "garantie"); the
    # minority's question keeps every word ("Quel est le salaire du chef de projet ?" quoted
    # the charter's staff line with half of them)
    languages = DocumentLanguages(counts, sum(counts.values()), 0)
    assert languages.translated_share("en") == english
    assert languages.translated_share("fr") == french


@pytest.mark.parametrize(
    ("counts", "documents", "bilingual"),
    [
        ({"en": 3, "fr": 38}, 40, True),
        ({"en": 2, "fr": 35}, 37, False),  # under MINORITY_DOCUMENTS
        ({"en": 4, "fr": 96}, 100, False),  # under MINORITY_SHARE
        ({"fr": 40}, 40, False),
    ],
)
def test_a_corpus_is_in_both_languages_by_the_minority_share(
    counts: dict[str, int], documents: int, bilingual: bool
) -> None:
    assert DocumentLanguages(counts, documents, 0).bilingual_corpus(MINORITY_SHARE) is bilingual


def test_a_table_alone_is_in_the_language_its_distinct_cells_say() -> None:
    """s35 trial: `status` showed "—" for a French salary scale (.csv): its "0 an" repeated
    down a column ("an" is an English word) outweighed or tied the French words of its header
    and posts. Each distinct cell is read once: the header and text cells are words too."""
    rows = [
        "| Poste | Échelon | Ancienneté | Salaire brut mensuel (€) |",
        "| --- | --- | --- | --- |",
        "| Animateur·rice pédagogique | 1 | 0 an | 2 150,00 |",
        "| Animateur·rice pédagogique | 2 | 4 ans | 2 260,00 |",
        "| Responsable de site | 1 | 0 an | 2 480,00 |",
        "| Responsable de site | 2 | 4 ans | 2 590,00 |",
        "| Secrétaire (mi-temps) | 1 | 0 an | 1 040,00 |",
        "| Directeur·rice | 1 | 0 an | 3 200,00 |",
    ]
    scale = "\n".join(rows)
    assert document_languages(scale, _one_chunk(scale)) == ["fr"]
    english = "\n".join(
        ["## Staff", "| Post | Grade |", "| --- | --- |", "| Head of the site | 2 |"]
    )
    assert document_languages(english, _one_chunk(english)) == ["en"]
