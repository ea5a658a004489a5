"""``python -m evaluatie``: the command line (:mod:`evaluatie.cli`)."""

from evaluatie.cli import main

main()
