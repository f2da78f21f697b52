"""Owns the installed versions of the packages a build depends on: the manifest records them
(indexing, through `library_versions`) and doctally's tally recipe names PyStemmer's
(`library_version`). Standard library only, so reading a version loads nothing else of citeqa.
"""

from __future__ import annotations

from importlib import metadata

LIBRARIES = ("citeqa", "faiss-cpu", "bm25s", "PyStemmer", "numpy", "sentence-transformers")
"""The packages whose versions a manifest records (`library_versions`)."""


def library_versions() -> dict[str, str]:
    """The installed version of each of LIBRARIES (those installed), for the manifest."""
    versions = {name: library_version(name) for name in LIBRARIES}
    return {name: version for name, version in versions.items() if version is not None}


def library_version(name: str) -> str | None:
    """The installed version of the package `name`; None when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
