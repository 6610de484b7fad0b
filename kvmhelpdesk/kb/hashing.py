"""SHA-256 (content hashes) and SHA-1 (short ids), without `hashlib`'s start-up cost.

`import hashlib` loads OpenSSL (some 6 ms, on the path to the first window and to every CLI
verdict) although these few hashes need nothing else; CPython's own implementations
(`_sha256`, `_sha1`; `_sha2` from Python 3.12) give the same digests. Any other Python falls
back to hashlib.
"""

from __future__ import annotations

try:
    from _sha2 import sha256  # type: ignore[import-not-found]  # CPython 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef]  # CPython 3.11
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]
try:
    from _sha1 import sha1  # type: ignore[import-not-found]
except ImportError:
    from hashlib import sha1  # type: ignore[assignment]

__all__ = ["sha1", "sha256"]
