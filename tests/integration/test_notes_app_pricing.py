"""A note-taking app's pricing page and help centre as a customer asks them (s61 trial).

A saving stated as a share by the sentence writing every word of the question's own is the
answer to "how much" (answering._states_asked_share): "How much do I save with annual
billing?" quoted the Free plan's price row, `| Free | $0 | 2 GB | 7 days |`, over "Annual
billing saves 20 % on Plus and Business."
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

PRICING = (
    "# Notely — plans and pricing\n"
    "\n"
    "| Plan | Price per user per month | Storage | Version history |\n"
    "|---|---|---|---|\n"
    "| Free | $0 | 2 GB | 7 days |\n"
    "| Plus | $8 | 100 GB | 90 days |\n"
    "| Business | $15 | 1 TB | unlimited |\n"
    "\n"
    "Annual billing saves 20 % on Plus and Business. Prices exclude VAT.\n"
    "\n"
    "The Free plan is limited to 3 shared notebooks and 5 collaborators per"
    " notebook. Plus and Business have no limits.\n"
    "\n"
    "Business adds single sign-on (SAML), audit logs and priority support with a"
    " first response within 4 business hours.\n"
    "\n"
    "Educational institutions get Business at 50 % off; apply with a school email"
    " address.\n"
)

HELP = (
    "# Help centre\n"
    "\n"
    "## Account\n"
    "\n"
    "**How do I delete my account?**\n"
    "Go to Settings › Account › Delete account. Your notes are kept for 30 days,"
    " then permanently erased.\n"
    "\n"
    "**Can I change my email address?**\n"
    "Yes, in Settings › Account. A confirmation link is sent to the new address.\n"
    "\n"
    "## Billing\n"
    "\n"
    "**When am I charged?**\n"
    "Monthly plans are charged on the same day each month; annual plans once a year"
    " on the anniversary of the subscription.\n"
    "\n"
    "**Can I get a refund?**\n"
    "Annual plans can be refunded within 14 days of payment. Monthly plans are not"
    " refunded.\n"
    "\n"
    "**Which payment methods do you accept?**\n"
    "Visa, Mastercard, American Express and PayPal. Business customers can also pay"
    " by bank transfer.\n"
    "\n"
    "## Data\n"
    "\n"
    "**Where is my data stored?**\n"
    "In data centres in Frankfurt and Dublin. Data is encrypted at rest with"
    " AES-256.\n"
    "\n"
    "**Can I export my notes?**\n"
    "Yes, as Markdown, PDF or HTML, from File › Export. Exports of more than 1 GB"
    " are sent by email as a download link.\n"
    "\n"
    "**Is there an offline mode?**\n"
    "The desktop and mobile apps work offline; changes sync when you reconnect.\n"
)
FILES = {"pricing.md": PRICING, "faq.md": HELP}


@pytest.fixture(scope="module")
def notely(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_saving_stated_as_a_share_answers_how_much(notely: Assistant) -> None:
    quote = first_quote(notely, "How much do I save with annual billing?")
    assert "20 %" in quote, quote


def test_a_plan_price_is_still_its_row(notely: Assistant) -> None:
    quote = first_quote(notely, "How much is the Plus plan?")
    assert "$8" in quote, quote
