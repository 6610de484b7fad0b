"""The offline bundle's program: the same front door as the `kvmhelpdesk` console script.

One thing first. The `python` program turns a C or POSIX locale into a UTF-8 one at start
(PEP 538), which the frozen bundle's own loader does not; Qt then finds a locale whose
character set is not UTF-8, warns in four lines on every start, and switches by itself. So
when the locale the environment names is missing or not UTF-8, the bundle sets a UTF-8 one
(the same language with .UTF-8 where installed, else C.UTF-8) before anything starts; a
UTF-8 locale is left exactly as it is.
"""

import locale
import os
import sys
from collections.abc import MutableMapping


def _is_utf8(codeset: str) -> bool:
    return codeset.lower().replace("-", "").replace("_", "") == "utf8"


def _try(name: str) -> bool:
    try:
        locale.setlocale(locale.LC_CTYPE, name)
    except locale.Error:
        return False
    return _is_utf8(locale.nl_langinfo(locale.CODESET))


def use_utf8_locale(environ: MutableMapping[str, str] = os.environ) -> str | None:
    """Set LC_CTYPE (LC_ALL where that is set, as it overrides LC_CTYPE; LC_ALL as well when
    the environment's locale is not installed at all) to a UTF-8 locale when the locale
    from the environment is missing or not UTF-8. Returns what was set, None if nothing."""
    if not sys.platform.startswith("linux"):  # Windows and macOS: no locale to mend
        return None
    try:
        locale.setlocale(locale.LC_ALL, "")
        missing = False
    except locale.Error:  # e.g. LANG=fr_FR.UTF-8 on a system without that locale
        missing = True
    current = locale.setlocale(locale.LC_CTYPE)
    if not missing and _is_utf8(locale.nl_langinfo(locale.CODESET)):
        return None
    language = current.split(".")[0].split("@")[0]
    candidates = [f"{language}.UTF-8"] if language not in ("C", "POSIX", "") else []
    chosen = next((c for c in [*candidates, "C.UTF-8", "C.utf8"] if _try(c)), None)
    if chosen is None:  # no UTF-8 locale installed: nothing better to offer
        return None
    variable = "LC_ALL" if missing or environ.get("LC_ALL") else "LC_CTYPE"
    environ[variable] = chosen
    return chosen


if __name__ == "__main__":
    use_utf8_locale()
    from kvmhelpdesk.cli import main

    sys.exit(main())
