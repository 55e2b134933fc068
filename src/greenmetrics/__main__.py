"""`python -m greenmetrics ...` runs the command line, as the `greenmetrics` command does."""

from .cli import main

main()
