"""field_lines: a whole "Label : value" line of a short value is a field; a question names it
by the label's words, stemmed in either language or through a group of field_labels.json."""

from __future__ import annotations

from citeqa import field_lines
from citeqa.field_lines import field_label, label_match, writes_stems

INVOICE = (
    "FACTURE N° FB-2031-07\n"
    "Date : 03/02/2031\n"
    "Client : SCI Les Glycines\n"
    "Total HT : 1 200,00 €\n"
    "TVA 20 % : 240,00 €\n"
    "Total TTC : 1 440,00 €\n"
    "Retard : une indemnité de 40 € est due. Aucun escompte n'est accordé.\n"
    "Client :\n"
)


def label(line: str) -> str | None:
    start = INVOICE.index(line)
    return field_label(INVOICE, start, start + len(line))


def test_a_whole_label_value_line_is_a_field_of_that_label() -> None:
    assert label("Total TTC : 1 440,00 €") == "Total TTC"
    assert label("TVA 20 % : 240,00 €") == "TVA 20 %"
    assert label("Client : SCI Les Glycines") == "Client"
    text = "Amount due: £3,520.00"
    assert field_label(text, 0, len(text)) == "Amount due"


def test_no_field_for_prose_an_empty_value_or_part_of_a_line() -> None:
    assert label("Retard : une indemnité de 40 € est due. Aucun escompte n'est accordé.") is None
    end = INVOICE.rindex("Client :")
    assert field_label(INVOICE, end, end + len("Client :")) is None
    start = INVOICE.index("TTC : 1 440")
    assert field_label(INVOICE, start, start + len("TTC : 1 440,00 €")) is None
    assert field_label("FACTURE N° FB-2031-07", 0, 21) is None


def test_the_question_words_choose_among_labels_sharing_a_word() -> None:
    asked = "Quel est le montant TTC de la facture FB-2031-07 ?"
    assert label_match("Total TTC", asked) > label_match("Total HT", asked) > (0, 0.0)
    assert label_match("TVA 20 %", "What VAT was charged?") == (1, 1.0)
    assert label_match("Date", "Date de la facture ?") == (1, 1.0)
    assert label_match("Client", "Who is the customer?") == (1, 1.0)
    assert label_match("Date", "Who is the customer?") == (0, 0.0)


def test_a_label_named_by_less_than_half_its_words_or_by_the_document_s_name_is_not() -> None:
    assert label_match("Tournoi de Noël U11-U13", "Quel jour ont lieu les entraînements U13 ?") == (
        0,
        0.0,
    )
    assert label_match("Invoice date", "How much was the invoice?", frozenset({"invoice"})) == (
        0,
        0.0,
    )


def test_a_question_word_the_value_writes_tells_the_record_not_the_field() -> None:
    asked = "What is the DOI of the Journal of Microscopy paper?"
    assert label_match("journal", asked, value="Journal of Microscopy") == (0, 0.0)
    assert label_match("doi", asked, value="10.1111/jmi.13390") == (1, 1.0)
    assert label_match("Vol", "la franchise en cas de vol ?", value="franchise de 1 000 €") == (
        1,
        1.0,
    )


def test_a_line_is_split_at_its_first_colon_and_a_padded_line_is_no_field() -> None:
    padded = "Intro" + " " * 2000 + "x"
    assert field_label(padded, 0, len(padded)) is None
    line = "Total   :   1 440,00 €  "
    assert field_label(line, 0, len(line)) == "Total"
    for bare in ("Total :   ", "12 : x", ": x"):
        assert field_label(bare, 0, len(bare)) is None


def test_a_question_naming_no_record_names_a_short_label_only_whole() -> None:
    asked = "What was the delay of the kiln repair due to?"
    assert label_match("Due date", asked) == (1, 0.5)
    assert label_match("Due date", asked, whole_short=True) == (0, 0.0)
    assert label_match("Due date", "What is the due date?", whole_short=True) == (2, 1.0)
    assert label_match("TVA 20 %", "Quel taux de TVA ?", whole_short=True) == (1, 1.0)


def test_a_time_a_ratio_or_an_address_is_no_label_s_colon() -> None:
    for line in ("Meeting at 10:30", "Ratio 3:1 by volume", "See https://example.org/form"):
        assert field_label(line, 0, len(line)) is None
    assert field_label("Start: 10:30", 0, len("Start: 10:30")) == "Start"


def test_the_stems_kept_are_of_a_bounded_number_of_short_texts() -> None:
    kept = field_lines._short_stems
    kept.cache_clear()
    assert field_lines.text_stems("Total TTC") == field_lines._read_stems("Total TTC")
    assert writes_stems("une facture " * 500, field_lines.text_stems("facture"))
    assert kept.cache_info().currsize == 2  # "Total TTC", "facture": the long text is not kept
    for number in range(field_lines.STEMS_KEPT + 10):
        field_lines.text_stems(f"ligne {number}")
    assert kept.cache_info().currsize == field_lines.STEMS_KEPT


def test_a_short_stem_names_a_label_only_when_the_question_writes_its_word_whole() -> None:
    # s37 review: "tell" (stem "tel") named a "Tel:" or a "Phone:" line
    assert label_match("Tel", "Can you tell me the role of Helen Price?", value="555-0142") == (
        0,
        0.0,
    )
    assert label_match("Phone", "Can you tell me Helen Price's role?", value="555-0142") == (
        0,
        0.0,
    )
    assert label_match("Tél.", "Donnez la fonction telle quelle", value="09 99 99 99 99") == (
        0,
        0.0,
    )
    assert label_match("Tél.", "Quel est le tél. de Paul ?", value="09 99 99 99 99")[0] == 1
    assert label_match("Tax", "Which taxes apply?", value="20 %")[0] == 1


def test_a_label_named_through_a_value_kind_s_group_needs_a_value_of_that_kind() -> None:
    # s37 review: "Ordinateur portable : Dell" and "Cell line: HEK293" are no phone lines
    question = "Quel est le téléphone de Julien Petit ?"
    assert label_match("Ordinateur portable", question, value="Lenovo ThinkPad T14") == (0, 0.0)
    assert label_match("Portable", question, value="06 12 34 56 78") == (1, 1.0)
    assert label_match("Cell line", "What is Dr. Nowak's phone?", value="HEK293") == (0, 0.0)
    assert label_match("Cell", "What is Peter Hall's phone?", value="555-0199") == (1, 1.0)
    assert label_match("E-mail", "What is Tom's courriel?", value="not given")[0] == 0
    assert label_match("E-mail", "What is Tom's courriel?", value="tom@example.com")[0] == 1


def test_a_word_naming_the_document_names_no_label_of_its_stem() -> None:
    """s57 trial: "insurance" of "When does the insurance cover end?" names "insurance.txt",
    not its "Insurer: Hiscox" line (both stem "insur"); "cover" still names "Period of cover"."""
    question = "When does the insurance cover end?"
    naming = frozenset({"insurance"})
    assert label_match("Insurer", question, naming) == (0, 0.0)
    assert label_match("Insurer", question) == (1, 1.0)  # a document going by another name
    assert label_match("Period of cover", question, naming)[0] == 1
