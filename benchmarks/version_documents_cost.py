"""Print what finding the documents of the asked file-name version costs
(version_documents.version_documents_read, once a question asking a version) over a paper
of 30 and of --versions versions ("facture_v1" … "facture_v2000", all titled "Facture"),
when the passages retrieved (the first --retrieved versions' from the last) hold the asked
version and when they do not (its documents are then looked for among all the corpus's:
version_documents._unretrieved_versions; s33 hostile probe: of 2,000, "facture v500" was
never read). Milliseconds per question, the median of --rounds runs, and each size's ratio to
30 versions'. Not a test; run it by hand, with PYTHONPATH on each tree to compare:

    python benchmarks/version_documents_cost.py [--versions 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.chunking import chunk_document
from citeqa.models import Document, Hit
from citeqa.sentences import SentenceBank
from citeqa.version_documents import version_documents_read


def bank_of(versions: int) -> SentenceBank:
    """A bank of `versions` one-passage documents "facture_v1" …, no sentence scored."""
    documents, chunks = {}, []
    for number in range(1, versions + 1):
        doc_id = f"factures/facture_v{number}"
        text = f"Facture\n\nLe montant total de la facture est de {number * 10} euros.\n"
        documents[doc_id] = Document(
            doc_id=doc_id, title="Facture", path=f"/{doc_id}.txt", text=text, sha256="0"
        )
        chunks += chunk_document(documents[doc_id])
    return SentenceBank(documents, chunks, [], None, [])


def retrieved(bank: SentenceBank, count: int) -> list[Hit]:
    """Hits on the passages of the last `count` documents, best first."""
    last = len(bank.chunks) - count
    return [
        Hit(chunk=bank.chunks[number], chunk_index=number, score=1.0 - rank / 100)
        for rank, number in enumerate(reversed(range(last, len(bank.chunks))))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=2000)
    parser.add_argument("--retrieved", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base: dict[str, float] = {}
    for versions in (30, args.versions):
        bank = bank_of(versions)
        top = retrieved(bank, args.retrieved)
        for name, asked in (("retrieved", versions), ("not retrieved", versions // 4)):
            question = f"Quel est le montant de la facture v{asked} ?"
            work = partial(version_documents_read, top, bank, question)
            seconds = median_seconds(work, args.rounds)
            found = sorted(work())
            ratio = seconds / base[name] if name in base else 1.0
            base.setdefault(name, seconds)
            print(
                f"{versions} versions, asked one {name}: {seconds * 1000:.2f} ms"
                f" (x{ratio:.1f} of 30's; read: {found[:3]})"
            )


if __name__ == "__main__":
    main()
