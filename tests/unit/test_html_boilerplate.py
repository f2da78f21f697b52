"""An HTML page's navigation, and its own asides, header and footer are no document text (the
user trial's paper indexed "Home | Journals | Submit" and "Cookie settings"), nor is a
breadcrumb trail; the lines of the page's footer that hold a date are."""

from __future__ import annotations

import pytest

from citeqa.readers.html import TRAIL_MAX, html_visible_text

PAGE = """<html><head><title>Capacity fade</title></head><body>
<header><a href="/">Example Press</a> <span>Sign in</span></header>
<nav>Home | Journals | Submit</nav>
<div role="navigation"><div>Previous article</div> <div>Next article</div></div>
<main><article>
<header><h1>Capacity fade of LFP cells</h1><p>H. Tanaka, E. Rossi</p></header>
<p>Cells charged at 6C kept 72.3% of their capacity.</p>
<footer>Received 2 May 2025</footer>
</article></main>
<aside>Related: sodium cells</aside>
<div role="contentinfo">Terms of use</div>
<footer>&copy; 2025 Example Press. Cookie settings.</footer>
</body></html>"""


def test_the_pages_boilerplate_is_left_out_and_the_articles_header_kept():
    text, title = html_visible_text(PAGE)
    assert text == (
        "# Capacity fade of LFP cells\n\nH. Tanaka, E. Rossi\n\n"
        "Cells charged at 6C kept 72.3% of their capacity.\n\nReceived 2 May 2025"
    )
    assert title == "Capacity fade"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "<body><nav>Home | Journals<p>Cells kept 72.3%.</p></body>",
            "Home | Journals\n\nCells kept 72.3%.",
            id="a-page-whose-navigation-is-never-closed-is-read-whole",
        ),
        pytest.param(
            "<body><header>Opening hours: 9 to 5</header></body>",
            "Opening hours: 9 to 5",
            id="a-page-that-is-all-boilerplate-is-read-whole",
        ),
        pytest.param(
            "<body><nav>Menu</nav><section><header><h2>Results</h2></header>"
            "<p>Fade was 38% lower.</p></section></body>",
            "## Results\n\nFade was 38% lower.",
            id="a-header-inside-a-section-is-the-sections",
        ),
        pytest.param(
            "<body><aside>Related: sodium cells</aside><article><p>Fade was 38% lower.</p>"
            "<aside><h2>Box 1</h2><p>C-rate is current over capacity.</p></aside></article></body>",
            "Fade was 38% lower.\n\n## Box 1\n\nC-rate is current over capacity.",
            id="an-aside-inside-an-article-is-its-text",
        ),
        pytest.param(
            '<body><img role="banner" src="logo.png"><nav>Home | Journals</nav>'
            "<p>Cells kept 72.3%.</p></body>",
            "Cells kept 72.3%.",
            id="a-void-element-with-a-boilerplate-role-leaves-nothing-out",
        ),
    ],
)
def test_what_of_a_page_is_boilerplate(page: str, expected: str) -> None:
    text, _ = html_visible_text(page)
    assert text == expected


CONFLUENCE_PAGE = """<html><head><title>Team Space : Onboarding</title></head><body>
<div id="page"><div id="main" class="aui-page-panel"><div id="main-header">
<div id="breadcrumb-section"><ol id="breadcrumbs"><li class="first"><span>
<a href="index.html">Team Space</a></span></li><li><span><a href="Team-Handbook_98765.html">
Team Handbook</a></span></li></ol></div>
<h1 id="title-heading" class="pagetitle"><span id="title-text">Onboarding</span></h1></div>
<div id="main-content" class="wiki-content group"><p>Keys come from the caretaker.</p></div>
</div></div></body></html>"""


def test_a_confluence_exports_breadcrumb_trail_is_left_out() -> None:
    """A Confluence HTML export names its trail by id (`<ol id="breadcrumbs">`), not class:
    it read "Team Space" and "Team Handbook" over every page (s23)."""
    text, _ = html_visible_text(CONFLUENCE_PAGE)
    assert text == "# Onboarding\n\nKeys come from the caretaker."


WIKI_PAGE = """<html><head><title>Travel - Lab Wiki</title></head><body>
<div class="cookie-banner">This wiki uses cookies. <a href="privacy.html">Privacy policy</a>
<button>Accept all cookies</button> <button>Reject non-essential</button></div>
<nav class="top"><a href="index.html">Home</a> | <a href="safety.html">Safety</a></nav>
<div class="breadcrumbs"><a href="index.html">Lab Wiki</a> &gt; Travel</div>
<main><h1>Travel</h1><p>Meal allowance: <b>55 EUR</b> <i>per day</i> in the EU.</p></main>
<footer><p>Last edited by Lena Hartmann on 7 February 2025. Page views: 1,204.</p>
<p>Lab Wiki · University of Northbrook · <a href="help.html">Wiki help</a></p></footer>
</body></html>"""


def test_inline_elements_keep_the_spaces_between_them_and_the_footers_date_line_stays() -> None:
    """s18 trial: the banner's buttons read "Privacy policyAccept all cookiesReject
    non-essential", and the footer's "Last edited by … on …" was dropped with it. Since s20 the
    banner, a widget of buttons, is left out whole (htmlchrome.py)."""
    text, _ = html_visible_text(WIKI_PAGE)
    assert text == (
        "# Travel\n\nMeal allowance: 55 EUR per day in the EU.\n\n"
        "Last edited by Lena Hartmann on 7 February 2025. Page views: 1,204."
    )


@pytest.mark.parametrize(
    ("footer", "kept"),
    [
        ("<p>Dernière modification le 3 mars 2025 par Claire.</p>", True),
        ("<p>Exported from my notes app on 2026-04-22</p>", False),  # no edit stamp: the app's
        ("<p>Last edited by Lena Hartmann. Page views: 1,204.</p>", False),  # no date
        ("<p>Last modified on 5 March 2026 by the web team</p>", True),  # a byline (s20 review)
        ("<p>Modifié le 5 mars 2026 par l'équipe web</p>", True),
    ],
)
def test_a_footer_line_stays_only_when_it_stamps_the_pages_edit(footer: str, kept: bool) -> None:
    text, _ = html_visible_text(f"<body><p>Body text.</p><footer>{footer}</footer></body>")
    assert (text != "Body text.") == kept


WRAPPED = "<p>Meal allowance: 55 EUR.</p>"


@pytest.mark.parametrize(
    "page",
    [
        f'<body><div class="page has-breadcrumbs">{WRAPPED}</div><p>Desk.</p></body>',
        f'<body><main class="breadcrumb-layout">{WRAPPED}</main><p>Desk.</p></body>',
        f'<body><main class="breadcrumb">{WRAPPED}</main><p>Desk.</p></body>',
        f'<body><section aria-label="Breadcrumbs">{WRAPPED}</section><p>Desk.</p></body>',
    ],
)
def test_a_wrapper_whose_class_only_mentions_breadcrumbs_keeps_its_text(page: str) -> None:
    """s18 review: any class holding "breadcrumb" dropped the element, a page's wrapper too."""
    text, _ = html_visible_text(page)
    assert text == "Meal allowance: 55 EUR.\n\nDesk."


def test_a_trail_named_breadcrumb_by_a_whole_class_word_is_left_out() -> None:
    page = '<body><ol class="nav breadcrumb"><li>Wiki</li><li>Travel</li></ol><p>Body.</p></body>'
    text, _ = html_visible_text(page)
    assert text == "Body."


@pytest.mark.parametrize(
    "page",
    [
        '<body><div class="wrapper"><div class="breadcrumb"><a>Home</a> &gt; Wiki '
        f'<div class="content">{WRAPPED}</div></div><p>Desk.</p></body>',
        f'<body><ul class="breadcrumb"><li><a>Home</a></li><main>{WRAPPED}</main></ul>'
        "<p>Desk.</p></body>",
        '<body><div class="breadcrumbs"><span>Home</span> &gt; <p>Meal allowance: 55 EUR.</p>'
        "<p>Desk.</p></body>",
    ],
)
def test_an_unclosed_breadcrumb_trail_never_takes_the_page_with_it(page: str) -> None:
    """s19 hostile probe: the trail's drop ran to its wrapper's `</div>` (data lost)."""
    text, _ = html_visible_text(page)
    assert text == "Meal allowance: 55 EUR.\n\nDesk."


def test_an_unclosed_trail_over_plain_text_gives_the_text_back() -> None:
    """A trail never closed over text with no content element: past TRAIL_MAX, it is the page's."""
    body = "Freezers are defrosted every six months by the lab manager. " * 8
    text, _ = html_visible_text(
        f'<body><div class="breadcrumb"><a>Home</a> &gt; Wiki <div>{body}</div></div></body>'
    )
    assert len(body.strip()) > TRAIL_MAX and body.strip() in text


@pytest.mark.parametrize(
    "trail",
    [
        '<nav aria-label="breadcrumb"><ol><li><a>Home</a></li><li><img src="x.png"><a>Wiki</a>'
        "</li><li><a>Freezers</a></li></ol></nav>",
        '<div class="breadcrumb"><a>Home</a><div class="sep">&gt;</div><a>Wiki</a><br></div>',
    ],
)
def test_a_trails_icons_and_separators_stay_in_the_trail(trail: str) -> None:
    """s19 review: an <img> or a separator <div> ended the trail, its rest read as the page's."""
    text, _ = html_visible_text(f"<body>{trail}<main>{WRAPPED}</main></body>")
    assert text == "Meal allowance: 55 EUR."
