"""`python -m reviewer.apps.cli ...`: the same as `reviewer ...`."""

from reviewer.apps.cli import main

main()
