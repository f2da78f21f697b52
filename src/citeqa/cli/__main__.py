"""`python -m citeqa.cli` runs the command line, like the `citeqa` script."""

from citeqa.cli import main

main()
