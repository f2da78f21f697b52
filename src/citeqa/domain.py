"""Term knowledge read from data files, never written in engine code: what a language or a corpus
says about its words.

Two sources share one format (`Domain`):

- language data, shipped with citeqa (`citeqa/data/language.json`): English ↔ French equivalents
  of everyday words ("week" / "semaine"), cue words of questions that ask for a quantity or a
  share ("how many", "combien"), words that mark a definition;
- a corpus's domain file, named by the corpus's `manifest.json` (`"domain": "domain.json"`, a
  path inside the corpus folder): its own terms in groups of equivalents, the endings of names
  it uses (drug stems such as "-mab"), patterns of lines that are labels and not values (slide
  titles), cue words of the kinds of values its questions ask for.

`read_corpus_manifest` reads the corpus's manifest.json for every reader of it (titles, the
domain file's name, examples, digests), bounded, once per build or status check (an index's own
manifest.json is store.read_manifest's).
`corpus_domain` reads a corpus's file (a bad one is ignored with a warning, as a bad manifest is; a
field only the language data's are read for, such as `answer_types`, is named in a warning and
ignored, unchecked: a bad pattern there does not cost the rest of the file); the build stores what
it read in the index, so answering never needs the corpus folder. `merged` combines the language
data, the corpus's file and the pairs derived at build (derived_terms.py) into the knowledge
answering uses."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from citeqa.jsonfiles import language_json, parse_json, read_regular
from citeqa.paths import inside, unusable_path
from citeqa.visible import cut

DOMAIN_KEY = "domain"
"""The key of a corpus's manifest.json that names its domain file."""
DOMAIN_MAX_BYTES = 2_000_000
"""A larger domain file is refused (it is a word list, not a corpus)."""
MANIFEST = "manifest.json"
"""The corpus's own description at its root: titles of its files, and the name of its domain
file; neither is a document (a manifest.json holding none of MANIFEST_KEYS is one)."""
MANIFEST_KEYS = frozenset({"documents", DOMAIN_KEY, "examples"})
"""The keys of citeqa's manifest.json; a root manifest.json holding none of them, or no JSON
object at all (a list of records), is the user's own (a Chrome extension's, a web app's), read
as a document of the corpus."""
MANIFEST_MAX_BYTES = 64_000_000
"""A larger corpus manifest.json is ignored (titles of a few hundred thousand documents fit)."""
KNOWLEDGE_FORMAT = 4
"""The version of the term knowledge a build stores (statistics.json: `knowledge`, `domain`,
`term_pairs`; 2: and `compounds`, compounds.py; 3: and `acronyms`, acronyms.py; 4: its
`boilerplate` counts a copy's lines once, boilerplate.LineCounts); an index without it is
brought up to date by the next build, without re-embedding."""


class NumberedForms(BaseModel):
    """A word followed by a number written several ways: "week 52", "W52", "S52"."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    words: tuple[str, ...]
    """Folded words that may precede the number ("week", "semaine", "w")."""
    forms: tuple[str, ...]
    """The equivalent forms, "{n}" standing for the number ("s{n}", "week {n}")."""


CORPUS_PATTERNS = (
    "label_patterns",
    "definition_cues",
    "definition_question_cues",
    "quantity_cues",
    "share_cues",
)
"""Fields that list regular expressions, read from a corpus's file as from the language data."""
LANGUAGE_PATTERNS = (
    "yes_no_questions",
    "summary_labels",
    "follow_up_openers",
    "follow_up_cues",
    "open_keys",
    "back_reference_openers",
    "value_back_references",
    "code_announcers",
    "page_labels",
    "count_cues",
    "rank_cues",
)
"""Fields that list regular expressions, read from the language data only."""


class Domain(BaseModel):
    """One file of term knowledge (language data or a corpus's domain file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal[1] = 1
    description: str = ""
    groups: tuple[tuple[str, ...], ...] = ()
    """Terms that mean the same thing (or nearly), in any language; matched folded, as words."""
    numbered: tuple[NumberedForms, ...] = ()
    acronyms: tuple[tuple[str, str], ...] = ()
    """Acronyms and the words they stand for (("NDA", "non-disclosure agreement")): a question
    that writes the acronym in capitals is read with the words too (glossary.py); derived
    from the corpus at build (acronyms.py)."""
    name_endings: tuple[str, ...] = ()
    """Endings that make a word a name ("mab": rituximab), so an unknown one counts as a name
    the corpus does not know."""
    label_patterns: tuple[str, ...] = ()
    """Regular expressions of lines that are labels, not answers ("Title (2)" on slides)."""
    definition_cues: tuple[str, ...] = ()
    """Regular expressions (folded text) of sentences that define rather than report ("«
    Client » désigne…" opening a sentence, "is defined as"); read on questions too ("the
    definition of…")."""
    definition_question_cues: tuple[str, ...] = ()
    """Regular expressions (folded text) of questions, only, that ask what something means
    ("que désigne…", "what does … mean"): read on a sentence they would take 'Clicking "Save"
    means…' or "What does this mean for you?" for a definition."""
    quantity_cues: tuple[str, ...] = ()
    """Regular expressions (folded text) of questions that ask for a number."""
    share_cues: tuple[str, ...] = ()
    """Regular expressions (folded text) of questions that ask for a percentage."""
    answer_types: dict[str, str] = Field(default_factory=dict)
    """Per kind of value (number, share, date, person, place), a regular expression of the
    folded question that asks for it. This and the fields below it are read from citeqa's
    language data only (answer_features.py, abstention.py), never merged with a corpus's."""
    answer_values: dict[str, str] = Field(default_factory=dict)
    """Per kind, a regular expression of folded sentence text that holds such a value."""
    yes_no_questions: tuple[str, ...] = ()
    """Regular expressions (folded text) of closed, yes/no questions."""
    summary_labels: tuple[str, ...] = ()
    """Regular expressions (folded text) of labels of a section that states the finding."""
    interrogatives: tuple[str, ...] = ()
    """Question words: a question made of nothing else has nothing to search for."""
    courtesy: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded greetings, thanks and bare acknowledgements ("hello", "thank you",
    "merci beaucoup", "ok", "d accord"): a question made of nothing else greets, thanks or
    acknowledges, and has nothing to search for."""
    stopwords: tuple[str, ...] = ()
    """English and French function words (folded) dropped from every text's BM25 terms."""
    accented_stopwords: tuple[str, ...] = ()
    """The stopwords written with their accents ("été", "où"): a word written with an accent
    is a stopword only when it is one of these (lexical.py)."""
    function_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, the other function words (folded, BM25 keeps them): never a term the
    chat's welcome examples ask about (overview.py)."""
    frame_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded words that speak of the documents, not of their subject ("paper",
    "says", "selon"): one the corpus never uses is not a term of the question (questions.py)."""
    contents_asks: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded words that ask what a document holds ("what", "contient"): with
    the frame words, all a question naming a document by its title may add to it
    (titleonly.names_only_the_title)."""
    anaphors: tuple[str, ...] = ()
    """Folded words that point back at something named before ("their", "ces"): a short
    question holding one leans on the previous question (followups.is_follow_up)."""
    object_pronouns: tuple[str, ...] = ()
    """Folded French object pronouns that point back when they stand before their verb ("la"
    of "Et qui la dirige ?", the elided "l" of "Qui l'a signé ?"): only right after an
    `object_pronoun_hosts` word, where a determiner cannot stand (followups._object_pronoun)."""
    object_pronoun_hosts: tuple[str, ...] = ()
    """Folded words after which "le", "la", "les", "l'" are object pronouns, no determiners: a
    subject ("qui", "je", "on") or the negation ("ne")."""
    inverted_subjects: tuple[str, ...] = ()
    """Folded subject pronouns that follow their verb in a question ("ont-elles", "a-t-il"):
    after a noun phrase of the question's own, no anaphor (followups.is_follow_up)."""
    subject_determiners: tuple[str, ...] = ()
    """Folded determiners that open a noun phrase able to be a question's subject ("les
    cellules", "l'enzyme"): the noun phrase an inverted subject pronoun repeats."""
    possessives: tuple[str, ...] = ()
    """Folded possessives among the anaphors ("leurs"): after a noun phrase of the question's
    own, not right after a genitive, no anaphor (followups.is_follow_up)."""
    genitives: tuple[str, ...] = ()
    """Folded words of a noun's complement of possession ("de", "des")."""
    plural_determiners: tuple[str, ...] = ()
    """Folded determiners of a plural noun phrase ("les"): the only possessors of "leurs"."""
    count_cues: tuple[str, ...] = ()
    """Regular expressions (folded text) of questions asking to count or rank records, their
    group "noun" the records counted ("how many tickets", "quel pourcentage des commandes"):
    citeqa quotes, it does not count (counting.py)."""
    rank_cues: tuple[str, ...] = ()
    """Regular expressions (folded text) of questions asking to rank records by a count, their
    group "noun" the records ("which agent resolved the most tickets"): no count written in a
    passage answers them (counting.py)."""
    count_key_words: tuple[str, ...] = ()
    """Folded words that key a number as a label, not a count ("priority 1 tickets", "version
    2 tickets"): such a number writes no count (counting.py)."""
    count_limit_cues: tuple[str, ...] = ()
    """Folded phrases of a limit ("up to", "at most", "jusqu'à"): a number after one writes no
    count (counting.py)."""
    follow_up_openers: tuple[str, ...] = ()
    """Regular expressions (folded text) of questions that open by leaning on the previous one
    ("And…", "Et…", "What about…")."""
    back_reference_openers: tuple[str, ...] = ()
    """Regular expressions (folded text) of a sentence's opening that refers back to the
    sentence before ("It", "These", "Il est réduit", "Cette"): a quote opening so takes that
    sentence in (quote_context.py)."""
    value_back_references: tuple[str, ...] = ()
    """Regular expressions (folded text) of a sentence referring back to a value ("after this
    date", "après cette date"): a quote lacking the asked value takes in the sentence before
    when that one holds it (quote_context.py)."""
    code_announcers: tuple[str, ...] = ()
    """Regular expressions (folded text) of a sentence announcing the code block after it ("with
    the command below", "Run:"): a quote made of it takes that block in (quote_context.py)."""
    page_labels: tuple[str, ...] = ()
    """Regular expressions (folded text) of a line that is only a page's label ("Page 1/1",
    "- 4 -"): never quoted (titleonly.only_title)."""
    follow_up_cues: tuple[str, ...] = ()
    """Regular expressions (folded text) of other questions that lean on the previous one
    ("Were there any…", the French pronouns "en" and "y" before a verb)."""
    measure_words: tuple[str, ...] = ()
    """Folded words that ask for a measure of the subject at hand ("mean", "median",
    "moyenne"): never a new subject, however rare in the corpus (followups.is_follow_up)."""
    value_kind_words: tuple[str, ...] = ()
    """Folded words that name the kind of value asked of the subject at hand ("phone",
    "email", "adresse"), not a subject: a follow-up none of whose new words the documents use
    is refused early only when some is none of these (abstention.before_search)."""
    edit_stamp_words: tuple[str, ...] = ()
    """Folded words of a page's edit stamp ("edited", "modifié" folded): a line of a web page's
    footer holding one and a date is the page's text ("Last edited by Lena Hartmann on 7
    February 2025"), any other footer line is not (readers/html.py)."""
    navigation_cues: tuple[str, ...] = ()
    """Folded words or phrases naming a list of links to other pages ("related", "see also",
    "menu", "voir aussi"): a link list whose class or aria-label (or that of a block around
    it) holds one is navigation, left out of a page's text (readers/html.py). Two lists, as a
    class or aria-label is markup naming what the block is for, one word among others
    ("sidebar-menu"), while a heading is the page's own text, where such a word names
    anything ("Lunch menu"): a heading is read against `navigation_headings` instead."""
    navigation_headings: tuple[str, ...] = ()
    """Folded headings over a list of links to other pages ("Related articles", "See also",
    "Articles in this section", "Voir aussi"): a link list right under one is navigation, left
    out of a page's text. A heading is one whole, or opens with one of two words or more
    ("Related articles in Billing"); under any other heading the list is the page's ("Lunch
    menu", "Menu du midi", "Drugs related to warfarin": a word of `navigation_cues` in a
    heading names no navigation, s20 review; a one-word heading opens content headings too,
    "Contents of the kit")."""
    navigation_heading_links: tuple[str, ...] = ()
    """Folded words that may follow a navigation heading a heading opens with ("in" of
    "Related articles in Billing"): only then is the longer heading navigation, not "On this
    page you can pay online" (s21 review)."""
    chrome_phrases: tuple[str, ...] = ()
    """Folded phrases of a web page's chrome ("we use cookies", "was this article helpful",
    "in your inbox", "need more help", "abonnez-vous à notre newsletter" folded): a small block
    with buttons whose own text (outside its buttons and links) holds one and that states
    nothing (no closed `<p>` ending with a full stop, no button asking an FAQ's question) is a
    widget, left out of a page's text (readers/htmlchrome.py); any other block saying something
    beside a button is the page's ("Price: 25 EUR [Add to cart]", an FAQ item "How do I change
    my cookie preferences?" over its answer, "We need your consent before we process health
    data." in a `<p>`). No phrase a statement of the page may hold ("share on", "your consent":
    s21 review)."""
    site_credit_phrases: tuple[str, ...] = ()
    """Folded phrases of the line a site generator or theme signs a page with ("built with
    sphinx", "theme provided by read the docs", "made with material for mkdocs"): a page's
    `<footer>` holding one is the site's, left out even inside a `<section>` (the Read the Docs
    theme wraps its whole content column in one; readers/html.py)."""
    generated_index_classes: tuple[str, ...] = ()
    """Folded class words of a documentation generator's index blocks ("indextable",
    "genindex jumpbox" of Sphinx's general and module indexes): lists of links to the pages
    that say what an entry is, left out of a page's text (readers/html.py); quoted, an entry
    "detect_leaks() (in module hydrokit.flow)" answered what the function does (s22 trial)."""
    field_labels: tuple[str, ...] = ()
    """Folded labels of an API reference's field lists ("parameters", "returns", "raises",
    "paramètres"): a heading that is one stays inside the definition above it
    (signatures.py), so the lines under "#### Parameters" belong to the signature over it."""
    default_words: tuple[str, ...] = ()
    """Folded words saying a value is a default ("default", "defaults", "défaut"): a question
    holding one asks the value a definition gives when nothing is passed, and is answered by a
    signature or a sentence writing one of them before an example call (answering.py)."""
    consent_controls: tuple[str, ...] = ()
    """Folded texts of a cookie banner's buttons, whole ("accept all", "reject", "ok", "tout
    accepter", "continuer sans accepter"): a block whose every button is one is a banner, and
    its closed `<p>` holding a `chrome_phrases` phrase ("We use cookies to improve your
    experience.") is its message, no statement of the page (readers/htmlchrome.py); beside any
    other button ("Change language") such a sentence is the page's."""
    byline_words: tuple[str, ...] = ()
    """Folded words that open a byline ("by", "par"): after the date of an edit stamp, they
    and the editor's name ("by Lena Hartmann", "by the web team") are the stamp's
    (editstamps.py)."""
    byline_determiners: tuple[str, ...] = ()
    """Folded determiners opening an editor's name that is no person's ("the", "our", "l'" of
    "par l'équipe du site web"): with a word of `editor_nouns` after them, a byline
    (editstamps.py); "by decree of the council", "par arrêté du maire" are a clause's."""
    editor_nouns: tuple[str, ...] = ()
    """Folded nouns of who edits a page when no person is named ("team", "editors",
    "webmaster", "équipe", "rédaction"): after one of `byline_determiners`, a byline closing
    an edit stamp ("by the web team"; editstamps.py)."""
    slide_labels: tuple[str, ...] = ()
    """Folded words that label a deck's slide ("slide", "diapositive"): a first line that is
    one with its number alone ("Slide 1") is no title (titles.derived_title)."""
    title_labels: tuple[str, ...] = ()
    """Folded words that label a numbered part ("chapter", "section", "étape" folded): with its
    number alone ("Chapter 3."), a line's first sentence is no title (titles.derived_title)."""
    lead_in_words: tuple[str, ...] = ()
    """Folded function words that end the lead-in of a sentence, not a heading, before a final
    colon ("The default is:"): cutting data (blocks._no_lead_in), a change needs a
    chunking.CUTTING_VERSION bump."""
    manual_name_headings: tuple[str, ...] = ()
    """Folded headings opening a manual page over the line naming it ("name", "nom"): such a
    document's citations name its headings in capitals (citedsection.py)."""
    paper_headings: tuple[str, ...] = ()
    """Folded unnumbered headings of a paper ("abstract", "references", "resume"): such a line
    alone inside a paragraph names the quotes under it (blocks.label_headings, citedsection.py);
    citation labels only, no cutting."""
    paper_sections: tuple[str, ...] = ()
    """Folded first words of a paper's numbered sections ("introduction", "methods", "results",
    "resultats"): a PDF's line numbered so ("3. Results") over prose is its heading
    (readers/pdfnumbered.py)."""
    number_abbreviations: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded words that end with a period before a number without ending a
    sentence ("art. 12", "ext. 4470"; months' abbreviations do too): cutting data read as plain
    JSON (language._is_abbreviation), a change needs a chunking.CUTTING_VERSION bump."""
    sentence_abbreviations: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded words that end with a period without ending a sentence whatever
    follows ("et al.", "vs.", "p. ex.", a journal's "Appl. Ecol."): cutting data read as plain
    JSON (language._is_abbreviation), a change needs a chunking.CUTTING_VERSION bump."""
    initial_sentence_openers: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded words opening a sentence and never a name after an initial ("The",
    "Les"): after one, an initial's period ends a sentence ("hepatitis C. The…"): cutting data
    read as plain JSON (language._opens_a_sentence), a change needs a CUTTING_VERSION bump."""
    lead_in_closings: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded phrases opening a closing formula, a heading or a caption ("best
    regards", "introduction", "tableau"): a short line opening with one is no value closing a
    lead-in's sentence (language._value_line_after): cutting data."""
    caption_labels: tuple[str, ...] = ()
    """Folded words that open a numbered caption ("figure", "table", "encadre"): such a line is
    no heading inside a paragraph (blocks._heads_prose)."""
    key_cues: tuple[str, ...] = ()
    """Folded words that name what the number after them looks up ("code", "trip", "départ"
    folded): such a number counts as written only with its cue (questions.Vocabulary
    .writes_key)."""
    lettered_number_cues: tuple[str, ...] = ()
    """Folded words after which a number and one capital letter are one key ("Year 9 C",
    "Bus 12 A", "salle 12 B": questions.key_words)."""
    street_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded words naming a street in an address ("rue", "place" open its name in
    French, "street", "road" close it in English): a line opening with a number then an
    address ("12 rue des Lilas", "221 Baker Street") is no heading (street_addresses.py):
    cutting data, a change needs a chunking.CUTTING_VERSION bump."""
    street_name_openers: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per language, folded words that open a street's name in lower case after a street word
    ("des" of "rue des Lilas", "de" of "place de la Mairie"): "1 Place the device" and "2
    Passage to the next stage" open no address (street_addresses.py): cutting data."""
    lettered_number_ordinals: tuple[str, ...] = ()
    """Folded endings of an ordinal ("e", "eme", "re", "th"): an ordinal and one capital letter
    after it are one key ("la 4e B", "4eB": keyshapes.lettered_key)."""
    letter_key_cues: tuple[str, ...] = ()
    """Folded words that name what the one letter after them looks up ("tranche", "zone",
    "grade", "annexe"): "tranche E" looks up the row keyed `E` (questions.key_words)."""
    section_cues: tuple[str, ...] = ()
    """Folded words that name the numbered part of a document the number after them is
    ("article 5", "clause 4.3", "version 3.5.1", "§ 2"): a question naming one looks up the
    section whose heading holds that number (numbered_sections.py)."""
    number_marks: tuple[str, ...] = ()
    """Folded words or signs that mark the number written after them ("n°", "No.", "Nr",
    "#"): the word before the mark is the number's cue ("Decision No. 12", "délibération n°
    2025-16": questions.key_words, numbered_sections.py)."""
    part_names: tuple[str, ...] = ()
    """Folded words that name a part of a document an ordinal word next to them numbers
    ("Article premier", "Troisième partie", "Titre premier", "First Schedule"): such a line
    opens a heading numbered as "Article 1" is; next to another word ("First name: Jean") an
    ordinal numbers nothing (part_ordinals.py). Apart from `section_cues`: no ordinal numbers a
    "version" or a "ticket", and a question's "partie 3" or "titre 2" looks up no section."""
    page_cues: tuple[str, ...] = ()
    """Folded words that name a page before its number ("page 53", "p. 53"): the question asks
    what that page holds (places.py)."""
    place_cues: tuple[str, ...] = ()
    """The section cues that name a place of a document ("section", "§", "chapter", "annexe"),
    not a record or a release: a question naming such a part and nothing else is answered by
    its opening body sentence (places.py)."""
    place_verbs: tuple[str, ...] = ()
    """Folded words a question asking what a place holds may add without naming a topic
    ("covered", "trouve"): places.names_only_place."""
    step_cues: tuple[str, ...] = ()
    """The section cues that ask a step of an ordered list ("step 3", "l'étape 2"): only such a
    number is looked up in the best candidate's document alone (answering.looked_up), since a
    procedure's step 2 is never another document's row 2, while a version or an article may
    stand in another document than the best's (numbered_sections.asks_step)."""
    signing_openers: tuple[str, ...] = ()
    """Folded openings of the line that closes a signed document with where and when it was
    signed ("fait a", "signed at"): such a line answers only a question asking where or when
    it was signed (`signing_cues`; signing.py)."""
    signing_cues: tuple[str, ...] = ()
    """Folded signing verbs and nouns ("signed", "signe", "conclu"): a question writing one with
    a `signing_asks` word is answered from a signing line (signing.py)."""
    signing_asks: tuple[str, ...] = ()
    """Folded words asking where or when ("quand", "où", "when"): a `signing_cues` word asks
    about the signing line only with one of them ("Que fait l'article 3 ?" does not)."""
    relative_openers: tuple[str, ...] = ()
    """Folded words that open a relative clause ("auquel", "dont", "which"): a section number
    a question names after one, once it has named another, is no section it asks
    (numbered_sections.asked_numbers)."""
    unit_words: tuple[str, ...] = ()
    """Folded units and signs written after a quantity ("mg", "%", "€", "seconds"): a number a
    question measures so is no section number (numbered_sections.asked_numbers)."""
    member_nouns: tuple[str, ...] = ()
    """Folded nouns that name a member of a class or function next to its name ("the months
    argument", "le paramètre verbose"): a member a question asks of the owner it names
    (membership.py)."""
    member_qualifiers: tuple[str, ...] = ()
    """Folded words a member noun follows that qualify it, no name ("the first argument", "le
    dernier paramètre") (membership.py)."""
    owner_links: tuple[str, ...] = ()
    """Folded words that join a member to the owner named after it ("of", "de", "d'"; not
    "in", which says where) (membership.py)."""
    source_links: tuple[str, ...] = ()
    """Folded words and phrases that name the document a question reads before the section it
    asks ("Selon les CGV, que dit l'article 7 ?", "According to the lease, what does article 5
    say?") (document_names.py)."""
    owner_determiners: tuple[str, ...] = ()
    """Folded determiners between a link and the owner it names ("of a click.Option")
    (membership.py)."""
    sentence_joiners: tuple[str, ...] = ()
    """Folded words that open a sentence joining it to the one before ("and", "then", "et"):
    "etc.and" is prose, no dotted name (identifiers.is_identifier)."""
    key_shapes: dict[str, str] = Field(default_factory=dict)
    """Per kind of key a table row is looked up by (option, identifier, number, code), a
    regular expression of the folded key (unheld_keys.py)."""
    row_number_headers: tuple[str, ...] = ()
    """Folded headers of a table column that numbers its rows 1, 2, … n ("#", "n°"): such a
    column is no key column when a column of keys follows (tables.key_column)."""
    range_words: tuple[str, ...] = ()
    """Folded words that join the ends of a range of numbers in a table's cell ("64 to 78",
    "64 à 78" folded): a number inside the range is a key the row holds (unheld_keys.py)."""
    open_keys: tuple[str, ...] = ()
    """Regular expressions of a folded cell of a table's key column that stands for many
    numbers ("128+n", "4xx", "≥ 128", "100 and above"): such a table holds any number
    (unheld_keys.py)."""
    title_header_keys: tuple[str, ...] = ()
    """Folded keys of a header line that names its document ("Name: tqdm", "Title: …"): in a
    block of such lines opening a file, its title (titles.derived_title)."""
    months: dict[str, tuple[tuple[str, ...], ...]] = Field(default_factory=dict)
    """Per language, the folded names of the twelve months in order, each month's full name
    then its abbreviations (dates.py reads them, as plain JSON)."""
    month_words: tuple[str, ...] = ()
    """Folded month names that are also everyday words ("may"): after a day, a date only with
    its year (dates.py)."""
    notes: dict[str, str] = Field(default_factory=dict)
    """Free comments (a data file cannot hold comments otherwise)."""

    @field_validator(*CORPUS_PATTERNS, *LANGUAGE_PATTERNS)
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            _check_pattern(pattern)
        return patterns

    @field_validator("answer_types", "answer_values", "key_shapes")
    @classmethod
    def _values_compile(cls, patterns: dict[str, str]) -> dict[str, str]:
        for pattern in patterns.values():
            _check_pattern(pattern)
        return patterns

    def merged(self, *others: Domain) -> Domain:
        """This knowledge and the others', the fields answering reads from it (MERGED)
        concatenated; every other field is this one's (the first file's description)."""
        fields = {
            name: tuple(item for domain in (self, *others) for item in getattr(domain, name))
            for name in MERGED
        }
        return self.model_copy(update=fields)


MERGED = ("groups", "numbered", "acronyms", "name_endings", *CORPUS_PATTERNS)
"""The fields of a corpus's knowledge that answering reads (glossary.py, questions.py,
sentences.py): merged with the language data's. The others are read from the language data."""
UNMERGED_ALLOWED = frozenset({"format", "description", "notes"})
"""The fields outside MERGED a corpus's file may set without a warning (nothing reads them)."""
EMPTY = Domain()


def _check_pattern(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{pattern!r} is not a regular expression: {error}") from None


def any_of(patterns: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern matching where any of `patterns` (a language data list of regular
    expressions) does, each grouped; a pattern matching nothing for none."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", flags)


@cache
def language_data() -> Domain:
    """The language data shipped with citeqa (English and French)."""
    return Domain.model_validate_json(language_json())


class CorpusManifest(NamedTuple):
    """The corpus's manifest.json, read once: what it says and the digest of those bytes."""

    data: dict[str, Any]
    """Its JSON object; {} when there is none or it is ignored."""
    warnings: list[str]
    """One warning when it is there but ignored."""
    sha256: str | None
    """Of the bytes `data` was parsed from; None without a manifest.json (or one that is no
    regular file, or too large: nothing was read), UNREADABLE when it could not be read."""
    domain: Path | None = None
    """The domain file `data` names (`domain_path`), resolved once for the walk, the digest and
    the reading of it (each resolution follows the links of two paths)."""
    is_document: bool = False
    """Whether the manifest.json is no manifest of citeqa's but a JSON object holding none of
    MANIFEST_KEYS (a Chrome extension's) or no object (a list): a document of the corpus, read
    by the walk, not as a manifest (`data` is then {} and `sha256` None)."""


OUTSIDE = "it leads outside the corpus folder, which citeqa reads nothing from"
"""Why a manifest.json or domain file leading out of the corpus (a link, "..") is not read."""

UNREADABLE = "unreadable"
"""The digest of a file that is there but could not be read."""


def read_corpus_manifest(corpus_dir: Path) -> CorpusManifest:
    """The corpus's manifest.json, read once (parsed and hashed from the same bytes), and one
    warning when it is there but ignored: a link leading out of the corpus, not a regular
    file, over MANIFEST_MAX_BYTES, unreadable or damaged. One that is no JSON object (a list of
    records, a value: s21 review, a list was ignored as "unreadable") or an object holding none
    of MANIFEST_KEYS is the user's own, a document (`is_document`). Every reader of the
    manifest (titles, domain file, examples, digests) goes through here."""
    if not inside(corpus_dir / MANIFEST, corpus_dir):
        return CorpusManifest({}, [f"{MANIFEST} was ignored: {OUTSIDE}"], None)
    digest = None
    try:
        raw = read_regular(corpus_dir / MANIFEST, MANIFEST_MAX_BYTES)
        digest = hashlib.sha256(raw).hexdigest()
        data = parse_json(raw)
    except FileNotFoundError:
        return CorpusManifest({}, [], None)
    except (OSError, ValueError) as error:
        if digest is None and isinstance(error, OSError):
            digest = UNREADABLE
        return CorpusManifest({}, [f"{MANIFEST} is unreadable and was ignored ({error})"], digest)
    if not isinstance(data, dict) or (data and not MANIFEST_KEYS & data.keys()):
        return CorpusManifest({}, [], None, is_document=True)  # a list, a value: the user's
    return CorpusManifest(data, [], digest, domain_path(corpus_dir, data))


def domain_path(corpus_dir: Path, manifest: dict[str, Any] | None = None) -> Path | None:
    """The domain file the corpus's manifest.json (`manifest`, read when not given) names, or
    None (no manifest, no key, not a string, a name no system call takes (`unusable_path`: a
    NUL character), or a name leading outside the corpus: absolute, through "..", or through a
    symbolic link, which the corpus's documents are not read through either). A reader of the
    manifest has it as `CorpusManifest.domain`."""
    if manifest is None:
        return read_corpus_manifest(corpus_dir).domain
    name = named_domain(manifest)
    if name is None:
        return None
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts:
        return None
    path = corpus_dir.joinpath(*relative.parts)
    if unusable_path(path) is not None:  # a NUL: resolving it would raise ValueError
        return None
    return path if inside(path, corpus_dir) else None


def named_domain(manifest: dict[str, Any]) -> str | None:
    """The domain file's name as the corpus's manifest writes it, or None (none, not text)."""
    name = manifest.get(DOMAIN_KEY)
    return name if isinstance(name, str) and name.strip() else None


class DomainFile(NamedTuple):
    """The corpus's domain file, read once: its knowledge, warnings and the digest of its bytes."""

    domain: Domain | None
    """None without one, or when it was ignored."""
    warnings: list[str]
    sha256: str | None
    """Of the bytes `domain` was read from (also when they were ignored as bad); None without a
    domain file or when it could not be read."""


def corpus_domain(corpus_dir: Path, manifest: CorpusManifest) -> DomainFile:
    """The corpus's domain file (named by its `manifest`, as read_corpus_manifest read it),
    read once, checked and hashed, and a warning when it was ignored, or when it sets fields
    that only the language data's are read for (`unread_fields`: left out before the check, so
    a bad pattern there costs the file nothing)."""
    path = manifest.domain
    if path is None:
        named = named_domain(manifest.data)
        if named is None:
            return DomainFile(None, [], None)
        why = unusable_path(corpus_dir / named) or OUTSIDE
        ignored = f"{cut(named)} (the domain file manifest.json names) was ignored: {why}"
        return DomainFile(None, [ignored], None)
    name = path.relative_to(corpus_dir).as_posix()
    digest = None
    try:
        raw = read_regular(path, DOMAIN_MAX_BYTES)
        digest = hashlib.sha256(raw).hexdigest()
        fields = parse_json(raw)
        if not isinstance(fields, dict):
            raise ValueError("not a JSON object")
        unread = unread_fields(fields)
        domain = Domain.model_validate({k: v for k, v in fields.items() if k not in unread})
    except (OSError, ValueError, ValidationError) as error:
        reason = _short(error)
        ignored = f"{name} (the domain file manifest.json names) was ignored: {reason}"
        return DomainFile(None, [ignored], digest)
    if not unread:
        return DomainFile(domain, [], digest)
    return DomainFile(domain, [
        f"{name} sets {', '.join(unread)}, which citeqa reads from its language data only;"
        " ignored (a corpus's file may set " + ", ".join(MERGED) + ")"
    ], digest)  # fmt: skip


def unread_fields(fields: dict[str, Any]) -> list[str]:
    """The fields a corpus's domain file (its JSON object) sets to something that answering
    never reads from it (outside MERGED, description, format and notes), in the model's
    order."""
    return [
        name
        for name in Domain.model_fields
        if name not in MERGED and name not in UNMERGED_ALLOWED and fields.get(name)
    ]


def _short(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def stored_knowledge(statistics: dict[str, Any] | None) -> Domain:
    """The knowledge answering uses: the language data, then what the build stored (the
    corpus's domain file, the derived term pairs and acronyms); ValueError when the stored part
    is damaged. An index built before the knowledge was stored gets the language data alone."""
    stored = statistics or {}
    parts = [language_data()]
    if stored.get("domain") is not None:
        parts.append(Domain.model_validate(stored["domain"]))
    # more than a build stores (derived_terms pairs among TOP_TERMS words, acronyms.py keeps
    # MAX_ACRONYMS) is damage, refused before each is read; imported here, where an index is
    # read and both are loaded, not by every reader of a domain file (numpy, the stemmers)
    from citeqa.acronyms import MAX_ACRONYMS
    from citeqa.derived_terms import TOP_TERMS

    pairs = stored.get("term_pairs") or []
    if (
        not isinstance(pairs, list)
        or len(pairs) > TOP_TERMS
        or not all(_is_words(pair) for pair in pairs)
    ):
        raise ValueError("the stored term pairs are not lists of words, or too many")
    acronyms = stored.get("acronyms") or []
    if (
        not isinstance(acronyms, list)
        or len(acronyms) > MAX_ACRONYMS
        or not all(_is_words(pair) and len(pair) == 2 for pair in acronyms)
    ):
        raise ValueError(
            "the stored acronyms are not pairs of an acronym and its words, or too many"
        )
    parts.append(
        Domain(
            groups=tuple(tuple(pair) for pair in pairs),
            acronyms=tuple((acronym, words) for acronym, words in acronyms),
        )
    )
    return parts[0].merged(*parts[1:])


def _is_words(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(word, str) for word in value)


def domain_digest(manifest: CorpusManifest) -> str | None:
    """sha256 of the domain file the corpus's `manifest` (as read_corpus_manifest read it)
    names, or None without one (or unreadable)."""
    path = manifest.domain
    try:
        raw = read_regular(path, DOMAIN_MAX_BYTES) if path is not None else None
    except (OSError, ValueError):
        return None
    return hashlib.sha256(raw).hexdigest() if raw is not None else None
