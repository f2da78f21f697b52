"""textdecoding.py: one rule each for encodings, NUL bytes and binary content, wherever in a
file they apply (s20 hostile probe: a Latin-1 line turned a UTF-8 file into mojibake, a NUL in
the first 8 KB skipped a file whose later NUL was indexed)."""

from __future__ import annotations

import codecs
import io
import random
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from citeqa import textdecoding
from citeqa.corpus import read_corpus, read_document
from citeqa.readers import UnreadableDocument
from citeqa.textdecoding import (
    SNIFF_BYTES,
    _controls,
    _may_hold_controls,
    _undefined_in_cp1252,
    binary_signatures,
    decoded_text,
)

NOT_UTF8 = "not valid UTF-8; decoded as "
PROSE = "Le budget est de 5 000 € pour l’été.\n"
"""A line of French, its UTF-8 holding three-byte characters (€, ’)."""


def test_a_latin1_line_in_a_utf8_file_reads_as_typed_and_the_utf8_stays_whole() -> None:
    raw = (PROSE * 3).encode() + "Réunion à Genève.\n".encode("latin-1") + PROSE.encode()
    text, warnings = decoded_text(raw, "mixed.txt")
    assert text == PROSE * 3 + "Réunion à Genève.\n" + PROSE
    assert warnings == ["mixed.txt: 1 line not valid UTF-8 (the first: line 4); read as cp1252"]


def test_each_line_not_all_utf8_is_read_whole_as_cp1252_and_counted() -> None:
    """A line is written in one encoding: one that is not all UTF-8 is read whole as cp1252,
    even where some of its bytes happen to be UTF-8 ("É»" would read "ɻ")."""
    latin = "Prix : 5 € — très cher, CAFÉ»\n".encode("cp1252")
    raw = PROSE.encode() + latin + latin + PROSE.encode() + latin + (PROSE * 2).encode()
    text, warnings = decoded_text(raw, "m.txt")
    line = "Prix : 5 € — très cher, CAFÉ»\n"
    assert text == PROSE + line + line + PROSE + line + PROSE * 2
    assert warnings == ["m.txt: 3 lines not valid UTF-8 (the first: line 2); read as cp1252"]


def test_a_file_with_cr_line_ends_is_decoded_line_by_line() -> None:
    """A classic Mac OS file ends its lines with CR alone: it was one line, and one byte that
    is not UTF-8 read it whole as cp1252 ("Café" as "CafÃ©", s21 review)."""
    raw = "Café\rrésumé\r".encode() + "café\r".encode("cp1252") + "été\r".encode() * 3
    text, warnings = decoded_text(raw, "cr.txt")
    assert text == "Café\nrésumé\ncafé\n" + "été\n" * 3  # each CR read as LF (s48)
    assert warnings == ["cr.txt: 1 line not valid UTF-8 (the first: line 3); read as cp1252"]
    crlf = raw.replace(b"\r", b"\r\n")
    assert decoded_text(crlf, "crlf.txt")[0] == text.replace("\n", "\r\n")


@pytest.mark.parametrize("repeat", [1, 30])
def test_a_cp1252_file_whose_bytes_happen_to_be_utf8_in_places_reads_as_cp1252(
    repeat: int,
) -> None:
    """s21 review: "É…" and "É»" in cp1252 are valid UTF-8 ("Ʌ", "ɻ"); a file holding more
    bytes that are not UTF-8 than UTF-8 characters is cp1252 throughout, its line "Le CAFÉ»"
    that is all UTF-8 by chance included."""
    written = "RÉSUMÉ DE L’ÉTÉ… Le CAFÉ» est fermé.\nLe CAFÉ»\n" * repeat
    text, warnings = decoded_text(written.encode("cp1252"), "resume.txt")
    assert text == written
    assert warnings == ["resume.txt: not valid UTF-8; decoded as cp1252"]


def test_a_file_with_no_utf8_reads_as_cp1252_throughout() -> None:
    written = "Café – “quoted” l’été\nsecond ligne é\n"
    text, warnings = decoded_text(written.encode("cp1252"), "legacy.txt")
    assert text == written
    assert warnings == ["legacy.txt: not valid UTF-8; decoded as cp1252"]


def test_utf8_with_or_without_its_mark_reads_unchanged_without_warning() -> None:
    assert decoded_text(PROSE.encode(), "a.txt") == (PROSE, [])
    assert decoded_text(b"\xef\xbb\xbf" + PROSE.encode(), "a.txt") == (PROSE, [])
    assert decoded_text(PROSE.encode("utf-16"), "u16.txt") == (PROSE, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_is_read_as_utf16_not_skipped_as_binary(codec: str) -> None:
    """Windows "Unicode" text saved without its byte-order mark: every other byte NUL."""
    written = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Zoé>Réunion à 10 h, 5 €.\n"
    assert decoded_text(written.encode(codec), "u16.vtt") == (written, [])
    odd = written.encode(codec) + b"x"  # a stray last byte: read, replaced, with a warning
    assert decoded_text(odd, "odd.vtt") == (
        written + "\ufffd",
        ["odd.vtt: not valid UTF-16; its bad bytes read as U+FFFD"],
    )


@pytest.mark.parametrize("where", [10, SNIFF_BYTES // 2, SNIFF_BYTES + 100, 5 * SNIFF_BYTES])
def test_a_stray_nul_is_read_as_the_replacement_character_wherever_it_is(where: int) -> None:
    text = ("Some words of a note. " * 3000)[: 6 * SNIFF_BYTES]
    raw = text[:where].encode() + b"\x00" + text[where + 1 :].encode()
    decoded, warnings = decoded_text(raw, "note.txt")
    assert "\x00" not in decoded and len(decoded) == len(text)
    assert decoded == text[:where] + "\ufffd" + text[where + 1 :]
    assert warnings == [
        "note.txt: 1 NUL byte (the first on line 1) read as \ufffd, the replacement character"
    ]


@pytest.mark.parametrize("where", [0, SNIFF_BYTES - 10, 3 * SNIFF_BYTES, 10 * SNIFF_BYTES])
@pytest.mark.parametrize("blob", ["zeros", "random"])
def test_binary_content_is_refused_wherever_it_starts(where: int, blob: str) -> None:
    """A stretch of binary bytes (NUL-padded, or compressed-looking noise with few NULs)
    after any amount of text makes the file binary, as it did in the first 8 KB only."""
    rng = random.Random(where)
    noise = bytes(rng.randrange(256) for _ in range(SNIFF_BYTES))
    binary = b"\x00\x01\x02\x00" * (SNIFF_BYTES // 4) if blob == "zeros" else noise
    raw = ("Plain text line.\n" * (where // 17 + 1)).encode()[:where] + binary
    with pytest.raises(UnreadableDocument, match="binary content"):
        decoded_text(raw, "blob.txt")


def test_a_cp1252_text_full_of_curly_quotes_is_no_binary_content() -> None:
    """Bytes 0x80-0x9F that are not UTF-8 count against a stretch being text (random bytes
    would pass otherwise), yet a Windows text's quotes and dashes stay well under the limit."""
    line = "« l’homme » – “il a dit” … ’’’ — fin\n"
    text, _ = decoded_text((line * 500).encode("cp1252"), "quotes.txt")
    assert text == line * 500


def test_the_controls_counted_are_the_non_space_cc_characters_and_the_replacement() -> None:
    every = "".join(chr(point) for point in range(sys.maxunicode + 1))
    expected = [char for char in every if unicodedata.category(char) == "Cc" and not char.isspace()]
    assert _controls().findall(every) == [*expected, "\ufffd"]
    assert "\x00" in expected and "\t" not in expected
    undefined = [byte for byte in range(256) if not _decodes_in_cp1252(byte)]
    assert undefined == [0x81, 0x8D, 0x8F, 0x90, 0x9D]
    assert _undefined_in_cp1252().findall(every) == [chr(0xDC00 + byte) for byte in undefined]


def _decodes_in_cp1252(byte: int) -> bool:
    try:
        bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def test_the_byte_check_of_a_utf8_file_finds_every_control_the_class_counts() -> None:
    """`_may_hold_controls` (bytes, for speed) misses none of what `_controls` counts."""
    for point in [*range(0x300), 0x2028, 0xFEFF, 0xFFFD, 0xFFFF, 0x1F600]:
        char = chr(point)
        for text in (char, f"é {char} x", f"plain {char}"):
            counted = _controls().search(text) is not None
            assert _may_hold_controls(text.encode(), text) or not counted, hex(point)
    assert not _may_hold_controls("plain é ’ text\n\t".encode(), "plain é ’ text\n\t")


def test_a_corpus_reads_the_stray_nul_file_and_skips_the_late_binary_one(tmp_path: Path) -> None:
    text = "The pump restarts at noon. " * 800
    (tmp_path / "stray.txt").write_bytes(text.encode() + b"\x00 Then it stops.")
    (tmp_path / "late.csv").write_bytes(("a,b\n" + "1,2\n" * 4000).encode() + b"\x00" * 9000)
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["stray"]
    assert reading.documents[0].text == text + "\ufffd Then it stops."
    assert reading.skipped == ["late.csv: binary content (NUL bytes), not text"]
    document = read_document(tmp_path / "stray.txt", tmp_path, {})
    assert document.warnings == reading.warnings


def test_a_corpus_quotes_a_mixed_file_without_mojibake(tmp_path: Path) -> None:
    raw = "Réunion : le budget est de 5 000 €.\n".encode() + "Lieu : Genève\n".encode("latin-1")
    (tmp_path / "mixed.txt").write_bytes(raw)
    (document,) = read_corpus(tmp_path).documents
    assert document.text == "Réunion : le budget est de 5 000 €.\nLieu : Genève\n"
    assert "line 2" in document.warnings[0]


def test_a_stored_zip_renamed_txt_is_refused_by_its_signature(tmp_path: Path) -> None:
    """s21 review: a zip of text stored uncompressed holds too few NUL bytes to be binary; it
    was indexed as "PK␃␄…" with its NUL bytes read as U+FFFD."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("notes.txt", "The pump restarts at noon. " * 400)
    (tmp_path / "archive.txt").write_bytes(buffer.getvalue())
    (tmp_path / "notes.txt").write_text("PK 3 is where the pump restarts.\n")
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["notes"]
    assert reading.skipped == [
        "archive.txt: binary content (zip archive (also .docx, .xlsx, .odt, .epub, .jar)), not text"
    ]


@pytest.mark.parametrize("offset, signature, kind", binary_signatures())
def test_every_binary_signature_is_refused_and_holds_no_text_opening(
    offset: int, signature: bytes, kind: str
) -> None:
    """Each signature, before plain text that would be read otherwise, skips the file; each
    holds a control byte or one that starts no UTF-8 character, but the two ASCII ones."""
    raw = ("x" * 300)[:offset].encode() + signature + PROSE.encode() * 20
    with pytest.raises(UnreadableDocument, match=re.escape(f"binary content ({kind})")):
        decoded_text(raw, "renamed.txt")
    odd = [byte for byte in signature if byte < 0x20 or 0x7F <= byte < 0xC2 or byte >= 0xF5]
    assert odd or signature in (b"%PDF-", b"GIF87a", b"GIF89a"), signature


def test_text_opening_like_a_signature_but_short_of_it_is_read() -> None:
    for opening in ("PK was here.\n", "%PDF is a format.\n", "GIF8 images\n", "ustar\n"):
        assert decoded_text(opening.encode(), "a.txt") == (opening, [])


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (  # a UTF-8 file with a pasted cp1252 passage of many accents (s21 review)
            "Café menu — résumé\n".encode()
            + "L'été à Genève, des élèves très âgés…".encode("cp1252"),
            "Café menu — résumé\nL'été à Genève, des élèves très âgés…",
        ),
        (
            b"Refund policy \xe2\x80\x94 customers\n"
            + "Les remboursements sont accordés après évaluation.\n".encode("cp1252"),
            "Refund policy — customers\nLes remboursements sont accordés après évaluation.\n",
        ),
        (  # a cp1252 line whose bytes all happen to be UTF-8 ("É»" reads "ɻ")
            "CAFÉ»\n".encode("cp1252") + "naïve ça\n".encode("cp1252"),
            "CAFÉ»\nnaïve ça\n",
        ),
    ],
)
def test_each_line_keeps_its_own_encoding_unless_the_utf8_is_accidental(
    raw: bytes, text: str
) -> None:
    assert decoded_text(raw, "mixed.txt")[0] == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Совет директоров утвердил бюджет на 2025 год.\nПредседатель: Иван Петров.\n", "cp1251"),
        ("取締役会は二〇二五年度の予算を承認しました。\n議長：山田太郎。\n", "shift_jis"),
        ("董事会批准了年度预算。会议在北京举行。\n主席：王伟。\n", "gb2312"),
        ("董事會批准了年度預算。會議在北京舉行。\n主席：王偉。\n", "big5"),
    ],
)
def test_a_legacy_file_of_a_non_latin_script_reads_in_its_encoding(text: str, codec: str) -> None:
    """cp1251 read "Ñîâåò", GB2312 line by line as cp1252, and Shift-JIS was skipped as
    binary (s21 review): charset-normalizer's guess, kept for a non-Latin script."""
    decoded, warnings = decoded_text((text * 20).encode(codec), "f.txt")
    assert decoded == text * 20
    assert len(warnings) == 1 and warnings[0].startswith("f.txt: not valid UTF-8; decoded as ")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Совет директоров утвердил бюджет.\n" * 3000, "cp1251"),  # was mac_cyrillic: "—овет"
        ("Це українська мова. Їжак і ґанок. Євген.\n" * 3, "mac_cyrillic"),  # was cp1251
        ("Протокол заседания\nПрисутствовали: Анна, Борис.\nЯ согласен.\n" * 3, "koi8_r"),
        ("«Да», — сказал он. «Нет», — ответила она. «Почему?» " * 3, "cp1251"),  # mac_cyrillic
        ("Європейський союз надав допомогу. Ґудзик …" * 3, "cp1251"),  # kz1048 ties with it
    ],
)
def test_the_cyrillic_code_page_is_the_one_reading_best(text: str, codec: str) -> None:
    """Cyrillic code pages share most letters' bytes and charset-normalizer's measures tie:
    the one whose text reads as words in one case, no symbol against a letter, is taken
    (s23 hostile probe: a repetitive cp1251 file read every capital as a symbol); quotes and
    dashes against a word are no symbol (a cp1251 dialogue in «» read as mac_cyrillic)."""
    assert decoded_text(text.encode(codec), "f.txt") == (text, [f"f.txt: {NOT_UTF8}{codec}"])


EAST_ASIAN_TEXTS = (
    "会議は三月十日に東京本社で行います。\n出席者は田中さんと鈴木さんです。\n",
    "本公司的年度会议将于三月十日在北京举行。请各部门负责人准时参加。",
    "회의는 3월 10일 서울 본사에서 열립니다. 참석자는 김 부장과 이 과장입니다.\n",
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", EAST_ASIAN_TEXTS)
def test_east_asian_utf16_without_its_mark_is_read_as_written(codec: str, text: str) -> None:
    """s27 hostile probe: its units hold too few NUL bytes to be told UTF-16 (refused as
    binary, or read as mojibake)."""
    assert decoded_text(text.encode(codec), "u.txt") == (
        text,
        [f"u.txt: not valid UTF-8; decoded as {codec} (no byte-order mark)"],
    )


def test_east_asian_utf16_is_judged_by_its_first_bytes_then_read_whole() -> None:
    """The shares of East Asian and readable characters are counted in the file's first
    WIDE_SAMPLE_BYTES: counted over a 20 MB file they took 966 MB (s28 review A), and a long
    Japanese text followed by a longer Russian one was read as mojibake. Past that sample, the
    file must still decode strictly, with no control character."""
    japanese = EAST_ASIAN_TEXTS[0] * (textdecoding.WIDE_SAMPLE_BYTES // 50)
    russian = "Совещание начнётся в три часа дня в главном офисе.\n" * 2000
    text = japanese + russian
    assert len(russian) > len(japanese)
    assert decoded_text(text.encode("utf-16-le"), "u.txt") == (
        text,
        ["u.txt: not valid UTF-8; decoded as utf-16-le (no byte-order mark)"],
    )
    controlled = (japanese + "\x01" + russian).encode("utf-16-le")
    assert textdecoding._east_asian_utf16(controlled, "u.txt", []) is None


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp", "gbk", "big5", "euc_kr"])
def test_east_asian_legacy_text_is_not_taken_for_utf16(codec: str) -> None:
    """Shift-JIS's lead bytes read as UTF-16 ideographs (U+81xx-U+9Fxx): the legacy reading
    stays, and neither do cp1252 capitals read as Hangul and ideographs."""
    for text in EAST_ASIAN_TEXTS:
        try:
            raw = (text * 3).encode(codec)
        except UnicodeEncodeError:
            continue
        assert "utf-16" not in str(decoded_text(raw, "l.txt")[1])
    raw = ("ÉLÈVES;ÂGÉS;ÉTÉ " * 4).encode("cp1252")
    assert decoded_text(raw, "f.txt")[1] == ["f.txt: not valid UTF-8; decoded as cp1252"]


@pytest.mark.parametrize(
    "text",
    [
        "ÉTÉ À CÔTÉ DÉJÀ ÉLÈVE ÂGÉ\n",  # was guessed UTF-16 (CJK)
        "ÉLÈVES;ÂGÉS;ÉTÉ\n",  # UTF-16 too
        "ÀÉÈÊÔÛÇ ÉÉ\n",  # was guessed cp932 (half-width katakana)
        "Müller, Jürgen; Schröder, Björn\n",
    ],
)
def test_a_short_western_legacy_file_stays_cp1252(text: str) -> None:
    """A few accented capitals read as something in many scripts (s22 review): a short sample
    keeps cp1252 unless the guess names a language; a UTF-16 or UTF-32 guess is never taken."""
    assert decoded_text(text.encode("cp1252"), "f.txt") == (
        text,
        ["f.txt: not valid UTF-8; decoded as cp1252"],
    )


def test_a_short_non_latin_file_reads_in_its_codec_when_the_guess_names_its_language() -> None:
    """A short Cyrillic sentence is told Russian, a short Shift-JIS line is no cp1252; two
    Cyrillic words alone (once guessed Shift-JIS, read as kanji) keep the cp1252 reading."""
    russian = "Совет директоров утвердил бюджет на 2025 год.\n"
    assert decoded_text(russian.encode("cp1251"), "r.txt")[0] == russian
    japanese = "会議の議事録を確認しました。\n"
    assert decoded_text(japanese.encode("shift_jis"), "j.txt")[0] == japanese
    two_words = "Совет директоров\n".encode("cp1251")
    assert decoded_text(two_words, "w.txt")[0] == two_words.decode("cp1252")


def test_a_western_legacy_file_or_a_utf8_file_with_a_stray_line_stays_as_before() -> None:
    french = "Le conseil a approuvé le budget. Réunion à Genève, très attendue.\n" * 20
    assert decoded_text(french.encode("cp1252"), "fr.txt") == (
        french,
        ["fr.txt: not valid UTF-8; decoded as cp1252"],
    )
    raw = (PROSE * 3).encode() + "Réunion à Genève.\n".encode("latin-1")
    assert decoded_text(raw, "m.txt")[0] == PROSE * 3 + "Réunion à Genève.\n"


LINE = "Les congés sont de 25 jours.\r\n"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (b"\xff\xfe" + (LINE * 20).encode("utf-16-le") + b"\n", "UTF-16"),  # echo >> appended
        ((LINE * 20).encode("utf-16-le") + b"\n", "UTF-16"),  # no mark, odd length
        (b"\xff\xfe" + (LINE * 20).encode("utf-16-le") + b"\x00\xd8", "UTF-16"),  # lone surrogate
    ],
)
def test_a_utf16_file_with_a_stray_byte_is_read_with_it_replaced_and_a_warning(
    raw: bytes, name: str
) -> None:
    text, warnings = decoded_text(raw, "u.txt")
    assert text.startswith(LINE) and text.count(LINE) == 20
    assert text.endswith("\ufffd") and "\x00" not in text
    assert warnings == [f"u.txt: not valid {name}; its bad bytes read as U+FFFD"]


def test_a_utf32_file_with_its_mark_is_read_as_utf32() -> None:
    text, warnings = decoded_text((LINE * 5).encode("utf-32"), "u.txt")
    assert (text, warnings) == (LINE * 5, [])


def test_random_bytes_behind_a_utf16_mark_are_binary_not_cjk_text() -> None:
    noise = random.Random(7).randbytes(20_000)
    with pytest.raises(UnreadableDocument, match="binary"):
        decoded_text(codecs.BOM_UTF16_LE + noise, "noise.txt")


def test_charset_normalizer_is_asked_only_when_a_guess_could_read_a_non_latin_script(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A French cp1252 file holds too few bytes past ASCII for any guess to read half its
    letters past ASCII (legacy_codecs._latin_whatever_the_guess): read as cp1252 without a
    guess; a Russian cp1251 file is still guessed."""
    import charset_normalizer

    asked: list[int] = []
    guess = charset_normalizer.from_bytes

    def counted_guess(sample: bytes) -> object:
        asked.append(len(sample))
        return guess(sample)

    monkeypatch.setattr(charset_normalizer, "from_bytes", counted_guess)
    french = "Le comité a voté à l'unanimité la révision du règlement.\n" * 50
    assert decoded_text(french.encode("cp1252"), "fr.txt")[0] == french
    assert asked == []
    russian = "Совет директоров утвердил бюджет на 2025 год.\n" * 50
    assert decoded_text(russian.encode("cp1251"), "ru.txt")[0] == russian
    assert len(asked) == 1


def test_lines_of_shift_jis_between_cp1252_ones_are_refused_as_mixed_encodings() -> None:
    """Shift-JIS lead bytes (0x81-0x9F) count as control characters: the file was refused as
    "binary content", the wrong reason for a text file."""
    lines = "経費精算は月末までに提出してください。\n".encode("shift_jis")
    lines += "Le café coûte 2 €.\n".encode("cp1252")
    with pytest.raises(UnreadableDocument) as refused:
        decoded_text(lines * 400, "notes.txt")
    assert refused.value.reason == textdecoding.MIXED_ENCODINGS
    assert "binary" not in refused.value.reason


def test_a_word_holding_a_sign_no_letter_is_scored_not_raised() -> None:
    """A reading whose word holds a non-letter word character ("ЮГЮ²ЯРЮМ", Kazakh kz1048 read
    as KOI8-R) counts against that reading; it raised a TypeError, and the file was refused."""
    text = "Қазақстан Республикасының Конституциясы. " * 3
    decoded, notes = decoded_text(text.encode("kz1048"), "kz.txt")
    assert "Республикас" in decoded and len(notes) == 1
