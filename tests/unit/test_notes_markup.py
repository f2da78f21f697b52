"""A notes vault's markup (Obsidian-style): YAML front matter is no sentence a quote is taken
from, and its title still names the document (session 16 trial: "title: Product sync — 27
January 2026 tags: [meeting, product]" was quoted as the answer at .80)."""

from __future__ import annotations

from citeqa.chunking import chunk_document
from citeqa.lexical import query_tokens
from citeqa.mailthreads import mail_text
from citeqa.markup import front_matter_chars, is_tag_line, note_markup_opening
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.quoting import quote_spans
from citeqa.readable import as_read, is_markdown, preview_text, readable_lines
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences
from citeqa.titles import derived_title

NOTE = (
    "---\n"
    "title: Product sync — 27 January 2026\n"
    "tags: [meeting, product]\n"
    "date: 2026-01-27\n"
    "---\n"
    "# Product sync (27 Jan)\n"
    "\n"
    "Attendees: Jenna Park, Oliver Grant, me.\n"
)


def _document(text: str, kind: str = "md") -> Document:
    return Document(doc_id="d", title="t", path=f"/d.{kind}", text=text, sha256="0", kind=kind)


def _indexed(text: str, kind: str = "md") -> list[tuple[int, int]]:
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(_document(text, kind)))]
    return [(start, end) for _, start, end in document_sentences(text, chunks, kind).tolist()]


def test_front_matter_holds_no_indexed_sentence_and_the_body_keeps_its_offsets() -> None:
    spans = _indexed(NOTE)
    body = NOTE.index("# Product")
    assert spans and all(start >= body for start, _ in spans), [NOTE[a:b] for a, b in spans]
    bare = NOTE[body:]
    assert [(a - body, b - body) for a, b in spans] == _indexed(bare)
    assert derived_title(NOTE, "2026-01-27 Product sync") == "Product sync — 27 January 2026"


def test_a_note_of_front_matter_alone_has_no_sentence() -> None:
    assert _indexed("---\ntitle: Idée podcast\ntags: [idee]\n---\n") == []


def test_a_rule_over_prose_is_no_front_matter() -> None:
    text = "---\nA rule opens this note and no closing line follows.\n"
    assert [text[a:b] for a, b in _indexed(text)] == [
        "A rule opens this note and no closing line follows."
    ]


MINUTES = (
    "# Product sync\n"
    "\n"
    "## Notes\n"
    "- Churn in December was 3.4%, up from 2.9% in November, after the price change.\n"
    "- Priya showed the new onboarding flow.\n"
)


def _quotes(
    text: str, chosen: list[str], terms: QuestionTerms | None = None, title: str = "t"
) -> list[str]:
    """The quotes of the sentences `chosen` (by their text) of a one-chunk Markdown document."""
    doc = _document(text).model_copy(update={"title": title})
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    cuts = [(a, b) for _, a, b in document_sentences(text, [(0, 0, len(text))], "md").tolist()]
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    bank = SentenceBank({"d": doc}, [chunk], sentences, None, [frozenset() for _ in cuts])
    indexes = [[text[a:b] for a, b in cuts].index(sentence) for sentence in chosen]
    items = [ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1) for index in indexes]
    spans = quote_spans(items, bank, [Hit(chunk=chunk, chunk_index=0, score=1.0)], terms)
    return [text[span.start : span.end] for span in spans]


def test_a_quote_running_on_past_a_heading_line_starts_under_it() -> None:
    churn = "- Churn in December was 3.4%, up from 2.9% in November, after the price change."
    assert _quotes(MINUTES, ["## Notes"]) == [churn]
    assert _quotes(MINUTES, ["## Notes", churn]) == [churn]
    assert _quotes(MINUTES, [churn]) == [churn]


def test_a_heading_quoted_alone_stays_and_over_a_short_value_is_left_out() -> None:
    """Session 17 trial: "Fixed" over "- Fixed crash when the customer name is empty." repeated
    what the citation's section names; a heading opens a quote only when it is all of it."""
    text = "# Banana bread\n\n## Ingredients\n- 3 ripe bananas\n"
    assert _quotes(text, ["# Banana bread"]) == ["Banana bread"]
    assert _quotes(text, ["## Ingredients"]) == ["- 3 ripe bananas"]
    assert _quotes(text, ["- 3 ripe bananas"]) == ["- 3 ripe bananas"]


TRIP = (
    "# Lisbonne\n"
    "\n"
    "![[alfama-view.png]]\n"
    "\n"
    "Appartement à Alfama ; code de la boîte à clés : 4417.\n"
    "#voyage #lisbonne\n"
    "\n"
    "> [!note] Carte Lisboa Card 72 h : 42 €, inclut les transports.\n"
    "\n"
    "> [!warning]\n"
    "> Si le contrat n'est pas signé avant le 31 mars, tout glisse.\n"
    "\n"
    "Les salles sont décrites dans `rooms.yaml`[^1].\n"
    "\n"
    "[^1]: Le fichier est relu à chaud toutes les 5 minutes.\n"
    "\n"
    "Responsable : [[Claire Dubois]].\n"
    "[[Projet Lumen]]\n"
)


def test_a_notes_markup_is_no_sentence_and_no_sentence_opens_on_it() -> None:
    """Session 16 trial: "> Si le contrat Nuvola…" was quoted with its blockquote mark, tag
    lines ("#lumen #copil") and embeds ("![[alfama-view.png]]") were sentences."""
    assert [TRIP[a:b] for a, b in _indexed(TRIP)] == [
        "# Lisbonne",
        "Appartement à Alfama ; code de la boîte à clés : 4417.",
        "Carte Lisboa Card 72 h : 42 €, inclut les transports.",
        "Si le contrat n'est pas signé avant le 31 mars, tout glisse.",
        "Les salles sont décrites dans `rooms.yaml`[^1].",
        "Le fichier est relu à chaud toutes les 5 minutes.",
        "Responsable : [[Claire Dubois]].",
        "[[Projet Lumen]]",  # a wikilink alone is a note's name, as a lone text link is text
    ]


def test_a_text_file_keeps_its_quote_marks() -> None:
    text = "> Quoted in a mail.\n"
    assert [text[a:b] for a, b in _indexed(text, "txt")] == ["> Quoted in a mail."]


def test_tag_lines_are_told_from_headings_and_numbers() -> None:
    assert is_tag_line("#lumen #copil") and is_tag_line("  #projet/lumen\r")
    assert not is_tag_line("# Notes") and not is_tag_line("#1") and not is_tag_line("#lumen is it")
    assert not is_tag_line("#include <stdio.h>")


def test_wikilinks_show_as_the_note_reads_them() -> None:
    quote = (
        "- Point (voir [[2026-03-17 Point hebdo équipe|Point hebdo]]).\n- [[Claire Dubois]] signe."
    )
    assert readable_lines(quote, True) == ["- Point (voir Point hebdo).", "- Claire Dubois signe."]
    assert preview_text("## Équipe\nResponsable : [[Claire Dubois]].", True) == (
        "Équipe Responsable : Claire Dubois."
    )
    # an inline link shows its text (a wiki export's links: test_readable.py)
    assert readable_lines("[not a wikilink] and [x](y)", True) == ["[not a wikilink] and x"]


def test_callout_and_blockquote_marks_show_as_read() -> None:
    quote = "Vérifier la page.\n\n> [!warning]\n> Ne jamais déployer le vendredi après 15 h."
    assert readable_lines(quote, True) == [
        "Vérifier la page.",
        "Ne jamais déployer le vendredi après 15 h.",
    ]
    assert readable_lines(">>> import os\n>>> os.sep", True) == [">>> import os · >>> os.sep"]


def test_only_a_blockquote_mark_followed_by_a_blank_opens_a_sentence() -> None:
    assert note_markup_opening("> [!tip]- Astuce") == len("> [!tip]- ")
    assert note_markup_opening("> > Nested.") == len("> > ")
    assert note_markup_opening(">= 3.9 is needed.") == 0
    assert note_markup_opening(">>> import os") == 0
    assert note_markup_opening("[^note-1]: Relu à chaud.") == len("[^note-1]: ")


def _sentences(text: str, kind: str = "md") -> list[str]:
    return [text[a:b] for a, b in _indexed(text, kind)]


def test_a_rule_over_a_paragraph_then_a_rule_is_no_front_matter() -> None:
    """Review of s16-front: any "---" … "---" opening counted as front matter, for every kind,
    and the sentences between were never indexed."""
    text = "---\nThe launch moved to 31 March after legal review.\n\n---\n\nSecond part here.\n"
    assert front_matter_chars(text) == 0
    assert _sentences(text) == [
        "The launch moved to 31 March after legal review.",
        "Second part here.",
    ]


def test_a_slide_deck_keeps_its_first_slide() -> None:
    deck = "---\n# Q3 review\n- Revenue up 12%\n---\n# Next steps\n- Hire two engineers\n"
    assert front_matter_chars(deck) == 0
    assert "- Revenue up 12%" in _sentences(deck)
    bullets = "---\n- Revenue up 12%\n- Churn at 3.4%\n---\nMore.\n"
    assert front_matter_chars(bullets) == 0  # front matter is a mapping: no list opens it


def test_an_rst_overlined_title_is_no_front_matter() -> None:
    text = "---\nAPI\n---\n\nThe client retries three times.\n"
    assert front_matter_chars(text) == 0
    assert derived_title(text, "api.rst") == "API"
    assert _sentences(text, "rst") == ["API", "The client retries three times."]


def test_front_matter_is_yaml_lines_and_only_markdown_skips_it() -> None:
    note = "---\ntitle: Lumen\ntags:\n  - lumen\n- copil\n# a comment\n\ndate created: 2026\n"
    note += "---\nBody.\n"
    assert note[: front_matter_chars(note)].endswith("date created: 2026\n---")
    assert _sentences(note) == ["Body."]
    plain = "---\ntitle: Lumen\n---\nBody.\n"
    assert _sentences(plain, "txt") == ["title: Lumen", "Body."]


def test_a_bom_before_the_front_matter_is_stripped_by_the_reader(tmp_path) -> None:
    from citeqa.corpus import read_corpus

    (tmp_path / "n.md").write_bytes("\ufeff---\ntitle: Lumen\n---\nBody.\n".encode())
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text.startswith("---") and _sentences(doc.text) == ["Body."]


def test_wikilinks_are_read_in_markdown_only_and_never_in_code() -> None:
    """Review of s16-front: `df[['a', 'b']].mean()` showed as "df'a', 'b'.mean()"."""
    for code in ("df[['a', 'b']].mean()", "if [[ -f $x ]]; then", "x = [[1, 2]]"):
        assert as_read(code, True) == code
    assert as_read("[[tool.mypy.overrides]]", False) == "[[tool.mypy.overrides]]"
    assert as_read("Voir [[Projet Lumen]] et `[[Projet]]`.", True) == (
        "Voir Projet Lumen et `[[Projet]]`."
    )
    fenced = "```toml\n[[tool.mypy.overrides]]\n> quoted\n```\nVoir [[Lumen]]."
    assert as_read(fenced, True) == "```toml\n[[tool.mypy.overrides]]\n> quoted\n```\nVoir Lumen."
    assert is_markdown("notes/Lumen.MD") and not is_markdown("pyproject.toml")


def test_a_plain_texts_quote_marks_and_prompts_show_as_written() -> None:
    """Review of s16-front: a .txt mail's "> Quoted…" lost its marks on display."""
    mail = "On Monday Ann wrote:\n> Quoted in a mail.\n> [^1]: kept"
    assert as_read(mail, False) == mail
    assert readable_lines("> Quoted in a mail.") == ["> Quoted in a mail."]
    assert preview_text("> Quoted in a mail.") == "> Quoted in a mail."


def test_a_headings_day_answers_no_question_asking_a_number_but_no_date() -> None:
    """s19 hostile #4: "How long does the autoclave cycle last?" kept a dated heading in the
    quote (its day read as the number asked); "When …?" still keeps it."""
    body = "The autoclave cycle lasts 45 minutes at 121 degrees."
    text = f"# Lab\n\n## Autoclave checked on 7 March 2025\n{body}\n"
    heading = "## Autoclave checked on 7 March 2025"

    def asking(question: str) -> QuestionTerms:
        return QuestionTerms(
            focus=question, terms=[(frozenset(query_tokens("autoclave")), 1.0)], focus_terms=1
        )

    assert _quotes(text, [heading, body], asking("How long does the autoclave cycle last?")) == [
        body
    ]
    assert _quotes(text, [heading, body], asking("When was the autoclave checked?")) == [
        f"Autoclave checked on 7 March 2025\n{body}"
    ]


def test_a_heading_that_holds_the_answer_stays_in_the_quote() -> None:
    """Review of s16-front: "## Deadline moved to 31 March 2026" chosen with its body was quoted
    without it. A heading holding only the question's word ("Churn" asked about churn) names
    what is asked about, as the citation's section does: the quote starts under it (session 17
    trial)."""
    body = "Legal must sign the vendor contract first, and the auditors want a week to read it."
    text = f"# Project\n\n## Deadline moved to 31 March 2026\n{body}\n"
    heading = "## Deadline moved to 31 March 2026"
    assert _quotes(text, [heading, body]) == [f"Deadline moved to 31 March 2026\n{body}"]
    figure = "- The December figure went up after the price change, says the team."
    churn = f"## Churn\n{figure}\n"
    focus = QuestionTerms(
        focus="churn", terms=[(frozenset(query_tokens("churn")), 1.0)], focus_terms=1
    )
    assert _quotes(churn, ["## Churn"], focus) == [figure]
    assert _quotes(MINUTES, ["## Notes"], focus) == [
        "- Churn in December was 3.4%, up from 2.9% in November, after the price change."
    ]


def test_quote_marks_open_no_sentence_inside_a_code_fence_or_mid_line() -> None:
    """Review of s16-front: a `> echo hi` inside a code fence was indexed as "echo hi"."""
    text = "Run it:\n\n```console\n> echo hi\n```\n\n> Quoted note.\n"
    assert _sentences(text) == ["Run it:", "> echo hi", "Quoted note."]


def test_a_quote_mark_opens_its_line_after_any_line_break_as_fences_are_read() -> None:
    """A line starts after a LF, CRLF or bare CR, as blocks.fenced_line_starts numbers lines
    (language.line_spans): on 3208aaa a line after a bare CR was read from the last LF, so its
    "> " stayed in the sentence while a fence's lines were found."""
    for eol in ["\n", "\r\n", "\r"]:
        text = eol.join(["Intro.", "```", "> echo hi", "```", "> Real quote.", ""])
        assert _sentences(text) == ["Intro.", "> echo hi", "Real quote."], repr(eol)


def test_a_heading_not_chosen_or_repeating_the_title_still_opens_no_quote() -> None:
    """The trial's notes open on their title ("# Crêpes (pour 15 crêpes)"): a heading that holds
    a digit but only repeats the title, or that was not chosen, is still left above the quote."""
    body = "- 250 g de farine, 4 œufs, 50 cl de lait et une pincée de sel pour la pâte."
    text = f"# Crêpes (pour 15 crêpes)\n{body}\n"
    heading = "# Crêpes (pour 15 crêpes)"
    assert _quotes(text, [heading, body], title="Crêpes (pour 15 crêpes)") == [body]
    assert _quotes(text, [heading, body])[0].startswith("Crêpes")
    deadline = f"## Deadline moved to 31 March 2026\n{body}\n"
    assert _quotes(deadline, [body]) == [body]


def test_a_day_the_question_writes_keeps_its_heading_over_a_number() -> None:
    """s19-mend-mail took a heading's day out of "How long …?" questions, and with it the
    day's heading out of "What was the dose on July 14?" (test_asked_day failed on the merge):
    a day the question writes is asked."""
    dose = "The dose given was 148 mg."
    dosed = f"# Log\n\n## 2026-07-14\n{dose}\n"
    focus = QuestionTerms(
        focus="What was the dose on July 14?",
        terms=[(frozenset(query_tokens("dose")), 1.0)],
        focus_terms=1,
    )
    assert _quotes(dosed, ["## 2026-07-14", dose], focus) == [f"2026-07-14\n{dose}"]


def test_a_mail_messages_heading_stays_for_a_question_asking_when() -> None:
    """Review of s19-mend-mail: "When did Dee reply about the autoclave?" lost the message's
    "Dee Quinn · 7 Mar 2025" heading (only a question with a header cue, "sent", kept it), and
    with the Date line barred the quote held no day."""
    read = mail_text(
        "From: Dee Quinn <dee@lab.example.org>\nTo: lab@lab.example.org\n"
        "Date: Fri, 7 Mar 2025 10:00:00 +0000\nSubject: Autoclave\n\n"
        "The autoclave cycle lasts 45 minutes at 121 degrees.\n"
    )
    assert read is not None
    text, _ = read
    body = "The autoclave cycle lasts 45 minutes at 121 degrees."
    heading = next(line for line in text.splitlines() if "Dee Quinn" in line and "7 Mar" in line)

    def asking(question: str) -> QuestionTerms:
        return QuestionTerms(
            focus=question, terms=[(frozenset(query_tokens("autoclave")), 1.0)], focus_terms=1
        )

    when = _quotes(text, [heading, body], asking("When did Dee reply about the autoclave?"))
    assert len(when) == 1 and "7 Mar 2025" in when[0] and when[0].endswith(body)
    assert _quotes(text, [heading, body], asking("How long does the autoclave cycle last?")) == [
        body
    ]
