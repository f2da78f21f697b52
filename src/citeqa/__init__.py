"""citeqa: sourced answers from a document collection, quoted verbatim and cited to the \
character."""

__version__ = "0.1.0"
