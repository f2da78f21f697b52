"""A help-center page's chrome inside its <main>: headings, link lists, widgets, the site's name
in its <title> (readers/html.py, readers/htmlchrome.py; s20 trial, failures 1 and 2)."""

from __future__ import annotations

import pytest

from citeqa.readers.html import html_visible_text, page_title

ARTICLE = """<html><head><title>How do I reset my password? – Acme Help Center</title></head>
<body><div class="cookie-banner">We use cookies. <a href="/c">Cookie settings</a>
<button>Accept all</button></div>
<main><article><h1>How do I reset my password?</h1>
<p>The reset link is valid for 30 minutes.</p>
<h2>Steps</h2><ol><li>Open the <a href="/login">sign-in page</a>.</li><li>Click Reset.</li></ol>
</article>
<section class="votes"><p>Was this article helpful?</p><button>Yes</button><button>No</button>
<p>12 out of 15 found this helpful</p></section>
<section class="related"><h2>Related articles</h2><ul>
<li><a href="/a">How do I change my plan?</a></li>
<li><a href="/b">Connecting Acme to Slack</a></li></ul></section>
</main></body></html>"""


def test_an_articles_headings_are_markdown_and_its_chrome_is_left_out() -> None:
    text, title = html_visible_text(ARTICLE)
    assert text == (
        "# How do I reset my password?\n\nThe reset link is valid for 30 minutes.\n\n"
        "## Steps\n\n1. Open the sign-in page.\n2. Click Reset."  # an <ol>: numbered
    )
    assert title == "How do I reset my password?"


def test_a_french_votes_widget_is_left_out() -> None:
    page = (
        "<main><h1>TVA</h1><p>Le numéro se saisit dans Paramètres.</p>"
        "<section><p>Cet article vous a-t-il été utile ?</p><button>Oui</button>"
        "<button>Non</button><p>12 sur 15 l’ont trouvé utile</p></section></main>"
    )
    text, _ = html_visible_text(page)
    assert text == "# TVA\n\nLe numéro se saisit dans Paramètres."


def test_a_list_item_with_words_outside_its_link_is_prose_and_stays() -> None:
    page = (
        "<h1>Tools</h1><p>What we use every day in the lab.</p>"
        '<h2>See also</h2><ul><li><a href="/e">Ensembl</a> – the genome browser</li>'
        '<li><a href="/n">NCBI</a></li></ul>'
    )
    text, _ = html_visible_text(page)
    assert text.endswith("## See also\n\nEnsembl – the genome browser\nNCBI")


def test_a_page_of_links_keeps_them() -> None:
    page = (
        '<div class="banner">We use cookies. <button>OK</button></div><main><h1>Useful links</h1>'
        '<ul><li><a href="/e">ENA</a></li><li><a href="/f">FungiDB</a></li></ul></main>'
    )
    text, _ = html_visible_text(page)
    assert text == "# Useful links\n\nENA\nFungiDB"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            '<div class="code"><button>Copy</button><pre>pip install acme</pre></div>',
            "Copy\n\npip install acme",
            id="a-button-beside-a-code-sample-is-content",
        ),
        pytest.param(
            "<p>Click <button>Save</button> to keep your changes.</p>",
            "Click Save to keep your changes.",
            id="a-button-in-a-paragraph-is-prose",
        ),
        pytest.param(
            "<div>" + "word " * 41 + "<button>Yes</button><button>No</button></div>",
            "word " * 41 + "Yes No",
            id="a-long-block-with-buttons-is-content-its-buttons-a-space-apart",
        ),
        pytest.param(
            "<div class=card><p>The office is open from 9:00 to 17:00, Monday to Friday.</p>"
            "<button>Share</button></div>",
            "The office is open from 9:00 to 17:00, Monday to Friday.\n\nShare",
            id="a-short-statement-with-a-share-button-is-content",
        ),
        pytest.param(
            "<div>Opening hours: nine to five on weekdays, ten to two on Saturdays, closed on"
            " Sundays and on bank holidays <button>Print</button></div>",
            "Opening hours: nine to five on weekdays, ten to two on Saturdays, closed on"
            " Sundays and on bank holidays Print",
            id="a-block-saying-more-than-a-widget-is-content",
        ),
        pytest.param(
            '<h1>FAQ</h1><div class="faq-item"><button>Can I cancel my subscription?</button>'
            '<div class="panel"><p>Yes, you can cancel at any time</p></div></div>',
            "# FAQ\n\nCan I cancel my subscription?\n\nYes, you can cancel at any time",
            id="an-faq-accordions-question-and-answer-are-content",
        ),
        pytest.param(
            '<div class="cookie-banner">We use cookies to improve your experience. '
            '<a href="/c">Cookie settings</a> <button>Accept all</button></div>',
            "We use cookies to improve your experience. Cookie settings Accept all",
            id="a-page-that-is-all-chrome-is-read-whole",
        ),
        pytest.param(
            '<p>Intro.</p><ul><li><a href="/a">Only one link</a></li></ul>',
            "Intro.\n\nOnly one link",
            id="one-link-alone-is-no-link-list",
        ),
    ],
)
def test_what_stays_of_a_pages_blocks(page: str, expected: str) -> None:
    text, _ = html_visible_text(page)
    assert text == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "<p>Chat tools we connect to.</p><h2>Supported chat tools</h2><ul>"
            '<li><a href="/s">Slack</a></li><li><a href="/t">Microsoft Teams</a></li></ul>',
            "Chat tools we connect to.\n\n## Supported chat tools\n\nSlack\nMicrosoft Teams",
            id="a-link-list-answering-stays",
        ),
        pytest.param(
            "<p>Body text of the page.</p><h2>See also</h2><ul>"
            '<li><a href="/s">Slack</a></li><li><a href="/t">Teams</a></li></ul>',
            "Body text of the page.",
            id="under-a-see-also-heading-it-goes",
        ),
        pytest.param(
            '<p>Body text of the page.</p><div class="sidebar-menu"><ul>'
            '<li><a href="/s">Slack</a></li><li><a href="/t">Teams</a></li></ul></div>',
            "Body text of the page.",
            id="in-a-block-classed-as-a-menu-it-goes",
        ),
        pytest.param(
            '<p>Corps de la page.</p><h2>Voir aussi</h2><ul><li><a href="/a">Tarifs</a></li>'
            '<li><a href="/b">Factures</a></li></ul>',
            "Corps de la page.",
            id="sous-voir-aussi-elle-part",
        ),
    ],
)
def test_a_link_list_is_left_out_only_when_named_navigation(page: str, expected: str) -> None:
    text, _ = html_visible_text(page)
    assert text == expected


@pytest.mark.parametrize(
    ("title", "heading", "expected"),
    [
        ("Reset your password – Acme Help", "Reset your password", "Reset your password"),
        ("Acme Wiki | Useful links", "Useful links", "Useful links"),
        ("Useful links - Lab Wiki", "Useful links", "Useful links"),
        ("Useful linkage", "Useful links", "Useful linkage"),
        ("Useful links and more", "Useful links", "Useful links and more"),
        ("Acme docs", "", "Acme docs"),
        ("Results", "Results", "Results"),
        (  # a subtitle, no site's name (s20 review)
            "Python 3.12: What's new in the standard library",
            "Python 3.12",
            "Python 3.12: What's new in the standard library",
        ),
        ("Python 3.12 – Python 3.12 documentation", "Python 3.12", "Python 3.12"),
        ("File formats – Acme Wiki", "\ufb01le formats", "File formats – Acme Wiki"),
        ("\ufb01le formats – Acme Wiki", "\ufb01le formats", "\ufb01le formats"),
    ],
)
def test_a_titles_site_name_is_dropped_when_the_rest_is_the_pages_heading(
    title: str, heading: str, expected: str
) -> None:
    assert page_title(title, heading) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "<div><span>Our office is open 9-17 on weekdays.</span><button>Share</button></div>",
            "Our office is open 9-17 on weekdays. Share",
            id="a-sentence-in-a-span-beside-a-button",
        ),
        pytest.param(
            "<div><p>Notre bureau est ouvert de 9 h à 17 h en semaine.<button>Partager</button>"
            "</div>",
            "Notre bureau est ouvert de 9 h à 17 h en semaine. Partager",
            id="une-phrase-dans-un-p-jamais-ferme",
        ),
        pytest.param(
            "<div>Price: 25 EUR <button>Add to cart</button></div>",
            "Price: 25 EUR Add to cart",
            id="a-short-fact-with-no-full-stop",
        ),
        pytest.param(
            "<div>Prix : 25 EUR <button>Ajouter au panier</button></div>",
            "Prix : 25 EUR Ajouter au panier",
            id="un-fait-court-sans-point",
        ),
        pytest.param(
            "<div><p>To share this document, click Share.</p><button>Share</button></div>",
            "To share this document, click Share.\n\nShare",
            id="a-chrome-word-in-a-statement-of-its-own-is-no-chrome-phrase",
        ),
    ],
)
def test_a_block_saying_something_beside_a_button_stays(page: str, expected: str) -> None:
    """s20 review: these were widgets (a statement was only seen in a closed `<p>`)."""
    text, _ = html_visible_text("<h1>Contact</h1>" + page)
    assert text == "# Contact\n\n" + expected


@pytest.mark.parametrize(
    "chrome",
    [
        '<div class="banner">We use cookies to improve your experience. '
        '<a href="/c">Cookie settings</a> <button>Accept</button><button>Reject</button></div>',
        "<div><span>Nous utilisons des cookies pour améliorer votre expérience.</span>"
        "<button>Accepter</button><button>Refuser</button></div>",
        "<form><span>Subscribe to our newsletter for product news.</span><input type=email>"
        "<button>Subscribe</button></form>",
        "<form>Abonnez-vous à notre newsletter. <input type=email>"
        "<button>S'abonner</button></form>",
        # worded otherwise (s21 review)
        "<form>Get the latest product news in your inbox every week. <input type=email>"
        "<button>Subscribe</button></form>",
        "<form>Recevez nos actualités chaque semaine dans votre boîte mail. "
        "<button>S'abonner</button></form>",
        "<div>Did you find this article useful? <button>Yes</button><button>No</button></div>",
        "<div>Cet article vous a-t-il aidé ? <button>Oui</button><button>Non</button></div>",
        "<div>En poursuivant votre navigation, vous acceptez l'utilisation de traceurs. "
        "<button>OK</button></div>",
        "<div>By continuing to browse, you agree to our use of trackers. <button>OK</button></div>",
        "<div>Need more help? <button>Contact support</button></div>",
        "<div>Besoin de plus d'aide ? <button>Contacter le support</button></div>",
        "<div><p>Was this page helpful?</p><button>Yes</button><button>No</button></div>",
        "<div>Share this article: <button>Email</button><button>Copy link</button></div>",
        "<div>Partager cet article : <button>E-mail</button><button>Copier le lien</button></div>",
        '<div><a href="/p">Print</a> <button>Share</button></div>',
    ],
)
def test_a_chrome_block_with_buttons_goes_even_stating_a_sentence(chrome: str) -> None:
    """The language data's `chrome_phrases`, in either language, outside a closed `<p>`
    statement (one is the page's: see the test below); a block of nothing but buttons and
    links is chrome too."""
    page = f"<main><h1>Hours</h1><p>Open 9-17 on weekdays.</p>{chrome}</main>"
    text, _ = html_visible_text(page)
    assert text == "# Hours\n\nOpen 9-17 on weekdays."


@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("Lunch menu", True),
        ("Drugs related to warfarin", True),
        ("Menu du midi", True),
        ("Médicaments liés à la warfarine", True),
        ("Related articles", False),
        ("See also:", False),
        ("Articles connexes", False),
        ("Sommaire", False),
        # opening with a navigation heading of two words or more; Zendesk's (s21 review)
        ("Related articles in Billing", False),
        ("Articles in this section", False),
        ("Recently viewed articles", False),
        ("Articles connexes dans Facturation", False),
        ("Contents of the kit", True),
        ("On this page you can pay online", True),  # s21 review: no linking word next
        ("See also the warranty terms below", True),
    ],
)
def test_a_heading_names_navigation_only_when_it_is_a_navigation_heading_whole(
    heading: str, kept: bool
) -> None:
    """s20 review: "menu" or "related" anywhere in a heading made the list under it navigation."""
    page = (
        f"<p>Body of the page.</p><h2>{heading}</h2><ul>"
        '<li><a href="/a">Aspirin</a></li><li><a href="/h">Heparin</a></li></ul>'
    )
    text, _ = html_visible_text(page)
    listed = f"Body of the page.\n\n## {heading}\n\nAspirin\nHeparin"
    assert text == (listed if kept else "Body of the page.")


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        pytest.param(
            "<div><button>How do I change my cookie preferences?</button>"
            "<div>Open Cookie settings at the bottom of any page and untick Analytics.</div></div>",
            "How do I change my cookie preferences?\n\n"
            "Open Cookie settings at the bottom of any page and untick Analytics.",
            id="an-faq-item-about-cookies",
        ),
        pytest.param(
            "<div><button>Comment gérer les cookies ?</button>"
            "<div>Ouvrez Paramètres des cookies en bas de page.</div></div>",
            "Comment gérer les cookies ?\n\nOuvrez Paramètres des cookies en bas de page.",
            id="une-question-de-faq-sur-les-cookies",
        ),
        pytest.param(
            "<div><p>The mobile app does not use cookies; it stores your language only.</p>"
            "<button>Change language</button></div>",
            "The mobile app does not use cookies; it stores your language only.\n\nChange language",
            id="a-closed-statement-holding-a-chrome-phrase",
        ),
        pytest.param(
            "<div><p>We need your consent before we process health data.</p>"
            "<button>Open settings</button></div>",
            "We need your consent before we process health data.\n\nOpen settings",
            id="a-statement-about-consent",
        ),
        pytest.param(
            "<div>Files you share on Drive stay private until you add people. "
            "<button>Open Drive</button></div>",
            "Files you share on Drive stay private until you add people. Open Drive",
            id="sharing-on-a-service-is-no-share-bar",
        ),
        pytest.param(
            "<div>Vous pouvez partager sur Teams un dossier entier. <button>Ouvrir</button></div>",
            "Vous pouvez partager sur Teams un dossier entier. Ouvrir",
            id="partager-sur-un-service",
        ),
    ],
)
def test_a_statement_beside_a_button_stays_whatever_chrome_phrase_it_holds(
    block: str, expected: str
) -> None:
    """s21 review: the phrase test came before the statement test, and "share on", "your
    consent" were phrases a help page's own sentence holds."""
    text, _ = html_visible_text(f"<main><h1>Privacy</h1>{block}</main>")
    assert text == "# Privacy\n\n" + expected


@pytest.mark.parametrize(
    "banner",
    [
        '<div class="cookie-banner"><p>We use cookies to improve your experience.</p>'
        "<button>Accept all</button><button>Reject</button></div>",
        "<div><p>Nous utilisons des cookies pour mesurer l'audience.</p>"
        "<button>Tout accepter</button><button>Continuer sans accepter</button></div>",
        "<section><p>By continuing to browse, you agree to our use of cookies.</p>"
        "<button>OK</button></section>",
    ],
)
def test_a_cookie_banner_stating_its_message_in_a_closed_p_goes(banner: str) -> None:
    """s21 review: its closed `<p>` made the banner a statement, kept; every button of it is a
    consent control (`consent_controls`), so the sentence is the banner's message."""
    page = f"<main><h1>Hours</h1><p>Open 9-17 on weekdays.</p>{banner}</main>"
    assert html_visible_text(page)[0] == "# Hours\n\nOpen 9-17 on weekdays."


def test_a_chrome_sentence_beside_other_text_or_another_button_stays() -> None:
    kept = (
        "<div><p>We use cookies to improve your experience.</p>"
        "<p>Our office is open 9-17.</p><button>OK</button></div>"
    )
    text, _ = html_visible_text(f"<main><h1>Hours</h1>{kept}</main>")
    assert "Our office is open 9-17." in text


EXPORT_INDEX = """<html><head><title>Orbit Notifications</title></head><body>
<h2>Space Details:</h2><table><tr><th>Key</th><td>ORB</td></tr>
<tr><th>Created by</th><td>Ada Lovelace</td></tr></table>
<h2>Available Pages:</h2><ul>
<li><a href="Deploy-procedure_1.html">Deploy procedure</a></li>
<li><a href="Post-mortem-Email-outage_2.html">Post-mortem 2026-05-19 Email delivery outage</a></li>
<li><a href="Service-level-objectives_3.html">Service level objectives</a></li>
<li><a href="sub/Runbook_4.html">Runbook: Queue backlog</a></li></ul></body></html>"""


def test_an_exports_page_tree_that_is_most_of_the_page_is_left_out() -> None:
    text, _ = html_visible_text(EXPORT_INDEX)
    assert "Created by\tAda Lovelace" in text
    assert "Email delivery outage" not in text
    assert "Available Pages" not in text


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            "<h1>Pages</h1><ul><li><a href='a.html'>Alpha page</a></li>"
            "<li><a href='b.html'>Beta page</a></li><li><a href='c.html'>Gamma page</a></li></ul>",
            id="a-page-that-is-only-its-tree",
        ),
        pytest.param(
            "<p>Our service sends notifications to the chat tools our customers already use, "
            "and each tool has its own set-up page with the steps and the limits.</p>"
            "<ul><li><a href='a.html'>Alpha page</a></li>"
            "<li><a href='b.html'>Beta page</a></li><li><a href='c.html'>Gamma page</a></li></ul>",
            id="a-tree-that-is-a-small-part-of-the-page",
        ),
        pytest.param(
            "<p>Links.</p><ul><li><a href='https://x.org/a'>Alpha page</a></li>"
            "<li><a href='https://x.org/b'>Beta page</a></li>"
            "<li><a href='https://x.org/c'>Gamma page</a></li></ul>",
            id="links-to-other-sites",
        ),
    ],
)
def test_a_page_tree_stays_when_it_is_the_page_or_a_small_part(page: str) -> None:
    text, _ = html_visible_text(page)
    assert "Alpha page\nBeta page\nGamma page" in text
