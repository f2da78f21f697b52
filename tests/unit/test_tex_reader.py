"""LaTeX sources (.tex, .ltx) are read verbatim and their markup is read as markup (s33 trial:
a student's report draft, a .tex file, was skipped as an unsupported type): sectioning lines
are headings, `\\title{…}` the title, `%` comments, preamble and environment lines no sentence."""

from __future__ import annotations

from pathlib import Path

from citeqa.blocks import headings, split_blocks
from citeqa.chunking import chunk_document
from citeqa.chunkpass import chunk_pass
from citeqa.config import Settings
from citeqa.corpus import read_corpus
from citeqa.latex import (
    is_latex_markup_line,
    latex_comment_spans,
    latex_heading,
    latex_title,
    without_command_names,
)
from citeqa.markup import markup_between
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.numbered_sections import stands_under
from citeqa.overview import DocumentText, term_example
from citeqa.quoting import quote_spans
from citeqa.readers import read_types, reader_for, reader_versions
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences
from citeqa.titles import derived_title

DRAFT = (
    "\\documentclass[a4paper]{article}\n"
    "\\usepackage[utf8]{inputenc}\n"
    "\\newcommand{\\R}{\\mathbb{R}}\n"
    "\\title{Soil Moisture in Upland Meadows}\n"
    "\\begin{document}\n"
    "\\maketitle\n"
    "\n"
    "\\section{Introduction}\n"
    "Upland meadows hold water in their peat layers. % TODO check the source\n"
    "Drainage ditches lower the water table by \\textbf{about 30 cm} \\cite{smith2020}.\n"
    "\n"
    "\\subsection*{Study sites}\n"
    "We sampled 12 sites, and 50\\% of them were grazed.\n"
    "% Reviewer asked for more sites here.\n"
    "The mean moisture was $0.42$ in spring.\n"
    "\n"
    "\\begin{itemize}\n"
    "  \\item The wettest site was Glen Fhada.\n"
    "  \\item The driest site was Carn Dearg.\n"
    "\\end{itemize}\n"
    "\\end{document}\n"
)
SENTENCES = [
    "Upland meadows hold water in their peat layers.",
    "Drainage ditches lower the water table by \\textbf{about 30 cm} \\cite{smith2020}.",
    "We sampled 12 sites, and 50\\% of them were grazed.",
    "The mean moisture was $0.42$ in spring.",
    "\\item The wettest site was Glen Fhada.",
    "\\item The driest site was Carn Dearg.",
]


def _indexed(text: str, kind: str = "tex") -> list[str]:
    document = Document(doc_id="d", title="t", path=f"/d.{kind}", text=text, sha256="0", kind=kind)
    chunks = [(n, c.start, c.end) for n, c in enumerate(chunk_document(document))]
    rows = document_sentences(text, chunks, kind).tolist()
    return [text[start:end] for _, start, end in rows]


def test_a_tex_file_is_read_verbatim_and_titled_by_its_title(tmp_path: Path) -> None:
    (tmp_path / "draft.tex").write_text(DRAFT, encoding="utf-8", newline="")
    (tmp_path / "kernel.ltx").write_text("Plain words in an ltx file.\n", encoding="utf-8")
    documents = {d.path.rsplit("/", 1)[-1]: d for d in read_corpus(tmp_path).documents}
    assert documents["draft.tex"].text == DRAFT
    assert documents["draft.tex"].kind == "tex"
    assert documents["draft.tex"].title == "Soil Moisture in Upland Meadows"
    assert documents["kernel.ltx"].text == "Plain words in an ltx file.\n"
    assert ".tex" in read_types() and reader_versions()[".tex"] >= 1
    assert reader_for(".TEX") is reader_for(".ltx")


def test_a_tex_file_with_no_latex_reads_as_text_and_a_binary_one_is_skipped(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.tex").write_text("Meeting notes\n\nWe met on Monday.\n", encoding="utf-8")
    (tmp_path / "broken.tex").write_bytes(b"\x00\x01\x02\xff\xfe" * 400)
    reading = read_corpus(tmp_path)
    (document,) = reading.documents
    assert document.title == "Meeting notes"
    assert _indexed(document.text)[-1] == "We met on Monday."
    assert reading.skipped == ["broken.tex: binary content (NUL bytes), not text"]


def test_sectioning_lines_are_headings_of_their_braces_words() -> None:
    assert headings(DRAFT, latex=True) == [
        "Soil Moisture in Upland Meadows",
        "Introduction",
        "Study sites",
    ]
    assert headings(DRAFT.replace("\n", "\r\n"), latex=True)[1:] == ["Introduction", "Study sites"]
    assert latex_heading("\\chapter[Short]{A Long Title} % note") == "A Long Title"
    assert latex_heading("\\paragraph*{Data}") == "Data"
    assert latex_heading("\\section{A} and more words") is None
    assert latex_heading("Section 2") is None


def test_item_lines_are_list_items() -> None:
    kinds = [
        (block.kind, DRAFT[block.start : block.end]) for block in split_blocks(DRAFT, latex=True)
    ]
    assert ("list", f"{SENTENCES[4]}\n  {SENTENCES[5]}") in kinds, kinds


def test_preamble_environment_and_comment_text_is_no_sentence() -> None:
    """The quote keeps the verbatim characters (\\textbf, \\%, $…$); markup lines and comments
    are no sentence, and a comment after a sentence cuts it off the next line."""
    headings = ["\\title{Soil Moisture in Upland Meadows}", "\\section{Introduction}"]
    expected = [*headings, *SENTENCES[:2], "\\subsection*{Study sites}", *SENTENCES[2:]]
    assert _indexed(DRAFT) == expected
    assert _indexed(DRAFT.replace("\n", "\r\n")) == expected
    assert is_latex_markup_line("\\begin{figure}[h] % placed here")
    assert is_latex_markup_line("\\label{fig:map}\r\n")
    assert not is_latex_markup_line("\\textbf{Bold words.}")
    assert not is_latex_markup_line("\\begin{quote} Words after it.")
    assert latex_comment_spans("50\\% rise % note\nnext") == [(10, 16)]


def test_a_sentence_broken_by_a_comment_line_is_two_sentences() -> None:
    text = "The samples were dried\n% at 60 degrees?\nfor two days before weighing.\n"
    assert _indexed(text) == ["The samples were dried", "for two days before weighing."]


def _quoted(text: str, cuts: list[tuple[int, int]], index: int) -> str:
    doc = Document(doc_id="d", title="d", path="/d.tex", text=text, sha256="0", kind="tex")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    bank = SentenceBank({"d": doc}, [chunk], sentences, None, [frozenset() for _ in cuts])
    item = ScoredSentence(index, 1.0, 0.0, 0.0, 0.0, 1)
    spans = quote_spans([item], bank, [Hit(chunk=chunk, chunk_index=0, score=1.0)])
    return " | ".join(text[s.start : s.end] for s in spans)


def test_a_short_quote_runs_across_no_comment() -> None:
    text = "Site 4\n% moved in May\nDepth 30 cm\n"
    assert markup_between(text, 6, 22, latex=True)
    assert not markup_between(text, 6, 22)
    assert _quoted(text, [(0, 6), (22, 33)], 1) == "Depth 30 cm"
    assert _quoted(text, [(0, 6), (22, 33)], 0) == "Site 4"


def test_a_line_of_many_brace_pairs_is_read_in_one_pass() -> None:
    """A lazy argument inside nested repeats backtracked exponentially (s33 review): a
    note's `\\begin{align}` line of 26 fractions never finished reading."""
    fractions = " + ".join(f"\\frac{{a{n}}}{{b{n}}}" for n in range(26))
    assert not is_latex_markup_line(f"\\begin{{align}} f = {fractions}")
    assert not is_latex_markup_line(f"\\begin{{align}} f = {fractions} + c")
    assert is_latex_markup_line("\\newcommand{\\R}{\\mathbb{R}}")
    assert is_latex_markup_line("\\documentclass[a4paper]{article}")


def test_an_argument_ends_at_its_own_brace_so_prose_after_it_is_text() -> None:
    """One argument ran from the first "{" to the line's last "}" across prose (s33 review)."""
    for line in (
        "\\vspace{2mm}\\noindent Our results confirm the trend \\cite{smith}",
        "\\hspace{1cm}The total was \\textbf{42}",
        "\\input{chapter1} pulls in the methods, then \\input{chapter2}",
        "\\begin{quote}The whole quoted sentence here.\\end{quote}",
    ):
        assert not is_latex_markup_line(line), line
    assert is_latex_markup_line("\\input{chapter1}\\input{chapter2}")


NOTE = (
    "Editor tips for the report.\n"
    "\n"
    "\\section{Intro}\n"
    "Type a heading this way, then press Enter.\n"
    "\n"
    "\\item\n"
    "\\end\n"
    "\\usepackage{siunitx}\n"
)


def test_latex_line_rules_read_tex_documents_only() -> None:
    """A note or a text file writing LaTeX commands is cut as before LaTeX was read (s33
    review): its sectioning line is no heading, its `\\item` no list item and its lines of
    commands are sentences; the same lines in a .tex document are markup."""
    assert headings(NOTE) == []
    assert headings(NOTE, latex=True) == ["Intro"]
    assert "list" not in {block.kind for block in split_blocks(NOTE)}
    assert "list" in {block.kind for block in split_blocks(NOTE, latex=True)}
    for kind in ("md", "txt"):
        assert _indexed(NOTE, kind)[-2:] == ["\\end", "\\usepackage{siunitx}"], kind
    assert "\\end" not in _indexed(NOTE)


def test_a_percent_in_a_url_verb_or_verbatim_is_text_and_one_after_a_line_break_a_comment() -> None:
    """Only a "%" opening a comment cuts its line's rest out of the sentences (s34): not one of
    a `\\url{…}`, a `\\verb|…|` or a verbatim environment; "\\\\%" is a line break then one."""
    url = "The data is at \\url{https://example.org/a%20b} and mirrored weekly.\n"
    assert _indexed(url) == [url.rstrip("\n")]
    verb = "Type \\verb|50%| in the box to set the threshold.\n"
    assert _indexed(verb) == [verb.rstrip("\n")]
    verbatim = "\\begin{verbatim}\nrate = 5% per year\n\\end{verbatim}\nAfter it % a note\n"
    assert latex_comment_spans(verbatim) == [(verbatim.index("% a"), len(verbatim) - 1)]
    assert latex_comment_spans("line one\\\\% gone\nnext") == [(10, 16)]
    assert latex_comment_spans("50\\% rise") == []


def test_a_tex_file_without_a_title_is_titled_by_its_first_heading_not_its_preamble(
    tmp_path: Path,
) -> None:
    untitled = DRAFT.replace("\\title{Soil Moisture in Upland Meadows}\n", "\\author{A. Ross}\n")
    (tmp_path / "draft.tex").write_text("% draft 2\n" + untitled, encoding="utf-8")
    (tmp_path / "note.txt").write_text("\\documentclass{article}\nWords.\n", encoding="utf-8")
    documents = {d.path.rsplit("/", 1)[-1]: d for d in read_corpus(tmp_path).documents}
    assert documents["draft.tex"].title == "Introduction"
    assert documents["note.txt"].title == "\\documentclass{article}"


def test_a_sentence_of_a_tex_document_stands_under_its_numbered_section() -> None:
    text = "\\section{2 Results}\nThe yield rose by 4 percent in the drained plots.\n"
    document = Document(doc_id="d", title="t", path="/d.tex", text=text, sha256="0", kind="tex")
    assert document.latex and not document.model_copy(update={"kind": "md"}).latex
    (chunk,) = chunk_document(document)
    start = text.index("The yield")
    sentence = text[start:].rstrip("\n")
    assert stands_under(document, chunk, start, sentence, "2")
    assert not stands_under(document, chunk, start, sentence, "3")


def test_a_tex_heading_asking_a_question_is_offered_as_an_example() -> None:
    text = "\\section{Why drain upland meadows?}\nDrainage lowers the water table.\n"
    example = term_example(DocumentText("en", text, "Meadows", latex=True), {}, 10)
    assert example is not None and example.example.question == "Why drain upland meadows?"


def test_command_names_are_no_words_of_a_tex_document_but_of_a_note(tmp_path: Path) -> None:
    """A build indexes a LaTeX source's words, not its commands' names (s34): "textbf" and
    "cite" are no BM25 term and no corpus word of the draft; a Markdown note writing them
    keeps them, as before."""
    tex = Document(doc_id="d", title="t", path="/d.tex", text=DRAFT, sha256="0", kind="tex")
    note = tex.model_copy(update={"doc_id": "n", "path": "/n.md", "kind": "md"})
    for document, held in ((tex, False), (note, True)):
        folder = tmp_path / document.doc_id
        folder.mkdir()
        tally = chunk_pass([document], set(), None, Settings(), lambda *_: None, folder)
        for name in ("textbf", "cite"):
            assert (name in tally.terms.vocab) is held, (document.kind, name)
            assert (name in tally.corpus_words) is held, (document.kind, name)
            assert (name in tally.frequency.counts) is held, (document.kind, name)
        assert "drainag" in tally.terms.vocab and "ditches" in tally.corpus_words
    assert without_command_names("by \\textbf{30 cm}") == "by        {30 cm}"
    assert without_command_names("RMSE \\\\Baseline") == "RMSE \\\\Baseline"


def test_a_verbatim_environment_never_closed_runs_to_the_end_of_the_file() -> None:
    """LaTeX reads an unclosed verbatim (or one closed by the other star form) to the file's
    end, so no "%" after its opening is a comment; the match ends there in one scan (s34
    review: a lazy scan to a missing `\\end` per opening was quadratic,
    benchmarks/latex_comment_spans.py)."""
    unclosed = "Before % a note\n\\begin{verbatim}\nrate = 5% a year\nmore % text\n"
    assert latex_comment_spans(unclosed) == [(7, 15)]
    mismatched = "\\begin{verbatim*}\na % b\n\\end{verbatim}\nc % d\n"
    assert latex_comment_spans(mismatched) == []
    assert latex_comment_spans("\\begin{verbatim} x %\n" * 3) == []


def test_a_percent_between_path_or_url_marks_is_text_and_an_unclosed_verb_one_character() -> None:
    """`\\path|…|` and `\\url|…|` hold their "%" as `\\verb|…|` does (s34 review: "\\path|a%b|"
    gave a comment); a `\\verb` whose mark never closes on its line is no verbatim, so a "%"
    after it opens a comment and a later `\\verb` on the line still holds its own (the scan for
    a mark is bounded: benchmarks/latex_comment_spans.py)."""
    assert latex_comment_spans("\\path|a%b| tail") == []
    assert latex_comment_spans("see \\url+x%y+ then") == []
    braces = "\\url{a%b} and \\path{c%d} % end"
    assert latex_comment_spans(braces) == [(braces.index("% end"), len(braces))]
    line = "\\verb|x and \\verb+a%b+ then % c"
    assert latex_comment_spans(line) == [(line.index("% c"), len(line))]


def test_a_title_over_lines_is_read_whole_and_raw_latex_titles_nothing() -> None:
    """A `\\title{…}` or a command's argument running over lines is read to its closing brace
    (s34 review: "\\title{Measuring the speed" and "\\author{A" were titles); a line still
    opening with a command titles nothing, but a styled line alone gives its words."""
    assert latex_title("\\title{Measuring the speed\n  of sound}\n\\begin{document}\n") == (
        "Measuring the speed of sound"
    )
    assert latex_title("\\title[Short]{Tidal power}  % v2\n") == "Tidal power"
    assert latex_title("\\title{Never closed\nWords.\n") is None
    authors = "\\author{A. Martin \\and\n  B. Durand}\n\\date{May}\nThe pump was primed.\n"
    assert derived_title(authors, "r.tex", latex=True) == "The pump was primed."
    section = "\\section{Results of the\n  second trial}\nWords here.\n"
    assert derived_title(section, "r.tex", latex=True) == "Results of the second trial"
    for styled in ("{\\Large Rapport de stage}", "\\textbf{\\LARGE Compte rendu}"):
        title = styled.split(" ", 1)[1].rstrip("}")
        assert derived_title(f"{styled}\nWords here.\n", "r.tex", latex=True) == title, styled
    prose = "\\emph{Soil} moisture matters.\nThe water table fell.\n"
    assert derived_title(prose, "r.tex", latex=True) == "The water table fell."
    assert derived_title("{\\Large x\n", "r.txt") == "{\\Large x"
