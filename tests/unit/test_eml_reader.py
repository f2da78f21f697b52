"""E-mail files (.eml) read as their mail client shows them (readers/eml.py): found by the
session-21 user trial, whose support folder's .eml threads were skipped as an unsupported
file type while the same mails saved as .txt were read."""

from __future__ import annotations

import base64
from email.message import EmailMessage
from pathlib import Path

import pytest

from citeqa.corpus import UnreadableDocument, read_document
from citeqa.readers import reader_for, reader_versions
from citeqa.readers.eml import (
    ATTACHMENT_BYTES,
    ATTACHMENTS_READ,
    DEEPER_NOT_READ,
    MIME_DEPTH,
    MIME_PARTS,
    NO_TEXT_IN_PARTS_READ,
    PARTS_NOT_READ,
    TOO_DEEP,
    _parsed,
    message_read,
)
from citeqa.readers.mbox import MESSAGE_WARNINGS
from citeqa.textdecoding import VERSION as DECODING_VERSION


def read(tmp_path: Path, raw: bytes, name: str = "thread.eml"):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_bytes(raw)
    return read_document(tmp_path / name, tmp_path, {})


def mail(body: str, subtype: str = "plain", **headers: str) -> EmailMessage:
    message = EmailMessage()
    for name, value in {"From": "Nadia Ferreira <n@bank.example>", **headers}.items():
        message[name] = value
    message.set_content(body, subtype=subtype)
    return message


def test_eml_files_are_read_by_the_mail_reader() -> None:
    """Version 17 (plus textdecoding's): a message's label writes its day in the language of
    its own lines; 16: a body line or a sender's name that would read as the
    mail layout's heading written unforged; 15: UTF-8 under "utf-16" a mislabel, "utf-16" with no
    byte-order mark read in its own order; 14: a two-digit year keeps its century; 13: a Date's
    year as written; 12: a file with a byte-order
    mark read; 11: any non-UTF
    charset over UTF-8 a mislabel; 10: a
    mail with no text in the parts parsed refused for that; 9: a charset no mailer means is a
    mislabel; 8: parts past MIME_PARTS not parsed; 7: a mail nested too deep read to
    MIME_DEPTH; 6: a declared charset kept only when the bytes are its; 5: a mail whose only
    text is an attachment is read."""
    assert reader_for(".EML") is not None
    assert reader_for(".eml").kind == "eml"  # type: ignore[union-attr]
    assert reader_versions()[".eml"] == 17 + DECODING_VERSION


def test_a_mail_is_titled_by_its_subject_and_its_body_is_text(tmp_path: Path) -> None:
    message = mail(
        "Hello,\n\nPayments failed for 12 minutes after the rollback.\n",
        To="support@skiff.example",
        Subject="[#4512] Rollback restored old secret?",
        Date="Sun, 14 Sep 2025 08:02:11 +0000",
    )
    document = read(tmp_path, message.as_bytes())
    assert document.title == "[#4512] Rollback restored old secret?"
    assert "Payments failed for 12 minutes after the rollback." in document.text
    assert "Nadia Ferreira" in document.text


def test_encoded_headers_and_a_quoted_printable_latin1_body_are_decoded(tmp_path: Path) -> None:
    raw = (
        b"From: =?utf-8?q?Ren=C3=A9e_Dupr=C3=A9?= <r@mairie.example>\r\n"
        b"Subject: =?iso-8859-1?q?D=E9lib=E9ration_n=B0_2025-16?=\r\n"
        b"Date: Mon, 29 Sep 2025 14:10:00 +0200\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"Le conseil a vot=E9 la subvention de 6 500 =80 pour le comit=E9 des f=EAtes.\r\n"
    )
    document = read(tmp_path, raw)
    assert "Renée Dupré" in document.text
    assert document.title == "Délibération n° 2025-16"
    assert "vot\u00e9 la subvention" in document.text and "=E9" not in document.text


def test_an_html_only_mail_is_read_as_its_visible_text(tmp_path: Path) -> None:
    message = mail(
        "<html><body><p>Your deploy <b>succeeded</b> in 31 minutes.</p>"
        "<script>track()</script></body></html>",
        subtype="html",
        Subject="Deploy report",
        Date="Mon, 29 Sep 2025 14:10:00 +0200",
    )
    document = read(tmp_path, message.as_bytes())
    assert "Your deploy succeeded in 31 minutes." in document.text
    assert "<b>" not in document.text and "track()" not in document.text


def test_attachments_are_named_in_a_warning_and_not_read(tmp_path: Path) -> None:
    message = mail("See the invoice attached.\n", Subject="Invoice", Date="Mon, 6 Oct 2025")
    message.add_attachment(
        b"%PDF-1.4 secret", maintype="application", subtype="pdf", filename="invoice-4650.pdf"
    )
    document = read(tmp_path, message.as_bytes())
    assert "See the invoice attached." in document.text
    assert "secret" not in document.text
    assert any("invoice-4650.pdf" in warning for warning in document.warnings)


@pytest.mark.parametrize(
    "raw",
    [b"just some bytes \x00\x01\x02 with no headers", b"Subject: hi\r\n\r\nno sender\r\n", b""],
)
def test_a_file_that_is_no_mail_is_skipped_with_a_reason(tmp_path: Path, raw: bytes) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, raw)
    assert refused.value.reason


@pytest.mark.parametrize(
    "recipients", ["undisclosed-recipients:;;", "Team: a@b.example;;", "<<<>>>@@@"]
)
def test_a_malformed_address_header_is_read_as_written(tmp_path: Path, recipients: str) -> None:
    """The s21 review: "To: undisclosed-recipients:;;" made the mail parser raise
    AttributeError, and the whole `citeqa index` stopped with a traceback."""
    raw = (
        f"From: Ann <ann@x.example>\r\nTo: {recipients}\r\nSubject: Move\r\n"
        "Date: Mon, 6 Oct 2025 09:00:00 +0000\r\n\r\nThe meeting moved to Thursday.\r\n"
    ).encode()
    document = read(tmp_path, raw)
    assert "The meeting moved to Thursday." in document.text


def test_a_blank_plain_part_gives_way_to_the_html_part(tmp_path: Path) -> None:
    message = mail(" \n", Subject="Move", Date="Mon, 6 Oct 2025 09:00:00 +0000")
    message.add_alternative("<p>The meeting moved to Thursday at 10.</p>", subtype="html")
    document = read(tmp_path, message.as_bytes())
    assert "The meeting moved to Thursday at 10." in document.text


def test_utf8_written_raw_in_headers_is_read(tmp_path: Path) -> None:
    """The s21 review: 8-bit headers ("From: José Pérez") read as U+FFFD after the compat32
    mend."""
    raw = (
        "From: José Pérez <jose@x.example>\r\nSubject: Réunion café\r\n"
        "Date: Mon, 6 Oct 2025 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\nLa réunion est jeudi.\r\n"
    ).encode()
    document = read(tmp_path, raw)
    assert document.title == "Réunion café" and "José Pérez" in document.text
    assert "\ufffd" not in document.text


def test_a_body_naming_no_charset_is_decoded_as_text_files_are(tmp_path: Path) -> None:
    """The s21 final re-read: a part with no charset was read as UTF-8 with its NUL bytes,
    which then reached the chunks; a cp1252 line is read as cp1252, as in a .txt file."""
    raw = (
        b"From: Ann <ann@x.example>\r\nSubject: Note\r\nDate: Mon, 6 Oct 2025 09:00:00 +0000\r\n"
        b"Content-Type: text/plain\r\n\r\nLe caf\xe9 est ferm\xe9.\r\nA NUL\x00 here.\r\n"
    )
    text = read(tmp_path, raw).text
    assert "Le café est fermé." in text and "\x00" not in text


def test_a_non_ascii_group_name_the_default_policy_cannot_parse_is_read_as_written(
    tmp_path: Path,
) -> None:
    raw = "From: Ana <a@x.org>\nTo: Équipe:;;\nSubject: x\n\nThe key is under the mat.\n"
    document = read(tmp_path, raw.encode())
    assert "To: Équipe:;;" in document.text
    assert "The key is under the mat." in document.text


def test_a_part_in_a_charset_whose_codec_cannot_replace_is_read_as_a_text_file(
    tmp_path: Path,
) -> None:
    raw = (
        b'From: Ana <a@x.org>\nSubject: x\nContent-Type: text/plain; charset="idna"\n\n'
        b"The key is under the mat.\n"
    )
    assert "The key is under the mat." in read(tmp_path, raw).text


def plain_part(charset: str, body: bytes) -> bytes:
    return (
        b"From: Ana <a@x.org>\nSubject: Cantine\nMIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=" + charset.encode() + b"\n"
        b"Content-Transfer-Encoding: 8bit\n\n" + body
    )


@pytest.mark.parametrize(
    ("charset", "body"),
    [
        ("us-ascii", "Le café coûte trois euros à la cantine.\n".encode()),
        ("iso-8859-1", "Le café coûte trois euros à la cantine.\n".encode()),
        ("utf-16", "Le café coûte trois euros à la cantine.\n".encode("latin-1")),
        ("utf-8", "Le café coûte trois euros à la cantine.\n".encode("cp1252")),
        ("utf-8-sig", "Le café coûte trois euros à la cantine.\n".encode("cp1252")),
        # s28 hostile probe: codecs no mailer means (a bytes codec raised LookupError and
        # skipped the mail as an internal error; Python's escapes read "cafÃ©"), and "utf-7",
        # 7-bit, over 8-bit bytes
        ("rot13", "Le café coûte trois euros à la cantine.\n".encode()),
        ("hex", "Le café coûte trois euros à la cantine.\n".encode()),
        ("zlib", "Le café coûte trois euros à la cantine.\n".encode()),
        ("unicode_escape", "Le café coûte trois euros à la cantine.\n".encode()),
        # s28 stop re-read: any legacy charset over UTF-8 bytes, not ISO-8859/cp125x only
        ("koi8-r", "Le café coûte trois euros à la cantine.\n".encode()),
        ("mac-roman", "Le café coûte trois euros à la cantine.\n".encode()),
        ("cp437", "Le café coûte trois euros à la cantine.\n".encode()),
        ("utf-7", "Le café coûte trois euros à la cantine.\n".encode()),
    ],
)
def test_a_charset_the_part_is_not_written_in_gives_way_to_its_bytes(
    tmp_path: Path, charset: str, body: bytes
) -> None:
    """Mailers declare a charset over text of another (s27 hostile probe: "caf? co?te",
    Latin-1 under "utf-16" indexed as CJK)."""
    assert (
        "Le café coûte trois euros à la cantine." in read(tmp_path, plain_part(charset, body)).text
    )


@pytest.mark.parametrize(
    ("charset", "body", "text"),
    [
        ("iso-2022-jp", "会議は三月十日です。\n".encode("shift_jis"), "会議は三月十日です。"),
        ("hz-gb-2312", "Le café coûte trois euros.\n".encode(), "Le café coûte trois euros."),
        ("charmap", "Le café coûte trois euros.\n".encode(), "Le café coûte trois euros."),
    ],
)
def test_a_seven_bit_or_single_byte_charset_over_other_bytes_gives_way_to_them(
    tmp_path: Path, charset: str, body: bytes, text: str
) -> None:
    """The ISO-2022 charsets and HZ are 7-bit, "charmap" single-byte: Shift-JIS under
    "iso-2022-jp" and UTF-8 under "hz" were read as U+FFFD, UTF-8 under "charmap" as "cafÃ©"
    (s28 review A)."""
    assert text in read(tmp_path, plain_part(charset, body)).text


@pytest.mark.parametrize("charset", ["iso-2022-jp", "charmap"])
def test_a_seven_bit_or_single_byte_charset_the_part_is_written_in_is_kept(
    tmp_path: Path, charset: str
) -> None:
    body = "会議は三月十日です。\n" if charset == "iso-2022-jp" else "Réunion à 9 h.\n"
    assert body.strip() in read(tmp_path, plain_part(charset, body.encode(charset))).text


@pytest.mark.parametrize("charset", ["unicode_escape", "raw-unicode-escape", "punycode"])
def test_encoded_words_in_a_charset_no_mailer_means_read_as_utf8(
    tmp_path: Path, charset: str
) -> None:
    """ "=?unicode_escape?q?caf=C3=A9?=" gave "cafÃ©" titles and senders (s28 review A); a
    header the default policy cannot parse ("To: group:;;") decodes its words too."""
    raw = (
        f"From: =?{charset}?q?Ren=C3=A9?= <r@x.org>\nTo: =?{charset}?q?=C3=89quipe?=:;;\n"
        f"Subject: =?{charset}?q?Caf=C3=A9_menu?=\n\nThe menu changes on Monday.\n"
    )
    document = read(tmp_path, raw.encode())
    assert document.title == "Café menu"
    assert "From: René <r@x.org>" in document.text
    assert "To: Équipe" in document.text


@pytest.mark.parametrize(
    ("charset", "body"),
    [
        ("utf-16", "Réunion à 9 h.\n".encode("utf-16")),
        ("iso-8859-1", "Réunion à 9 h.\n".encode("latin-1")),
        ("windows-1252", "Réunion à 9 h – salle B.\n".encode("cp1252")),
    ],
)
def test_a_charset_the_part_is_written_in_is_kept(
    tmp_path: Path, charset: str, body: bytes
) -> None:
    assert "Réunion à 9 h" in read(tmp_path, plain_part(charset, body)).text


def base64_part(charset: str, body: bytes) -> bytes:
    return (
        b"From: Ana <a@x.org>\nSubject: Cantine\nMIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=" + charset.encode() + b"\n"
        b"Content-Transfer-Encoding: base64\n\n" + base64.b64encode(body) + b"\n"
    )


@pytest.mark.parametrize(
    ("charset", "body", "kept"),
    [
        ("utf-16-le", "Привет".encode("utf-16-le"), "Привет"),
        ("utf-16-le", "Привет".encode("utf-16-le") + b"\n", "Привет"),
        ("utf-16-be", "Здравствуйте".encode("utf-16-be"), "Здравствуйте"),
        ("utf-16-le", "你好".encode("utf-16-le"), "你好"),
        ("utf-16-le", "你好世界".encode("utf-16-le")[:-1], "你好世"),
        ("utf-16", ("日本語のテキスト" * 3).encode("utf-16")[:-1], "日本語のテキスト" * 2),
    ],
)
def test_a_short_or_cut_utf16_part_holding_no_nul_byte_keeps_its_text(
    tmp_path: Path, charset: str, body: bytes, kept: str
) -> None:
    """A UTF-16 part of no Latin letter holds no NUL byte, and was read as a mislabel: a
    Cyrillic word or a cut Chinese line lost the whole mail ('no text in its body'), a
    Japanese line with a stray last byte or two Chinese characters read as mojibake (s28
    re-read). What decodes is kept, a stray last byte read as U+FFFD."""
    assert kept in read(tmp_path, base64_part(charset, body)).text


@pytest.mark.parametrize(
    "line",
    ["Привет мир", "Спасибо!", "Καλημέρα σε όλους.", "שלום לכולם", "Встреча в пятницу в 10:00"],
)
@pytest.mark.parametrize("charset", ["utf-16", "utf-16-le", "utf-32"])
def test_a_one_line_utf8_part_labelled_utf16_is_read_as_utf8(
    tmp_path: Path, charset: str, line: str
) -> None:
    """UTF-8 Cyrillic, Greek or Hebrew holds no NUL byte and decodes strictly as UTF-16: one
    such line with no line end under "utf-16" was indexed as Hangul and CJK (s29 review B)."""
    assert line in read(tmp_path, base64_part(charset, line.encode())).text


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("Привет".encode("utf-16-be"), "Привет"),
        ("Привет".encode("utf-16-le"), "Привет"),
        ("你好世界".encode("utf-16-be"), "你好世界"),
        ("你好世界".encode("utf-16-le"), "你好世界"),
        ("Привет мир\n".encode("utf-16-be"), "Привет мир"),
        ("Réunion à 9 h.\n".encode("utf-16-be"), "Réunion à 9 h."),
        ("Réunion à 9 h.\n".encode("utf-16-le"), "Réunion à 9 h."),
    ],
)
def test_a_utf16_part_with_no_byte_order_mark_is_read_in_its_own_order(
    tmp_path: Path, body: bytes, kept: str
) -> None:
    """ "utf-16" with no byte-order mark was read in the machine's order: "Привет" in
    big-endian order was indexed as "ἄ䀄㠄㈄㔄䈄" (s29 review B; RFC 2781 says big-endian,
    Windows writes little-endian): the order it reads as text in is taken."""
    assert kept in read(tmp_path, base64_part("utf-16", body)).text


@pytest.mark.parametrize(
    ("charset", "raw", "kept"),
    [
        (
            "utf-8",
            "Le café coûte trois euros à la cantine".encode() + b"\x80 le lundi.\n",
            "café coûte",
        ),
        ("shift_jis", "①会議は㈱テスト\n".encode("cp932"), "会議は"),
        ("gb2312", "会议将在十点开始。\n".encode("gbk") + "鍶".encode("gbk"), "会议将在十点开始。"),
    ],
)
def test_a_byte_the_declared_charset_does_not_decode_costs_that_byte_only(
    tmp_path: Path, charset: str, raw: bytes, kept: str
) -> None:
    """A stray byte in UTF-8, a cp932 character ("①") under shift_jis, a GBK one under
    gb2312: the part stays in its charset (s27 review B: the whole part was sniffed, read as
    cp1252 or refused)."""
    assert kept in read(tmp_path, plain_part(charset, raw)).text


def test_iso_8859_1_is_read_as_cp1252_as_mail_clients_do(tmp_path: Path) -> None:
    """Outlook writes cp1252's dashes, quotes and euro sign under "iso-8859-1"."""
    body = "Réunion – “salle B” : 5 €\n".encode("cp1252")
    assert "Réunion – “salle B” : 5 €" in read(tmp_path, plain_part("iso-8859-1", body)).text


@pytest.mark.parametrize("nested", ["message/rfc822", "multipart/mixed"])
def test_parts_nested_deeper_than_the_parser_can_follow_skip_the_file_with_a_reason(
    tmp_path: Path, nested: str
) -> None:
    depth = 1000
    if nested == "message/rfc822":
        head = "From: a@x.org\nContent-Type: message/rfc822\n\n" * depth
        raw = head + "From: a@x.org\nSubject: deep\n\nThe key is under the mat.\n"
    else:
        opening = "".join(
            f'Content-Type: multipart/mixed; boundary="b{n}"\n\n--b{n}\n' for n in range(depth)
        )
        raw = "From: a@x.org\n" + opening + "Content-Type: text/plain\n\nThe key.\n"
    with pytest.raises(UnreadableDocument, match="nested too deep"):
        read(tmp_path, raw.encode())


def test_a_mail_nested_too_deep_keeps_what_lies_within_the_bound_with_a_warning(
    tmp_path: Path,
) -> None:
    """s27 hostile probe: 1,000 levels each holding a text part and a forwarded mail were
    refused whole, the outer mail's own body lost; the parts within MIME_DEPTH are read."""
    raw = "".join(
        f"From: a@x.org\nSubject: Layer {n}\nContent-Type: multipart/mixed; boundary=B{n}\n\n"
        f"--B{n}\nContent-Type: text/plain\n\nLayer {n} says the van is blue.\n"
        f"--B{n}\nContent-Type: message/rfc822\n\n"
        for n in range(1000)
    )
    document = read(tmp_path, raw.encode())
    assert "Layer 0 says the van is blue." in document.text
    assert f"thread.eml: {DEEPER_NOT_READ}" in document.warnings


def test_a_header_too_long_to_parse_is_cut_with_a_warning(tmp_path: Path) -> None:
    addresses = ", ".join(f"u{n}@x.org" for n in range(20_000))
    raw = f"From: a@x.org\nTo: {addresses}\nSubject: s\n\nThe bike shed key is kept.\n"
    document = read(tmp_path, raw.encode())
    assert "u1@x.org" in document.text and "u19999@x.org" not in document.text
    assert document.warnings == ["thread.eml: headers longer than 4000 characters cut: To"]


def test_attachments_are_counted_up_to_a_bound(tmp_path: Path) -> None:
    message = mail("The parking permit costs 45 euros.\n")
    for n in range(1_200):
        message.add_attachment(
            b"AAAA", maintype="application", subtype="octet-stream", filename=f"f{n}.bin"
        )
    document = read(tmp_path, message.as_bytes())
    assert document.warnings == [
        "thread.eml: attachments not read: f0.bin, f1.bin, f2.bin, f3.bin, f4.bin"
        " and over 995 more",
        f"thread.eml: {PARTS_NOT_READ}",
    ]


def test_parts_past_the_bound_are_not_parsed(tmp_path: Path) -> None:
    """s27 hostile probe: 17,000 tiny parts were each parsed (2.3 s) though 20 are read and
    1,000 counted; the parse stops at MIME_PARTS, the body and the first attachments kept."""
    raw = "From: a@x.org\nContent-Type: multipart/mixed; boundary=B\n\n--B\n\nThe van is blue.\n"
    raw += "".join(f"--B\nContent-Type: text/plain; name=a{n}.txt\n\nx{n}\n" for n in range(5000))
    document = read(tmp_path, (raw + "--B--\n").encode())
    assert "The van is blue." in document.text and "\nx19\n" in document.text
    assert f"thread.eml: {PARTS_NOT_READ}" in document.warnings
    message, cut = _parsed(raw.encode())
    assert cut == PARTS_NOT_READ and len(list(message.walk())) == MIME_PARTS + 1


def test_a_mail_whose_text_lies_past_the_parts_parsed_is_refused_for_that(
    tmp_path: Path,
) -> None:
    """Its text part after 1,200 binary ones, it was refused as "nested too deep" (s28
    review A)."""
    raw = "From: a@x.org\nContent-Type: multipart/mixed; boundary=B\n\n"
    raw += "--B\nContent-Type: application/octet-stream\n\nx\n" * 1200
    raw += "--B\nContent-Type: text/plain\n\nThe van is blue.\n--B--\n"
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, raw.encode())
    assert refused.value.reason == NO_TEXT_IN_PARTS_READ


def test_controls_from_encoded_headers_reach_neither_the_title_nor_the_text(
    tmp_path: Path,
) -> None:
    raw = (
        b"From: =?utf-8?q?Ana=00=1b=5B2J?= <a@x.org>\nSubject: =?utf-8?q?Badge=00?=\n\n"
        b"The badge office opens at nine.\n"
    )
    document = read(tmp_path, raw)
    assert document.title == "Badge"
    assert "\x00" not in document.text and "\x1b" not in document.text
    assert "Ana [2J" in document.text


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_mail_forwarded_as_an_attachment_is_read_from_the_forwarded_mail(
    tmp_path: Path, wrapped: bool
) -> None:
    forwarded = mail("The parking permit costs 45 euros.\n", Subject="Parking")
    outer = EmailMessage()
    outer["From"] = "Ana <a@x.org>"
    outer["Subject"] = "Fwd: Parking"
    if wrapped:  # multipart/mixed holding only the forwarded mail
        outer.add_attachment(forwarded)
    else:
        outer.set_content(forwarded)
    document = read(tmp_path, outer.as_bytes())
    assert "The parking permit costs 45 euros." in document.text
    assert "Nadia Ferreira" in document.text


def test_forwards_nested_past_the_bound_are_no_text(tmp_path: Path) -> None:
    """Its only text lies past MIME_DEPTH: refused for that reason (it was "no text in its
    body", the forwards followed only FORWARDS_READ deep)."""
    raw = "From: a@x.org\nContent-Type: message/rfc822\n\n" * 900
    with pytest.raises(UnreadableDocument, match=TOO_DEEP):
        read(tmp_path, (raw + "From: a@x.org\n\nThe van is blue.\n").encode())


def test_a_short_body_holding_a_nul_byte_is_read_without_it() -> None:
    """Refused as binary ("mostly control characters"), which lost a mailbox of it alone."""
    read = message_read(b"From: Ann <a@x.org>\nSubject: s\n\nbo\x00dy\n", "a.eml")
    assert "\nbody" in read.text


def test_a_mailbox_message_nested_too_deep_is_skipped_for_that_reason(tmp_path: Path) -> None:
    """A message of a .mbox whose MIME parts nest 2,000 deep is skipped, counted as nested too
    deep (it was counted as having "no From header or no text": it has both)."""
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="b{n}"\n\n--b{n}\n' for n in range(2000)
    )
    deep = "From: a@x.org\nSubject: deep\n" + opening + "Content-Type: text/plain\n\nKey.\n"
    plain = "From: c@x.org\nSubject: hi\n\nA plain message.\n"
    envelope = "From a@x.org Mon Jan  1 00:00:00 2024\n"
    raw = (envelope + deep + "\n" + envelope + plain).encode()
    document = read(tmp_path, raw, "box.mbox")
    assert "A plain message." in document.text
    assert document.warnings == ["box.mbox: 1 messages skipped (" + TOO_DEEP + ")"]


def test_a_mailbox_says_a_warning_its_messages_repeat_once_with_their_count(
    tmp_path: Path,
) -> None:
    """Each message nested past MIME_DEPTH added its own warning (300 messages: 300 lines);
    it is said once with its count, and only the first MESSAGE_WARNINGS kinds are named."""
    layers = "".join(
        f"Content-Type: multipart/mixed; boundary=B{n}\n\n--B{n}\nContent-Type: text/plain\n\n"
        f"Layer {n}.\n--B{n}\n"
        for n in range(MIME_DEPTH + 5)
    )
    envelope = "From a@x.org Mon Jan  1 00:00:00 2024\n"
    deep = [f"{envelope}From: a@x.org\nSubject: deep {n}\n{layers}" for n in range(300)]
    long = [
        f"{envelope}From: a@x.org\nX-H{n}: {'v' * 5000}\nSubject: s\n\nBody {n}.\n"
        for n in range(MESSAGE_WARNINGS + 2)
    ]
    document = read(tmp_path, "\n".join(deep + long).encode(), "box.mbox")
    others = [w for w in document.warnings if "attachments" not in w]  # capped apart
    assert others[0] == f"box.mbox: {DEEPER_NOT_READ} (300 messages)"
    assert others[1] == "box.mbox: headers longer than 4000 characters cut: X-H0"
    assert len(others) == MESSAGE_WARNINGS + 1
    assert others[-1] == "box.mbox: 3 more warnings of its messages"


def test_text_attachments_are_read_after_the_body_and_others_named(tmp_path: Path) -> None:
    """s26 trial: a review form attached as .txt held the only copy of its questions, and was
    named "not read"."""
    message = mail("The review form is attached.\n", Subject="Reviews", Date="Mon, 16 Nov 2026")
    message.add_attachment("1. Goals of the year, rated 1 to 4.\n", filename="form.txt")
    message.add_attachment(
        b"item,price\nchairs,120\n", maintype="text", subtype="csv", filename="prices.csv"
    )
    message.add_attachment(
        b"%PDF-1.4 secret", maintype="application", subtype="pdf", filename="a.pdf"
    )
    document = read(tmp_path, message.as_bytes())
    body = document.text.index("The review form is attached.")
    form = document.text.index("## Attachment: form.txt\n\n1. Goals of the year, rated 1 to 4.")
    assert body < form < document.text.index("## Attachment: prices.csv")
    assert "| chairs | 120 |" in document.text  # read as a .csv file is: a table
    assert "secret" not in document.text
    assert document.warnings == ["thread.eml: attachments not read: a.pdf"]


def test_attachments_past_the_bounds_are_named_not_read(tmp_path: Path) -> None:
    message = mail("Notes attached.\n")
    for n in range(ATTACHMENTS_READ + 1):
        message.add_attachment(f"Note number {n}.\n", filename=f"n{n}.txt")
    message.add_attachment("x" * (ATTACHMENT_BYTES + 1), filename="huge.txt")
    document = read(tmp_path, message.as_bytes())
    assert f"Note number {ATTACHMENTS_READ - 1}." in document.text
    assert f"Note number {ATTACHMENTS_READ}." not in document.text
    assert document.warnings == [
        f"thread.eml: attachments not read: n{ATTACHMENTS_READ}.txt, huge.txt"
    ]


def test_a_mail_whose_only_text_is_an_attachment_is_read(tmp_path: Path) -> None:
    """Refused as "no text in its body" before its attachments were read (s26 review E)."""
    message = EmailMessage()
    message["From"] = "Ana <a@x.org>"
    message["Subject"] = "Re: Review form"
    message.make_mixed()
    form = EmailMessage()
    form.set_content("1. Goals of the year, rated 1 to 4.\n")
    form.add_header("Content-Disposition", "attachment", filename="form.txt")
    message.attach(form)
    document = read(tmp_path, message.as_bytes())
    assert "## Attachment: form.txt\n\n1. Goals of the year, rated 1 to 4." in document.text
    assert document.title == "Review form" and "From: Ana <a@x.org>" in document.text


def test_a_mail_with_no_text_in_body_or_attachments_is_still_refused(tmp_path: Path) -> None:
    message = mail("\n")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="a.pdf")
    with pytest.raises(UnreadableDocument, match="no text in its body"):
        read(tmp_path, message.as_bytes())


def test_unread_attachments_are_counted_apart_from_those_read(tmp_path: Path) -> None:
    """3,000 text attachments, 20 read: the walk stopped at 1,001 parts, so 981 unread said
    "and 976 more", not "over" (s26 review E)."""
    message = mail("Notes attached.\n")
    for n in range(3_000):
        message.add_attachment(f"Note number {n}.\n", filename=f"n{n}.txt")
    document = read(tmp_path, message.as_bytes())
    assert document.warnings[0].endswith(" and over 995 more")


def test_malformed_mime_partway_keeps_the_attachments_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = mail("Notes attached.\n")
    message.add_attachment("The first note.\n", filename="a.txt")
    message.add_attachment("The second note.\n", filename="b.txt")
    walked = EmailMessage.iter_attachments

    def breaking(self):  # type: ignore[no-untyped-def]
        for number, part in enumerate(walked(self)):
            if number == 1:
                raise ValueError("malformed MIME")
            yield part

    monkeypatch.setattr(EmailMessage, "iter_attachments", breaking)
    document = read(tmp_path, message.as_bytes())
    assert "The first note." in document.text and "Notes attached." in document.text


def test_a_text_attachment_is_decoded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from email.message import Message

    decoded: list[str | None] = []
    get_payload = Message.get_payload

    def counted(self: Message, *args: object, **kwargs: object) -> object:
        if kwargs.get("decode"):
            decoded.append(self.get_filename())
        return get_payload(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Message, "get_payload", counted)
    message = mail("The form is attached.\n", Subject="Reviews", Date="Mon, 16 Nov 2026")
    message.add_attachment("1. Goals of the year.\n", filename="form.txt")
    document = read(tmp_path, bytes(message))
    assert "1. Goals of the year." in document.text
    assert decoded.count("form.txt") == 1


def test_an_attachment_in_a_codec_no_mailer_means_is_read_and_the_next_ones_too(
    tmp_path: Path,
) -> None:
    """s28 hostile probe: an attachment declaring charset=hex raised LookupError, which ended
    the attachments read: it and every later one vanished with no warning."""
    message = mail("Three notes attached.\n")
    for name, charset in (("a.txt", "utf-8"), ("b.txt", "hex"), ("c.txt", "utf-8")):
        body = f"Note {name} : réunion à 9 h.\n".encode()
        message.add_attachment(body, maintype="text", subtype="plain", filename=name)
        message.get_payload()[-1].set_param("charset", charset)
    text = read(tmp_path, message.as_bytes()).text
    assert all(f"Note {name} : réunion à 9 h." in text for name in ("a.txt", "b.txt", "c.txt"))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("name", ["mail.eml", "box.mbox"])
def test_a_mail_saved_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str, name: str) -> None:
    """A .eml or .mbox saved as UTF-16 with its mark (PowerShell 5's Out-File) was refused as
    holding no From header, though a UTF-16 .txt beside it was read (s29 hostile probe F7)."""
    message = mail("Le parking est plein le lundi.\n", Subject="Parking", To="all@bank.example")
    text = message.as_string()
    if name.endswith(".mbox"):
        text = "From ann@bank.example Wed Oct 01 15:00:00 2025\n" + text
    marked = text.encode(codec)
    if codec == "utf-16-be":
        marked = b"\xfe\xff" + marked
    document = read(tmp_path, marked, name)
    assert "Le parking est plein le lundi." in document.text
    assert "Nadia Ferreira" in document.text


def test_a_date_with_a_two_digit_year_keeps_its_century(tmp_path: Path) -> None:
    """Review D of s29: "1 Jul 25" (RFC 5322's obsolete two-digit year) was shown as written,
    and the mail lost its year 2025."""
    raw = "From: Ann <ann@x.org>\nDate: Tue, 1 Jul 25 10:00:00 +0200\n\nGate code.\n"
    document = read(tmp_path, raw.encode())
    assert "Date: Tue, 01 Jul 2025 10:00:00 +0200" in document.text


@pytest.mark.parametrize(("written", "year"), [("0000", "2000"), ("1", "2001")])
def test_a_date_whose_year_the_library_misreads_is_written_as_in_the_file(
    tmp_path: Path, written: str, year: str
) -> None:
    """ "Date: Mon, 2 Mar 0000" was written "Thu, 02 Mar 2000" (s29 hostile probe F10)."""
    raw = f"From: Ann <ann@x.org>\nDate: Mon, 2 Mar {written} 10:00:00 +0000\n\nGate code.\n"
    document = read(tmp_path, raw.encode())
    assert f"Date: Mon, 2 Mar {written} 10:00:00 +0000" in document.text
    assert year not in document.text


_SENT = b"""From alice@x.org Wed Oct 01 15:00:00 2025
From: Alice <alice@x.org>
Subject: Budget
Date: Wed, 01 Oct 2025 15:00:00 +0000

The budget is 100 euros.

From - Thu Oct 02 09:00:00 2025
To: Alice <alice@x.org>
Subject: Re: Budget
Date: Thu, 02 Oct 2025 09:00:00 +0000

No, the budget is 250 euros.

From bob@x.org Fri Oct 03 10:00:00 2025
Sender: Bob <bob@x.org>
Subject: Venue
Date: Fri, 03 Oct 2025 10:00:00 +0000

Venue is room B12.

From carl@x.org Sat Oct 04 10:00:00 2025
Return-Path: <carl@x.org>
Thread-Topic : Hall
From: Carl <carl@x.org>
Subject: Hall
Date: Sat, 04 Oct 2025 10:00:00 +0000

Hall cancelled, we meet in room 4.

From dan@x.org Sun Oct 05 10:00:00 2025
Subject: Keys
Date: Sun, 05 Oct 2025 10:00:00 +0000

Keys are at the desk.
"""


def test_an_envelope_line_opens_a_message_with_no_from_header(tmp_path: Path) -> None:
    """s30 review G: a sent or draft export's message writing only To: or Sender:, or one with
    an obsolete header line ("Thread-Topic : Hall"), was merged into the message before it.
    Each is its own message, headed by its Sender, its recipient or its envelope's sender."""
    document = read(tmp_path, _SENT, "sent.mbox")
    headings = [line for line in document.text.splitlines() if line.startswith("## ")]
    assert [h for h in headings if not h.startswith("## Headers")] == [
        "## Alice · 1 Oct 2025 · Budget",
        "## to Alice · 2 Oct 2025 · Budget",
        "## Bob · 3 Oct 2025 · Venue",
        "## Carl · 4 Oct 2025 · Hall",
        "## dan@x.org · 5 Oct 2025 · Keys",
    ]
    assert "From - Thu" not in document.text and "Thread-Topic" not in document.text
    assert document.warnings == []


def test_a_loose_from_line_in_a_body_opens_no_message(tmp_path: Path) -> None:
    """A body line "From 9:00 to 12:00" after a blank line over no header block stays text."""
    raw = _SENT.split(b"\n\nFrom - ")[0] + b"\n\nFrom 9:00 to 12:00\nRoom: B12\n\nBring keys.\n"
    document = read(tmp_path, raw, "box.mbox")
    assert "From 9:00 to 12:00" in document.text and "Bring keys." in document.text


def test_a_body_from_line_is_no_header_of_a_crlf_message(tmp_path: Path) -> None:
    """A message with CRLF line ends and only a Sender: header, whose body writes a line
    "From: …", is headed by its Sender: the body line is no header (it was taken for the
    message's From header, no sender was given, and the mailbox read as holding no e-mail)."""
    raw = (
        b"From bob@x.org Fri Oct 03 10:00:00 2025\r\nSender: Bob <bob@x.org>\r\n"
        b"Subject: Venue\r\nDate: Fri, 03 Oct 2025 10:00:00 +0000\r\n\r\n"
        b"Venue is room B12.\r\nFrom: the desk\r\n"
    )
    document = read(tmp_path, raw, "sent.mbox")
    assert "## Bob · 3 Oct 2025 · Venue" in document.text
    assert "Venue is room B12." in document.text


def _counted_mailbox(length_shift: int = 0) -> bytes:
    """Two mboxcl2 messages (bodies unquoted, each its Content-Length), the first quoting an
    envelope line and a From header in its body; `length_shift` makes the first length wrong."""
    quoted = (
        b"My proposal: cut the travel budget.\n"
        b"From ceo@x.org Wed Oct 01 16:00:00 2025\n"
        b"From: Claire Dubois (CEO) <ceo@x.org>\nSubject: Decision\n\n"
        b"I approve cutting the travel budget to zero.\n"
    )
    last = b"Agreed, see you Monday.\n"
    return (
        b"From ben@x.org Wed Oct 01 15:00:00 2025\nFrom: Ben Carter <ben@x.org>\n"
        b"Subject: Budget\nDate: Wed, 01 Oct 2025 15:00:00 +0000\n"
        + f"Content-Length: {len(quoted) + length_shift}\n\n".encode()
        + quoted
        + b"\nFrom ann@x.org Thu Oct 02 09:00:00 2025\nFrom: Ann Lee <ann@x.org>\n"
        + b"Subject: Re: Budget\nDate: Thu, 02 Oct 2025 09:00:00 +0000\n"
        + f"Content-Length: {len(last)}\n\n".encode()
        + last
    )


def test_a_content_length_keeps_a_quoted_envelope_and_sender_in_its_message(
    tmp_path: Path,
) -> None:
    """s31 hostile probe F5: an mboxcl2 body quoting an envelope line and a From header opened
    a message "from" whoever it named ("Claire Dubois (CEO) · Decision")."""
    document = read(tmp_path, _counted_mailbox(), "inbox.mbox")
    headings = [line for line in document.text.splitlines() if line.startswith("## ")]
    assert [h for h in headings if not h.startswith("## Headers")] == [
        "## Ben Carter · 1 Oct 2025 · Budget",
        "## Ann Lee · 2 Oct 2025 · Budget",
    ]
    assert "I approve cutting the travel budget to zero." in document.text


def test_a_content_length_ending_nowhere_a_message_opens_is_not_followed(
    tmp_path: Path,
) -> None:
    """A Content-Length that does not end at the next message (a mailbox edited since) is not
    read: today's rule splits the messages."""
    document = read(tmp_path, _counted_mailbox(length_shift=-5), "inbox.mbox")
    headings = [line for line in document.text.splitlines() if line.startswith("## ")]
    assert "## Ann Lee · 2 Oct 2025 · Budget" in headings
    assert "Agreed, see you Monday." in document.text


def test_a_content_length_past_the_files_end_is_not_followed(tmp_path: Path) -> None:
    document = read(tmp_path, _counted_mailbox(length_shift=10**12), "inbox.mbox")
    assert "## Ann Lee · 2 Oct 2025 · Budget" in document.text.splitlines()


@pytest.mark.parametrize("digits", [5_000, 30])
def test_a_content_length_of_more_digits_than_the_file_is_not_followed(
    tmp_path: Path, digits: int
) -> None:
    """s32 hostile F2: a 5,000-digit Content-Length (int() refuses more than 4,300 digits) lost
    the whole mailbox as an internal error; a length longer than the file is no length."""
    raw = _counted_mailbox().replace(b"Content-Length: ", b"Content-Length: " + b"9" * digits, 1)
    document = read(tmp_path, raw, "inbox.mbox")
    assert "## Ann Lee · 2 Oct 2025 · Budget" in document.text.splitlines()
    assert "I approve cutting the travel budget to zero." in document.text


def test_a_content_length_behind_thousands_of_zeros_is_read_by_its_digits(
    tmp_path: Path,
) -> None:
    """A Content-Length written behind 5,000 zeros is the length its other digits write: it
    passed the digit-count check and int() of the whole text refused it (over 4,300 digits), an
    internal error losing the mailbox."""
    raw = _counted_mailbox().replace(b"Content-Length: ", b"Content-Length: " + b"0" * 5_000, 1)
    document = read(tmp_path, raw, "inbox.mbox")
    headings = [line for line in document.text.splitlines() if line.startswith("## ")]
    assert [h for h in headings if not h.startswith("## Headers")] == [
        "## Ben Carter · 1 Oct 2025 · Budget",
        "## Ann Lee · 2 Oct 2025 · Budget",
    ]


def test_a_crlf_messages_body_line_with_a_spaced_colon_is_kept_as_written(tmp_path: Path) -> None:
    """Only a message's header lines have an obsolete field's blanks taken off ("Thread-Topic :
    Hall"): a CRLF message's body line "Attention : la salle change." is quoted as written (its
    head was split at "\\n\\n" only, so the whole message was rewritten as header lines)."""
    raw = (
        b"From - Wed Oct 01 15:00:00 2025\r\nFrom: Ann <a@x.org>\r\nThread-Topic : Hall\r\n"
        b"Subject: Hi\r\nDate: Wed, 01 Oct 2025 15:00:00 +0000\r\n\r\n"
        b"Attention : la salle change.\r\n"
    )
    document = read(tmp_path, raw, "crlf.mbox")
    assert "Attention : la salle change." in document.text
    assert "## Ann · 1 Oct 2025 · Hi" in document.text


def test_an_empty_sender_header_does_not_hide_a_later_one(tmp_path: Path) -> None:
    """A message with no From header whose first "Sender:" is empty is headed by the later
    "Sender: Carl" (only the first was looked at: no sender, the mailbox refused as holding
    no e-mail)."""
    raw = (
        b"From - Wed Oct 01 15:00:00 2025\nSender:\nSender: Carl <c@x.org>\nSubject: Venue\n"
        b"Date: Wed, 01 Oct 2025 15:00:00 +0000\n\nThe venue is room B12.\n"
    )
    document = read(tmp_path, raw, "sent.mbox")
    assert "## Carl · 1 Oct 2025 · Venue" in document.text
    assert "The venue is room B12." in document.text


def test_a_sender_folded_onto_the_next_line_is_read_whole(tmp_path: Path) -> None:
    """A message with no From header whose Sender sits wholly on the line folded under
    "Sender:" is headed by it (the folded line was passed over: the Sender read empty)."""
    raw = (
        b"From - Wed Oct 01 15:00:00 2025\nSubject: Venue\nSender:\n Ann Lee\n <a@x.org>\n"
        b"Date: Wed, 01 Oct 2025 15:00:00 +0000\n\nThe venue is room B12.\n"
    )
    document = read(tmp_path, raw, "sent.mbox")
    assert "## Ann Lee · 1 Oct 2025 · Venue" in document.text
    assert "The venue is room B12." in document.text
