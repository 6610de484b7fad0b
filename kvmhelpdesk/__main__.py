"""`python -m kvmhelpdesk`: the same front door as the console script."""

import sys

from kvmhelpdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
