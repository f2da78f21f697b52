"""A real index build that stalls at a chosen point, for tests to kill or interrupt it there.

    python killable_build.py MODE STAGE CORPUS INDEX MARKER

MODE is `api` (citeqa.api.build_index, --rebuild) or `cli` (`citeqa index --rebuild` through
the console-script entry point). STAGE is `embed` (stall inside the embedder), `write`
(stall while the temporary build folder is half written), `leftovers` (the folder claimed and
locked, before the build's temporary folder), `cleanup` (as `embed`, then MARKER.cleanup is
made and the interrupted build's cleanup waits for the test), `settings` (`cli` only: before the
build), `published` (`current` switched to the new build, while the build writes its report) or
`returned` (`cli` only: build_index has returned, before the command goes on).
When the build reaches STAGE it creates the file MARKER and waits there for the test's signal,
with no time limit: it reads its stdin, a pipe the test holds open, until a signal interrupts
the read (or the test closes the pipe). A slow machine cannot move the signal past the stall
point (a timed sleep, once over, let the build go on). The `cleanup` stage's second wait ends
when the test closes the pipe, after its second Ctrl-C.

The "fake" channel of tests/conftest.py is registered, with a stalling subclass in its place.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
from pathlib import Path


def _wait_for_the_test() -> None:
    """Block until a signal interrupts the wait (its handler raises) or the test closes our
    stdin."""
    os.read(sys.stdin.fileno(), 1)


def _stall(marker: Path) -> None:
    marker.write_text(str(os.getpid()))
    _wait_for_the_test()
    sys.exit("killable_build: stdin closed at the stall point, with no signal")


def main() -> int:
    mode, stage, corpus, index, marker_name = sys.argv[1:6]
    marker = Path(marker_name)
    # A process started from a test runner may have inherited an ignored SIGINT; a person at
    # a terminal has Python's default handler, which is what we test.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    spec = importlib.util.spec_from_file_location(
        "citeqa_test_fakes", Path(__file__).resolve().parents[1] / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    fakes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fakes)

    from citeqa.embedding import register_embedder
    from citeqa.vectorspool import VectorSpool

    class StallingFake(fakes.FakeEmbedder):  # type: ignore[name-defined,misc]
        def embed_batch(self, texts):  # type: ignore[no-untyped-def]
            if stage in ("embed", "cleanup"):
                _stall(marker)
            return super().embed_batch(texts)

    register_embedder("fake", StallingFake)
    if stage == "leftovers":  # claimed and locked, before the build's own handler
        from citeqa import indexing

        remove_leftovers = indexing.remove_leftovers

        def stalling_remove_leftovers(*args, **kwargs):  # type: ignore[no-untyped-def]
            _stall(marker)
            return remove_leftovers(*args, **kwargs)

        indexing.remove_leftovers = stalling_remove_leftovers
    if stage == "settings":  # `citeqa index` before the build began
        from citeqa.cli import index_cmds

        settings_for = index_cmds.settings_for

        def stalling_settings_for(*args, **kwargs):  # type: ignore[no-untyped-def]
            _stall(marker)
            return settings_for(*args, **kwargs)

        index_cmds.settings_for = stalling_settings_for
    if stage == "cleanup":  # stall in embedding, then again in the interrupted build's cleanup
        from citeqa import indexing

        discard = indexing.discard

        def slow_discard(*args, **kwargs):  # type: ignore[no-untyped-def]
            Path(f"{marker}.cleanup").write_text(str(os.getpid()))
            _wait_for_the_test()  # a second Ctrl-C lands here, then the test closes stdin
            return discard(*args, **kwargs)

        indexing.discard = slow_discard
    if stage == "published":  # `current` points to the new build: the rest of the build
        from citeqa import indexing

        built_report = indexing._report

        def stalling_report(*args, **kwargs):  # type: ignore[no-untyped-def]
            _stall(marker)
            return built_report(*args, **kwargs)

        indexing._report = stalling_report
    if stage == "returned":  # `citeqa index` once build_index returned
        from citeqa import api

        build = api.build_index

        def stalling_build(*args, **kwargs):  # type: ignore[no-untyped-def]
            done = build(*args, **kwargs)
            _stall(marker)
            return done

        api.build_index = stalling_build
    if stage == "write":
        write_faiss = VectorSpool.save_faiss

        def stalling_write_faiss(*args, **kwargs):  # type: ignore[no-untyped-def]
            kind = write_faiss(*args, **kwargs)
            _stall(marker)
            return kind

        VectorSpool.save_faiss = stalling_write_faiss  # type: ignore[method-assign]

    if mode == "api":
        from citeqa.api import build_index
        from citeqa.config import Settings

        settings = Settings(channels=("fake",), corpus_dir=Path(corpus), index_dir=Path(index))
        build_index(settings, rebuild=True)
        return 0
    os.environ["CITEQA_CHANNELS"] = '["fake"]'
    sys.argv = ["citeqa", "index", "--corpus", corpus, "--index", index, "--rebuild"]
    from citeqa.cli import main as cli_main

    cli_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
