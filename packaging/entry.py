"""The offline bundle's program: the same front door as the `kvmhelpdesk` console script."""

import sys

from kvmhelpdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
