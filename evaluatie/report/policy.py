"""The Content-Security-Policy of every page the package writes: only the package's own script runs.

A report shows text its users typed (partner names, wave labels, remarks of a persona). Every such text
is escaped where it is written, and the map's script puts text in as text (``textContent``). The policy
is the second line: the browser runs only a script whose SHA-256 hash is listed — the ketenkaart's, as
shipped with the package — and no inline event handler (``onerror=…``), so markup that slipped through
cannot run, neither in a reader's browser nor in Chromium while printing the PDF. Styles may be inline
(the figures and the map colour with ``style``); images, fonts and data come from the page itself.

References
----------
W3C (2023). *Content Security Policy Level 3*, §2.3.1 (hash-source) and §6.7.3 (the ``<meta>`` element).
https://www.w3.org/TR/CSP3/

Example
-------
>>> policy = content_security_policy(["console.log(1)"])
>>> policy.split("; ")[:2]
["default-src 'none'", "script-src 'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='"]
>>> "script-src 'none'" in content_security_policy([])
True
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

__all__ = ["content_security_policy", "meta_tag", "script_hash"]


def script_hash(source: str) -> str:
    """``'sha256-…'``: the CSP hash-source of an inline script with exactly this text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str]) -> str:
    """The policy for a page whose only scripts are ``scripts`` (their exact inline text)."""
    allowed = " ".join(sorted({script_hash(source) for source in scripts})) or "'none'"
    return "; ".join([
        "default-src 'none'", f"script-src {allowed}", "style-src 'unsafe-inline'", "img-src data:",
        "font-src data:", "base-uri 'none'", "form-action 'none'", "object-src 'none'"])


def meta_tag(scripts: list[str]) -> str:
    """The ``<meta http-equiv>`` element of :func:`content_security_policy`, for the top of ``<head>``."""
    return f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(scripts)}">'


#: The ketenkaart's script and style sheet in ``report/templates/``: the one script a page may run.
SCRIPT, STYLE = "ketenkaart.js", "ketenkaart.css"


def script_source() -> str:
    """The map's script exactly as it is inlined (its hash is the one script a report's policy allows)."""
    return resources.files("evaluatie.report").joinpath("templates", SCRIPT).read_text(encoding="utf-8")


def style_source() -> str:
    """The map's style sheet, inlined beside the page's own style."""
    return resources.files("evaluatie.report").joinpath("templates", STYLE).read_text(encoding="utf-8")
