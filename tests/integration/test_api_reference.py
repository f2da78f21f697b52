"""An API reference built by Sphinx answers questions on a parameter from that parameter's
line, a default from the signature rather than a tutorial's example call, and an environment
variable with its name (s22 trial: API parameter questions right 1 in 9)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

REFERENCE = """<html><head><title>hydro.flow &mdash; hydro 2.4 documentation</title></head>
<body><section class="wy-nav-content-wrap"><div role="main">
<h1>hydro.flow<a class="headerlink" href="#module-hydro.flow">&para;</a></h1>
<p>Flow analysis: leaks, bursts and balances.</p>
<dl class="py function"><dt>hydro.flow.detect_leaks(readings, window=96, threshold=0.18)<a
class="headerlink" href="#hydro.flow.detect_leaks">&para;</a></dt>
<dd><p>Find periods where night flow stays above its baseline.</p>
<dl class="field-list"><dt>Parameters<span>:</span></dt><dd><ul>
<li><p><strong>readings</strong> (<em>list</em>) &#8211; Flow readings, evenly spaced.</p></li>
<li><p><strong>window</strong> (<em>int</em>) &#8211; Readings in the rolling baseline.</p></li>
<li><p><strong>threshold</strong> (<em>float</em>) &#8211; Fraction by which night flow must
exceed the baseline to count as a leak.</p></li></ul></dd>
<dt>Raises<span>:</span></dt><dd><ul><li><p><strong>ValueError</strong> &#8211; if window is
smaller than 8.</p></li></ul></dd></dl></dd></dl>
<h2>Environment variables</h2>
<dl><dt><code>HYDRO_TOKEN</code></dt><dd><p>The API token sent with each request.</p></dd>
<dt><code>HYDRO_CACHE_DIR</code></dt><dd><p>Overrides the cache folder of readings.</p></dd></dl>
</div><footer>Built with <a href="https://www.sphinx-doc.org/">Sphinx</a> using a theme
provided by <a href="https://readthedocs.org">Read the Docs</a>.</footer></section></body></html>
"""
TUTORIAL = """# Tutorial: detecting leaks

Read a week of readings, then look for leaks at night with a higher threshold:

    events = detect_leaks(readings, window=96, threshold=0.25)

Each event has a start, an end and the litres lost.
"""
CLIENT = """# hydro.client

## fetch_readings(url, retries=3)

Fetch the readings of one sensor.

retries – How many times a failed request is retried.
"""
CHANGELOG = """# Changelog

## 2.4.0

Added the threshold parameter of detect_leaks. Dropped support for Python 3.9.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "flow.html": REFERENCE,
        "tutorial.md": TUTORIAL,
        "changelog.md": CHANGELOG,
        "client.md": CLIENT,
    }
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"))


def test_a_parameter_is_answered_by_its_own_line(assistant: Assistant) -> None:
    answer = assistant.ask("What does the threshold parameter of detect_leaks do?")
    assert not answer.abstained
    assert answer.citations[0].quote.startswith("threshold (float) – Fraction by which")


def test_an_exception_is_answered_by_its_raises_line(assistant: Assistant) -> None:
    answer = assistant.ask("When does detect_leaks raise ValueError?")
    assert not answer.abstained
    assert "smaller than 8" in answer.citations[0].quote


def test_a_default_is_the_signature_s_and_no_example_call_disagrees(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("What is the default threshold of detect_leaks?")
    assert not answer.abstained
    assert "threshold=0.18" in answer.citations[0].quote
    assert not any("0.25" in citation.quote for citation in answer.citations)


def test_a_variable_is_quoted_with_its_name_and_no_chrome(assistant: Assistant) -> None:
    answer = assistant.ask("HYDRO_CACHE_DIR")
    assert not answer.abstained
    assert "HYDRO_CACHE_DIR: Overrides the cache folder of readings." in answer.citations[0].quote
    shown = " ".join(passage.text for passage in answer.passages)
    assert "¶" not in shown and "Read the Docs" not in shown


def test_a_parameter_of_another_function_is_a_near_miss(assistant: Assistant) -> None:
    answer = assistant.ask("What does the retries parameter of detect_leaks do?")
    assert answer.abstained
    assert "retries" in answer.answer and "detect_leaks" in answer.answer
