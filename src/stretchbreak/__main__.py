"""Lets `python -m stretchbreak` behave exactly like the `stretchbreak` command."""

import sys

from stretchbreak.cli import main

sys.exit(main())
