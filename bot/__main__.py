"""`python -m bot` does what the `bounceback` command does."""

import sys

from bot.cli import main

sys.exit(main())
