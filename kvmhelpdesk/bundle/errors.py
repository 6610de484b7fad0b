"""What reading a support bundle raises: one-line errors a CLI prints and a GUI shows as is."""

from __future__ import annotations


class BundleError(ValueError):
    """The input is not a readable supportconfig (missing, damaged, hostile, foreign).

    The message is one line naming the input and, for a cap, the cap. Nothing else is raised
    by `read_bundle` for any input.
    """


class BundleCancelled(BundleError):
    """The caller's `cancelled()` said stop; nothing was kept and nothing was written."""

    def __init__(self, message: str = "reading the support bundle was cancelled") -> None:
        super().__init__(message)
