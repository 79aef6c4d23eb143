"""Entry point for ``python -m classroom``."""

import sys

from classroom.cli import main

sys.exit(main())
