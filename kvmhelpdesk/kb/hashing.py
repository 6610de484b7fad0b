"""SHA-256 for content hashes, without `hashlib`'s start-up cost.

`import hashlib` loads OpenSSL (some 6 ms, on the path to the first window) although content
hashing needs nothing but SHA-256; CPython's own implementation (`_sha256`, `_sha2` from
Python 3.12) gives the same digests. Any other Python falls back to hashlib.
"""

from __future__ import annotations

try:
    from _sha2 import sha256  # type: ignore[import-not-found]  # CPython 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef]  # CPython 3.11
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]

__all__ = ["sha256"]
