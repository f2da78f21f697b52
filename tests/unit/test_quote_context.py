"""The neighbour a quote needs (quote_context.py): the sentence before one that opens by
referring back, a short next sentence holding a question word the quote lacks; one span of the
source's exact characters, within one paragraph and PAIR_MAX characters."""

from __future__ import annotations

import pytest

from citeqa.chunking import chunk_document
from citeqa.clauses import CLAUSE_BUDGET
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.questions import QuestionTerms, Vocabulary, analyse
from citeqa.quote_context import PAIR_MAX
from citeqa.quoting import citations_of, quote_spans, verified
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences


def _quoted(
    parts: list[str],
    separator: str,
    index: int,
    question: str | None = None,
    title: str = "d",
    lang: str = "en",
) -> str:
    """The quote of sentence `index` of `parts` joined by `separator`, for `question`, in a
    document titled `title`."""
    text, cuts = "", []
    for part in parts:
        text += separator if text else ""
        cuts.append((len(text), len(text) + len(part)))
        text += part
    doc = Document(doc_id="d", title=title, path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    tokens = [frozenset(tokenize(text[a:b], lang)) for a, b in cuts]
    bank = SentenceBank({"d": doc}, [chunk], sentences, None, tokens)
    hits = [Hit(chunk=chunk, chunk_index=0, score=1.0)]
    terms = None if question is None else _terms(question, [text])
    spans = quote_spans([ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)], bank, hits, terms)
    citations = citations_of(spans, {"d": doc})
    assert verified(citations, {"d": doc})
    return " | ".join(c.quote for c in citations)


def _terms(question: str, texts: list[str]) -> QuestionTerms:
    """The question's terms as citeqa weighs them (questions.analyse) over a vocabulary of
    `texts`."""
    frequency: dict[str, int] = {}
    for text in texts:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return analyse(question, None, Vocabulary(texts, frequency, len(texts)))


def _cited(
    text: str,
    opening: str,
    question: str | None = None,
    kind: str = "txt",
    pages: list[int] | None = None,
) -> str:
    """The quote of the sentence opening with `opening` in a document of `text`, cut into
    chunks and sentences as a build cuts a file of `kind` (with `pages`' starts)."""
    doc = Document(
        doc_id="d", title="d", path=f"/d.{kind}", text=text, sha256="0", page_starts=pages
    )
    chunks = chunk_document(doc)
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], kind)
    sentences = [
        Sentence(doc_id="d", chunk_index=int(n), start=int(a), end=int(b)) for n, a, b in rows
    ]
    tokens = [frozenset(tokenize(text[s.start : s.end], "en")) for s in sentences]
    bank = SentenceBank({"d": doc}, chunks, sentences, None, tokens)
    index = next(n for n, s in enumerate(sentences) if text[s.start : s.end].startswith(opening))
    chunk_index = sentences[index].chunk_index
    hits = [Hit(chunk=chunks[chunk_index], chunk_index=chunk_index, score=1.0)]
    terms = None if question is None else _terms(question, [text])
    spans = quote_spans([ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)], bank, hits, terms)
    citations = citations_of(spans, {"d": doc})
    assert verified(citations, {"d": doc})
    return " | ".join(c.quote for c in citations)


RULE = "Le préavis est de trois mois."
REDUCED = "Il est réduit à un mois en cas de mutation professionnelle ou de perte d'emploi."


def test_a_quote_opening_with_a_pronoun_takes_in_the_sentence_it_refers_to() -> None:
    assert _quoted([RULE, REDUCED], " ", 1) == f"{RULE} {REDUCED}"


@pytest.mark.parametrize("opening", ["These", "This", "They", "Cette", "Celui-ci", "Cela"])
def test_english_and_french_demonstratives_refer_back_too(opening: str) -> None:
    before = "The trial enrolled 120 patients in four centres across France."
    after = f"{opening} were followed for two years by the same team of nurses."
    assert _quoted([before, after], " ", 1) == f"{before} {after}"


@pytest.mark.parametrize(
    "impersonal",
    [
        "Il y a trois salles de réunion au premier étage du bâtiment.",
        "Il faut prévenir le bailleur par lettre recommandée avec accusé de réception.",
        "It is important to store the vials below eight degrees at all times.",
    ],
)
def test_an_impersonal_opening_refers_to_nothing_and_stands_alone(impersonal: str) -> None:
    assert _quoted([RULE, impersonal], " ", 1) == impersonal


def test_a_sentence_of_another_paragraph_is_never_taken_in() -> None:
    assert _quoted([RULE, REDUCED], "\n\n", 1) == REDUCED


def test_the_sentence_before_is_left_out_when_the_pair_is_over_the_limit() -> None:
    long_rule = "Le préavis est de trois mois" + ", sauf exception" * 30 + "."
    assert len(long_rule) + 1 + len(REDUCED) > PAIR_MAX
    assert _quoted([long_rule, REDUCED], " ", 1) == REDUCED


TAB = "tab_size (int, optional): Number of spaces used to replace a tab character."


def test_a_short_next_sentence_holding_a_question_word_the_quote_lacks_is_taken_in() -> None:
    quote = _quoted([TAB, "Defaults to 8."], " ", 0, "What is the default tab size?")
    assert quote == f"{TAB} Defaults to 8."


def test_a_next_sentence_the_question_does_not_ask_for_is_left_out() -> None:
    assert _quoted([TAB, "Defaults to 8."], " ", 0, "What does tab size replace?") == TAB


def test_a_long_next_sentence_is_left_out_even_with_a_question_word() -> None:
    long_next = "Defaults to 8, the width most terminals use, unless the console's setting says so."
    assert _quoted([TAB, long_next], " ", 0, "What is the default tab size?") == TAB


PROJECT = (
    "Le projet d'éducation de base dans la vallée de Marbial est un exemple du travail que "
    "l'UNESCO mène à ses débuts."
)
STARTED = "Amorcé en 1947, ce projet a été suivi par les missions d'experts de plusieurs pays."


def test_a_next_sentence_of_any_length_holding_the_asked_date_the_quote_lacks_is_taken_in() -> None:
    question = "Quand a débuté le projet de la vallée de Marbial ?"
    assert _quoted([PROJECT, STARTED], " ", 0, question, lang="fr") == f"{PROJECT} {STARTED}"
    # nothing asked of that kind, or the quote holds it already: the sentence stands alone
    who = "Qui mène le projet de la vallée de Marbial ?"
    assert _quoted([PROJECT, STARTED], " ", 0, who, lang="fr") == PROJECT
    dated = PROJECT.replace("ses débuts", "ses débuts, en 1946")
    assert _quoted([dated, STARTED], " ", 0, question, lang="fr") == dated
    # another paragraph is never taken in
    assert _quoted([PROJECT, STARTED], "\n\n", 0, question, lang="fr") == PROJECT


BUILT = "The footbridge over the canal was built by Telford for the canal company."
PAINTED = "It was painted red in 1950 after a storm damaged the rails and the deck."


def test_a_next_sentence_holding_a_date_but_no_question_word_is_left_out() -> None:
    # its date is another event's: it writes none of the question's words (s22 review)
    question = "When was the footbridge built?"
    assert _quoted([BUILT, PAINTED], " ", 0, question) == BUILT


def test_a_question_word_of_the_title_names_the_subject_and_pulls_nothing_in() -> None:
    cost = "Le coût total est estimé à 2 360 000 euros HT, études comprises."
    fund = "Le Fonds chaleur pourrait financer 45 % de l'investissement."
    question = "Combien coûtera au total le réseau de chaleur ?"
    assert _quoted([cost, fund], " ", 0, question, "Note sur le réseau") == f"{cost} {fund}"
    assert _quoted([cost, fund], " ", 0, question, "Note sur le réseau de chaleur") == cost


ACROSS = " across every supported platform and release channel"
OLD_API = "The old API was removed in 2020."
GUIDE = f"This guide covers the move to v2{ACROSS}."
NOTICE = "The notice period is three months for every tenant."
TRANSFER = "It is reduced to one month on transfer across every platform."
DEFAULT_TAB = "What is the default tab size?"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_neither_rule_crosses_a_blank_line_of_lf_or_crlf(newline: str) -> None:
    blank = newline * 2
    assert _cited(f"{NOTICE}{blank}{TRANSFER}{newline}", "It is") == TRANSFER
    assert _cited(f"{TAB}{blank}Defaults to 8.{newline}", "tab_size", DEFAULT_TAB) == TAB
    assert (
        _cited(f"{NOTICE}{newline}{TRANSFER}{newline}", "It is") == f"{NOTICE}{newline}{TRANSFER}"
    )


def test_neither_rule_crosses_a_markup_line() -> None:
    assert _cited(f"{NOTICE}\n-----\n{TRANSFER}\n", "It is") == TRANSFER
    assert _cited(f"{TAB}\n-----\nDefaults to 8.\n", "tab_size", DEFAULT_TAB, "md") == TAB


def test_a_table_row_is_never_taken_in() -> None:
    table = "| Name | Note |\n|---|---|\n| cache | kept for a week |\nIt is cleared on upgrade.\n"
    assert _cited(table, "It is", kind="md") == "It is cleared on upgrade."
    rows = f"| Name | Note |\n|---|---|\n| {TAB} |\n| Defaults to 8. |\n"
    assert "Defaults" not in _cited(rows, "| tab_size", DEFAULT_TAB, "md")


def test_neither_rule_crosses_a_page() -> None:
    text = f"{NOTICE}\n{TRANSFER}"
    page_two = len(NOTICE) + 1
    assert _cited(text, "It is", pages=[0, page_two]) == TRANSFER
    assert _cited(text, "It is", pages=[0, len(text)]) == text
    tab = f"{TAB}\nDefaults to 8."
    assert _cited(tab, "tab_size", DEFAULT_TAB, pages=[0, len(TAB) + 1]) == TAB
    assert _cited(tab, "tab_size", DEFAULT_TAB, pages=[0, len(tab)]) == tab


@pytest.mark.parametrize(
    ("text", "opening", "kind"),
    [
        (
            f"{OLD_API}\nMIGRATION\n{GUIDE}\n",
            "This",
            "txt",
        ),
        (
            f"{OLD_API}\n## Migration\n{GUIDE}\n",
            "This",
            "md",
        ),
    ],
)
def test_a_heading_line_is_never_taken_in(text: str, opening: str, kind: str) -> None:
    assert _cited(text, opening, kind=kind) == GUIDE


def test_the_on_rule_stops_at_a_heading_line() -> None:
    text = f"{TAB}\nDefaults\nThe width of a tab is eight columns.\n"
    assert _cited(text, "tab_size", DEFAULT_TAB) == TAB


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("- Verbose mode prints every step of the build", "- This flag is ignored on Windows"),
        ("* The cache lives in the home folder", "* It is cleared on upgrade"),
        ("1. Install the package", "2. This creates a config file"),
    ],
)
def test_a_list_item_opening_with_a_pronoun_stands_alone(first: str, second: str) -> None:
    text = f"Options:\n{first}{ACROSS}.\n{second}{ACROSS}.\n"
    quote = _cited(text, second, kind="md")
    assert "\n" not in quote and f"{second}{ACROSS}.".endswith(quote)


def test_the_on_rule_never_takes_in_the_next_list_item() -> None:
    text = f"- {TAB}\n- Defaults to 8.\n"
    assert _cited(text, "- tab_size", DEFAULT_TAB, "md") == f"- {TAB}"


def test_two_sentences_of_one_list_item_are_one_paragraph() -> None:
    text = f"- {NOTICE} {TRANSFER}\n- Another item.\n"
    assert _cited(text, "It is", kind="md") == f"- {NOTICE} {TRANSFER}"


def test_the_on_rule_keeps_the_clause_cut_of_a_long_sentence() -> None:
    head = (
        "Before anything else is drawn, the renderer reads many settings from the environment,"
        " from the user's files, from the project's files, from flags given on the command"
        " line, and from values compiled in at build time"
    )
    middle = ", tab_size sets the number of spaces used to replace a tab character in output"
    tail = (
        ", whatever the terminal, the pager, the editor or the remote shell in use may say"
        " about it, and whatever the old configuration file left behind by a previous release"
        " says, and whatever the system-wide defaults installed by the distribution say, and"
        " whatever a colleague's shared settings, copied over from another machine, may say."
    )
    sentence = head + middle + tail
    assert len(middle + tail) > CLAUSE_BUDGET  # no run holding the middle reaches the end
    assert len(sentence) > PAIR_MAX
    quote = _cited(f"{sentence} Defaults to 8.", "Before", "What is the default tab_size spaces?")
    assert "tab_size sets" in quote and len(quote) < len(sentence)
    assert "Defaults to 8." not in quote


def test_a_pair_just_over_the_limit_is_not_joined_though_each_sentence_is_under() -> None:
    first = "The notice period is three months" + ", save for exceptions" * 13 + "."
    second = "It is reduced to one month on transfer" + ", or on loss of work" * 3 + "."
    assert len(first) < PAIR_MAX and len(second) < PAIR_MAX
    assert PAIR_MAX < len(first) + 1 + len(second) <= PAIR_MAX + 25
    assert _quoted([first, second], " ", 1) == second
    shorter = first.replace(", save for exceptions", "", 2)
    assert len(shorter) + 1 + len(second) <= PAIR_MAX
    assert _quoted([shorter, second], " ", 1) == f"{shorter} {second}"


@pytest.mark.parametrize(
    ("before", "after", "lang"),
    [
        (
            "Laptops are replaced every four years.",
            f"IT support is available at all hours{ACROSS}.",
            "en",
        ),
        (
            "Le groupe emploie 300 personnes.",
            "CA 2023 : 45 M€ en hausse de 12 % sur un an, porté par l'export vers l'Asie.",
            "fr",
        ),
        (
            "We switched our wiki tool last spring.",
            f"It (the tool by Acme) is now the default{ACROSS}.",
            "en",
        ),
        ("The cache is stored in memory.", f"It's important to clear it every week{ACROSS}.", "en"),
        ("The cache is stored in memory.", f"It’s important to clear it every week{ACROSS}.", "en"),
    ],
)
def test_a_word_that_only_looks_like_a_pronoun_refers_to_nothing(
    before: str, after: str, lang: str
) -> None:
    assert _quoted([before, after], " ", 1, lang=lang) == after


def test_a_pronoun_written_with_its_capital_alone_still_refers_back() -> None:
    everyone = "Ça vaut pour tous les locataires, quel que soit leur bail ou leur ancienneté."
    assert _quoted([RULE, everyone], " ", 1, lang="fr") == f"{RULE} {everyone}"


def test_code_in_a_fence_refers_to_nothing() -> None:
    text = (
        "Set it up:\n\n```js\nconst x = computeTheInitialValueFromConfig(options);\n"
        "this.value = computeSomethingElseFromTheValue(x, options, defaults);\n```\n"
    )
    assert "const x" not in _cited(text, "this.value", kind="md")
    assert _quoted(
        ["The field is set once.", f"this(options) builds it again{ACROSS}."], " ", 1
    ) == (f"this(options) builds it again{ACROSS}.")


@pytest.mark.parametrize(("newline", "separator"), [("\n", " "), (" ", " "), ("\n", "\n")])
def test_the_piece_of_a_sentence_longer_than_a_chunk_is_never_taken_in(
    newline: str, separator: str
) -> None:
    """A sentence longer than a chunk is cut into pieces (chunking._cut_long); its last piece,
    short enough to pair, is no sentence a back-reference refers to (hostile probe, session
    17: a 120 KB sentence's last 300 characters came in before "It is 5 mg…"). _cut_long cuts
    at any blank, a line break too: a sentence of lines cut after "words\n" was taken in
    (review of s17-hostfix)."""
    long_sentence = "Background" + f"{separator}words" * 330 + f"{separator}end."
    dose = "It is 5 mg of zorbatide per day."
    text = f"# Dosing\n\n{long_sentence}{newline}{dose}\n"
    assert _cited(text, "It is 5 mg", "How much zorbatide per day?") == dose
    whole = f"# Dosing\n\nThe drug zorbatide is taken by mouth.{newline}{dose}\n"
    assert _cited(whole, "It is 5 mg", "How much zorbatide per day?").startswith("The drug")


ENGAGES = "Le Preneur s'engage à :"
ITEMS = [
    "(a) user des Locaux paisiblement et conformément à leur destination de bureaux ;",
    "(b) souscrire une assurance couvrant les risques locatifs ;",
    "(c) ne réaliser aucuns travaux affectant le gros œuvre sans l'accord écrit du Bailleur ;",
    "(d) laisser le Bailleur visiter les Locaux, sur rendez-vous, pendant les six derniers mois.",
]


def test_an_enumerated_item_is_quoted_with_its_lead_in_and_without_the_next_item() -> None:
    text = "# Bail\n\n## Article 5\n\n" + "\n".join([ENGAGES, *ITEMS]) + "\n"
    assert _cited(text, "(c)", kind="md") == "\n".join([ENGAGES, *ITEMS[:3]])


@pytest.mark.parametrize("mark", ["- ", "2. ", "b) ", "(iv) "])
def test_a_list_item_of_any_mark_carries_its_lead_in(mark: str) -> None:
    item = f"{mark}never sublet the premises without the landlord's written consent."
    text = f"The tenant undertakes as follows:\n- pay the rent on time.\n{item}\n"
    # the second item (where the first has the same mark, "-", the first was cited, and ran on
    # into the second as a short quote did until quoting._whole_item)
    opening = "- never" if mark == "- " else mark.strip()
    assert (
        _cited(text, opening)
        == f"The tenant undertakes as follows:\n- pay the rent on time.\n{item}"
    )


@pytest.mark.parametrize(
    ("above", "why"),
    [
        ("The tenant undertakes as follows:\n\n", "a blank line: the list stands apart"),
        ("The tenant shall pay the rent on time.\n", "no colon: no lead-in"),
        ("## Obligations:\n", "a heading"),
        ("Obligations:\n", "a label a build cuts as a heading"),
    ],
)
def test_no_lead_in_is_taken_across_a_blank_line_nor_from_a_sentence_or_heading(
    above: str, why: str
) -> None:
    item = "- never sublet the premises without the landlord's written consent."
    assert _cited(f"# Lease\n\n{above}{item}\n", "- never", kind="md") == item, why


def test_a_lead_in_is_left_out_when_the_list_above_the_item_is_over_the_limit() -> None:
    before = [f"- obligation number {n} of the tenant, as the parties agreed it." for n in range(8)]
    item = "- never sublet the premises without the landlord's written consent."
    text = "\n".join(["The tenant undertakes as follows:", *before, item]) + "\n"
    assert len(text) > PAIR_MAX
    assert _cited(text, "- never") == item


SUBLET = "- never sublet the premises without the landlord's written consent."


def test_a_lead_in_wrapped_over_two_lines_is_taken_in_from_its_sentence_opening() -> None:
    lead_in = (
        "The tenant, having read the lease and agreed to all of its terms\n"
        "and conditions, undertakes as follows:"
    )
    text = f"Rent is due monthly. {lead_in}\n- pay the rent on time.\n{SUBLET}\n"
    assert _cited(text, "- never") == f"{lead_in}\n- pay the rent on time.\n{SUBLET}"


def test_a_wrapped_lead_in_over_the_limit_is_left_out_not_cut_to_its_last_line() -> None:
    words = " ".join(f"clause {n}" for n in range(40))
    text = f"The tenant, having read {words}\nand conditions, undertakes as follows:\n{SUBLET}\n"
    assert _cited(text, "- never") == SUBLET


OBLIGATIONS = [
    "Les parties conviennent de ce qui suit :",
    "1. Le Bailleur s'engage à :",
    "(a) réparer la toiture à ses frais dans les trois mois de la demande ;",
    "2. Le Preneur s'engage à :",
    "(a) payer le loyer au premier jour de chaque trimestre civil ;",
    "(b) ne jamais sous-louer les Locaux sans l'accord écrit du Bailleur.",
]


def test_an_item_of_a_sub_list_takes_in_its_own_lead_in_not_the_other_list() -> None:
    text = "\n".join(OBLIGATIONS) + "\n"
    assert _cited(text, "(b)") == "\n".join(OBLIGATIONS[3:])


def test_an_item_leading_into_a_list_itself_takes_in_nothing_above() -> None:
    engages = "2. Le Preneur, pour toute la durée du bail et de ses renouvellements, s'engage à :"
    text = "\n".join([*OBLIGATIONS[:3], engages, *OBLIGATIONS[4:]]) + "\n"
    assert _cited(text, engages).startswith(engages)


def test_no_lead_in_is_taken_from_another_page() -> None:
    lead_in = "The tenant undertakes as follows:"
    text = f"{lead_in}\n{SUBLET}\n"
    assert _cited(text, "- never", pages=[0, len(lead_in) + 1]) == SUBLET
    assert _cited(text, "- never", pages=[0, len(text)]) == text.rstrip("\n")


@pytest.mark.parametrize(
    "line",
    [
        "(c) 2024 Acme Corporation, every right reserved by the authors of this package.",
        "b) + offset of the buffer, as the previous call returned it to the caller.",
    ],
)
def test_a_copyright_or_a_line_of_code_is_no_enumeration_item(line: str) -> None:
    text = f"The following notice applies to every file of this package:\n{line}\n"
    assert _cited(text, line[:5]) == line


def test_only_an_enumeration_item_ending_in_a_semicolon_stops_before_the_next_item() -> None:
    prose = "Le Preneur, pendant toute la durée du bail et de ses renouvellements, s'engage ;"
    item = "(a) à payer un loyer annuel de 24 000 euros."
    assert _cited(f"{prose}\n{item}\n", "Le Preneur") == f"{prose}\n{item}"
    assert _cited(f"(b) {prose}\n{item}\n", "(b) Le").endswith("s'engage ;")


DEPLOY = (
    "## Rolling back\n\n"
    "To roll back, run the command below with the previous image tag; a rollback takes about "
    "3 minutes.\n\norbitctl rollback --to <previous-tag>\n\n"
    "Never roll back database migrations automatically: ask the database owner first."
)
ANNOUNCING = "Deploy to staging with the command below and run the smoke tests of the release."
CODE = "orbitctl deploy --env staging --tag 4f2a1c9\norbitctl canary start --percent 10"


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        pytest.param(
            DEPLOY,
            "To roll back",
            DEPLOY[DEPLOY.index("To roll") : DEPLOY.index("\n\nNever")],
            id="the-command-below",
        ),
        pytest.param(
            "Pour installer le paquet, lancez la commande ci-dessous dans un terminal ouvert.\n\n"
            "```\npip install x\n```\n\nFin.",
            "Pour installer",
            "Pour installer le paquet, lancez la commande ci-dessous dans un terminal ouvert.\n\n"
            "```\npip install x\n```",
            id="a-fenced-block-in-french",
        ),
        pytest.param(
            f"{ANNOUNCING}\nStart the canary in production for twenty minutes.\n\n{CODE}",
            "Deploy to staging",
            f"{ANNOUNCING}\nStart the canary in production for twenty minutes.\n\n{CODE}",
            id="the-rest-of-its-paragraph-too",
        ),
    ],
)
def test_a_sentence_announcing_a_code_block_takes_it_in(
    text: str, opening: str, expected: str
) -> None:
    assert _cited(text, opening, kind="md") == expected


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        pytest.param(
            "Run the command below with care, as the team lead said at the last meeting.\n\n"
            "It deletes every file of the folder without asking anyone for a confirmation.",
            "Run the command",
            id="a-prose-paragraph-is-no-code-block",
        ),
        pytest.param(
            f"{ANNOUNCING}\n\n" + "orbitctl status --all\n" * 30,
            "Deploy to staging",
            id="over-the-limit",
        ),
        pytest.param(
            "The rota is kept by the team lead and published every Monday morning.\n\n" + CODE,
            "The rota",
            id="a-sentence-announcing-nothing",
        ),
    ],
)
def test_a_code_block_is_taken_in_only_when_announced_short_and_code(
    text: str, opening: str
) -> None:
    assert _cited(text, opening, kind="md") == text[: text.index("\n\n")]


DEADLINE = "Les licences doivent être saisies avant le 15 octobre 2025 pour la première journée."
SURCHARGE = "Une majoration de 10 € s'applique à toute licence saisie après cette date."


@pytest.mark.parametrize(
    ("parts", "question", "taken"),
    [
        ([DEADLINE, SURCHARGE], "date limite saisie des licences", True),
        ([DEADLINE, SURCHARGE], "Quand la majoration s'applique-t-elle ?", True),
        (
            [
                "The fee was raised to 12% on 1 March 2024.",
                "Late payers are charged interest at this rate from the first day.",
            ],
            "What interest rate applies to late payers?",
            True,
        ),
        # the question asks no date nor share: the sentence stands alone
        ([DEADLINE, SURCHARGE], "Combien coûte la majoration ?", False),
        # the sentence before holds no date
        (
            ["Les licences se saisissent en ligne sur le site.", SURCHARGE],
            "date limite saisie des licences",
            False,
        ),
    ],
)
def test_a_quote_naming_the_asked_value_by_referring_back_takes_in_the_sentence_holding_it(
    parts: list[str], question: str, taken: bool
) -> None:
    """s29 trial: "après cette date" was quoted alone for "date limite saisie des licences"."""
    quote = _quoted(parts, " ", 1, question, lang="fr" if "Les" in parts[0] else "en")
    assert quote == (" ".join(parts) if taken else parts[1])
