"""Stable, file-name-safe ids for works and sections."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens: safe as an XML id and a file name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    if not slug or slug[0].isdigit():
        slug = f"w-{slug}" if slug else "work"
    return slug


class IdAllocator:
    """Hands out ids, suffixing ``-2``, ``-3`` … where a slug was taken already."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, text: str) -> str:
        base = slugify(text)
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate
