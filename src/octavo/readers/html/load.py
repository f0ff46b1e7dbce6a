"""Loading a page: its bytes decoded as the page declares, then parsed by lxml's HTML parser.

The declaration is a byte-order mark, ``<meta charset>``, an ``http-equiv`` content type
or an XML declaration. As browsers do, a page declared Latin-1 (or ASCII) is read as
Windows-1252, so its curly quotes and dashes come out as the characters they mean. A page
whose bytes are UTF-8 though it declares another encoding (a page re-saved by an editor) is
read as UTF-8, which no other text forms by chance; an undeclared page, or one its
declaration can't decode, is read with the detection text sources get
(``octavo.encoding``), with its warnings.

Malformed markup is read as well as the parser can, with a warning: tag soup, unclosed
tags, a page cut short.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import lxml.etree
import lxml.html

from ... import encoding
from ...encoding import Decoded
from ...errors import SourceEmpty
from ...files import clean_text
from .told import tell

# labels the web reads as Windows-1252 whatever they say (WHATWG Encoding, "windows-1252")
WINDOWS_1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
# Windows-1252 byte by byte; the five bytes it leaves unassigned are Latin-1's C1 controls
WINDOWS_1252_TABLE = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                             for b in range(256))


@dataclass
class Page:
    """A parsed page: where it came from (None for text given directly) and its root."""

    path: Path | None
    root: lxml.html.HtmlElement

    @property
    def body(self) -> lxml.html.HtmlElement:
        return self.root.body

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None


def parse_bytes(data: bytes) -> lxml.html.HtmlElement:
    """A page's tree with its bytes read as Latin-1, every byte a character: enough to read
    its tags, links and declarations (ASCII) before its encoding is known, without a word."""
    parser = lxml.html.HTMLParser(encoding="iso-8859-1", remove_comments=True,
                                  remove_pis=True, no_network=True)
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except lxml.etree.ParserError:
        return lxml.html.document_fromstring(b"<html><body></body></html>")


def declared(data: bytes) -> str | None:
    """The encoding a page's markup declares, as written (``iso-8859-1``), or None."""
    root = parse_bytes(data)
    for meta in root.iter("meta"):
        if meta.get("charset"):
            return meta.get("charset").strip()
        if (meta.get("http-equiv") or "").strip().lower() == "content-type":
            header = Message()
            header["content-type"] = meta.get("content") or ""
            if charset := header.get_param("charset"):
                return str(charset).strip()
    if data.startswith(b"<?xml"):
        parser = lxml.etree.XMLParser(recover=True, no_network=True, resolve_entities=False)
        declaration = lxml.etree.fromstring(data, parser)
        if declaration is not None and declaration.getroottree().docinfo.encoding:
            return declaration.getroottree().docinfo.encoding
    return None


def _codec(label: str) -> str | None:
    """Python's codec for an encoding label, Windows-1252 where the web reads that."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a page can't declare UTF-16 in bytes it could be read from
    return "cp1252" if name in WINDOWS_1252 else name


def _windows_1252(data: bytes) -> str:
    """``data`` as Windows-1252, its five unassigned bytes read as Latin-1 (C1 controls)."""
    return codecs.charmap_decode(data, "strict", WINDOWS_1252_TABLE)[0]


def decode(data: bytes, path: Path | None = None) -> Decoded:
    """A page's text, read in the encoding it declares where the bytes bear that out."""
    label = None if data.startswith(tuple(bom for bom, _ in encoding.BOMS)) else declared(data)
    if label is None:
        return encoding.decode(data, path)
    codec = _codec(label)
    if codec is None:
        found = encoding.decode(data, path)
        return Decoded(found.text, found.encoding, f"declares an encoding octavo doesn't know "
                       f"({label!r}); {found.note or 'read as UTF-8'}")
    if codec != "utf-8" and not data.isascii():
        try:
            return Decoded(data.decode("utf-8"), "utf-8")  # no other text forms UTF-8
        except UnicodeDecodeError:
            pass
    if codec == "cp1252":
        return Decoded(_windows_1252(data), codec)
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        found = encoding.decode(data, path)
        return Decoded(found.text, found.encoding,
                       f"declares {label} but is not (byte {exc.start}); "
                       f"{found.note or 'read as UTF-8'}")


def parse(text: str, path: Path | None = None) -> Page:
    """A page from its text, malformed markup warned of and read as the parser can."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except lxml.etree.ParserError as exc:
        raise SourceEmpty(f"holds no HTML the parser can read ({exc})", path) from None
    errors = [e for e in parser.error_log if e.level >= lxml.etree.ErrorLevels.ERROR]
    if errors:
        first = errors[0]
        tell("w-001", f"the HTML is malformed ({len(errors)} error(s), the first on line "
             f"{first.line}: {first.message.strip()}); read as well as the parser can")
    if not text.rstrip().lower().endswith("</html>"):
        tell("w-001", "the page ends without </html>: it may be cut short; read what there is")
    if root.find("body") is None:
        root.append(lxml.html.Element("body"))
    return Page(path, root)


def load(data: bytes, path: Path | None = None,
         fix: Callable[[str], str] | None = None) -> Page:
    """A page from its file's bytes (``fix``: corrections applied to its text)."""
    text = clean_text(decode(data, path), path)
    return parse(fix(text) if fix else text, path)
