"""What counting the files a build did not read costs (unread.recorded_unread: the file and
doc_id columns of the index's files.jsonl), on a list of many files, against what `status`
already reads of it (FileList.documents) and against one warm question: it is read once per
loaded index, by `status` (the chat's welcome) and by the first abstention saying the documents
never mention a word; an answer never reads it. Not a test; run it by hand:

    python benchmarks/unread_files.py [--files 36612] [--skipped 0.1] [--runs 5]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics

from fake_corpus import median_seconds

from citeqa.filelist import FileList, IndexedFile
from citeqa.unread import recorded_unread


def file_list(files: int, skipped: float) -> bytes:
    """files.jsonl of `files` files, every 1/`skipped`-th a .docx citeqa does not read."""
    every = max(1, round(1 / skipped)) if skipped else files + 1
    entries = []
    for n in range(files):
        unread = n % every == every - 1
        name = f"part-{n // 1000:03d}/report-{n:05d}.{'docx' if unread else 'txt'}"
        entries.append(
            IndexedFile(
                file=name,
                sha256="unsupported" if unread else hashlib.sha256(name.encode()).hexdigest(),
                doc_id=None if unread else f"report-{n:05d}",
                title=f"Report {n:05d}",
                chunks=1,
                lang=["en"],
            )
        )
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        FileList.of(entries).save(Path(folder))
        return (Path(folder) / "files.jsonl").read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=36_612)
    parser.add_argument("--skipped", type=float, default=0.1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import numpy as np

    data = file_list(args.files, args.skipped)
    stamps = np.zeros((args.files, 2), dtype=np.int64)

    def fresh() -> FileList:
        return FileList.parse(data, stamps)

    documents, both, alone = [], [], []
    for _ in range(args.runs):  # alternated in one run: the machine's load moves
        documents.append(median_seconds(lambda: fresh().documents(), 1))
        both.append(
            median_seconds(lambda: (lambda f: (f.documents(), recorded_unread(f)))(fresh()), 1)
        )
        alone.append(median_seconds(lambda: recorded_unread(fresh()), 1))
    before, now = statistics.median(documents), statistics.median(both)
    counted = recorded_unread(fresh())
    print(f"{args.files:,} files, {counted.count:,} not read ({dict(counted.types)})")
    print(f"status's document columns read: {before * 1000:.1f} ms")
    print(f"and the files not read counted (status now): {now * 1000:.1f} ms ({now / before:.2f}x)")
    print(f"counted alone (the first such abstention): {statistics.median(alone) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
