"""citeqa's Textual chat interface: a thin shell over `citeqa.api`.

Only this package and `citeqa.cli.chat_cmd` import Textual. The app (`citeqa.tui.app.CiteqaApp`)
takes an assistant factory, so tests run it against a fake assistant and never load models.
"""
