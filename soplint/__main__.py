"""`python -m soplint`."""

import sys

from soplint.cli import main

sys.exit(main())
