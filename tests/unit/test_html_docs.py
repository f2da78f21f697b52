"""A documentation site's furniture is left out of its pages and a definition list's short
term is read with its description (readers/htmldocs.py; s22 trial: a Sphinx site quoted "¶",
its theme's credit, its general index, and an environment variable's description without the
variable's name)."""

from __future__ import annotations

from citeqa.readers.html import HtmlReader, html_visible_text

RTD_PAGE = """<html><head><title>hydro.flow &mdash; hydro 2.4 documentation</title>
<link rel="search" title="Search" href="../search.html" /></head><body>
<nav class="wy-nav-side"><a href="../index.html">hydro</a></nav>
<section class="wy-nav-content-wrap"><div role="main">
<h1>hydro.flow<a class="headerlink" href="#module-hydro.flow">&para;</a></h1>
<dl class="py function"><dt>hydro.flow.detect_leaks(readings, window=96)<a class="headerlink"
href="#hydro.flow.detect_leaks">&para;</a></dt>
<dd><p>Find periods where night flow stays above its baseline.</p>
<dl class="field-list"><dt>Parameters<span>:</span></dt><dd><ul>
<li><p><strong>window</strong> (<em>int</em>) &#8211; Readings in the rolling baseline.</p></li>
</ul></dd><dt>Returns<span>:</span></dt><dd><p>Leak events, in time order.</p></dd></dl>
</dd></dl>
<p>See <a href="#section-2">§ 2</a> and the <a href="#top">#</a>.</p>
</div>
<footer><div role="contentinfo"><p>&copy; Copyright 2025.</p></div>
Built with <a href="https://www.sphinx-doc.org/">Sphinx</a> using a theme provided by
<a href="https://readthedocs.org">Read the Docs</a>.</footer>
</section></body></html>"""


def test_permalink_marks_and_the_theme_credit_are_left_out() -> None:
    text, title = html_visible_text(RTD_PAGE)
    assert "¶" not in text and "# hydro.flow\n" in text
    assert "hydro.flow.detect_leaks(readings, window=96)\n" in text
    assert "Sphinx" not in text and "Read the Docs" not in text
    assert "See § 2 and the #." in text  # a link's mark inside a sentence stays
    assert title == "hydro.flow — hydro 2.4 documentation"


def test_a_short_term_is_read_on_the_line_of_its_description() -> None:
    text, _ = html_visible_text(RTD_PAGE)
    assert "Returns: Leak events, in time order." in text
    assert "Parameters:\n\nwindow (int) – Readings in the rolling baseline." in text
    page = "<dl><dt><code>CACHE_DIR</code></dt><dd><p>Overrides the cache folder.</p></dd>"
    page += "<dt>NRW</dt><dd>Non-revenue water.</dd></dl>"
    assert (
        html_visible_text(page)[0]
        == "CACHE_DIR: Overrides the cache folder.\n\nNRW: Non-revenue water."
    )


def test_a_long_term_or_a_signature_keeps_its_own_line() -> None:
    page = "<dl><dt>parse(text, strict=False)</dt><dd><p>Parse the text.</p></dd>"
    page += "<dt>A term of far more than six words in all</dt><dd><p>Its meaning.</p></dd></dl>"
    text, _ = html_visible_text(page)
    assert "parse(text, strict=False)\n" in text and "in all\n" in text


def test_a_footer_saying_more_than_a_credit_stays() -> None:
    page = "<article><p>Body.</p><footer><p>Written by Lena Hartmann, who reviewed the data, "
    page += "checked the sources and built the figures with Sphinx.</p></footer></article>"
    assert "Lena Hartmann" in html_visible_text(page)[0]
    credit = "<section><p>Body.</p><footer>Built with Sphinx.</footer></section>"
    assert html_visible_text(credit)[0] == "Body."


def test_the_generated_index_and_the_search_page_are_left_out() -> None:
    index = '<h1>Index</h1><div class="genindex-jumpbox"><a href="#A">A</a></div>'
    index += '<table class="indextable genindextable"><tr><td><ul><li><a href="a.html">'
    index += "detect_leaks() (in module hydro.flow)</a></li></ul></td></tr></table>"
    assert html_visible_text(index)[0] == "# Index"
    search = '<html><head><title>Search</title><link rel="search" href="search.html"></head>'
    search += "<body><noscript><p>Please activate JavaScript.</p></noscript>"
    search += "<p>Searching for multiple words only shows matches that contain all words.</p>"
    extracted = HtmlReader().extract(search, "docs/search.html")
    assert extracted.text == "Search"
    other = HtmlReader().extract(search, "docs/faq.html")
    assert "activate" not in other.text and "multiple words" in other.text
