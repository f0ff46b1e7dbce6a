"""Telling what a source file's bytes are: text in which encoding, or a binary file.

UTF-8 is the norm. A byte-order mark tells UTF-16 and UTF-32. Known binary formats
are named by their magic numbers; a file full of control bytes is binary, unless
charset-normalizer finds it UTF-16 or UTF-32 without a BOM. UTF-8 with a few broken
bytes is read as UTF-8 with those replaced. Anything else goes to charset-normalizer,
whose guess is trusted for non-Latin scripts (Cyrillic cp1251, KOI8-R …); for
Latin-script text it cannot tell cp1252 from cp1250 on a short English text, so octavo
reads that as cp1252 (Latin-1 where no cp1252-only byte occurs), the likeliest for a
Western source.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import SourceEncodingError, SourceNotText

BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# the raster images a book may carry (the EPUB core media types every reader shows):
# media type → file extension, magic numbers
IMAGE_TYPES = {
    "image/png": ("png", (b"\x89PNG\r\n\x1a\n",)),
    "image/jpeg": ("jpg", (b"\xff\xd8\xff",)),
    "image/gif": ("gif", (b"GIF87a", b"GIF89a")),
}

MAGIC = (
    (b"%PDF-", "a PDF file"),
    *((magic, f"a {kind[6:].upper()} image") for kind, (_, magics) in IMAGE_TYPES.items()
      for magic in magics),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF file (WebP, WAV or AVI)"),
    (b"PK\x03\x04", "a zip archive (or an EPUB, DOCX or ODT, which are zips)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"(\xb5/\xfd", "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
    (b"fLaC", "a FLAC file"),
    (b"%!PS", "a PostScript file"),
)

# charset-normalizer's guesses for Latin-script text, among which it cannot choose well
LATIN = {"ascii", "cp1250", "cp1252", "cp1257", "cp437", "cp775", "cp850", "cp852", "cp858",
         "cp860", "cp863", "cp865", "iso8859_2", "iso8859_4", "iso8859_9", "iso8859_10",
         "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "latin_1", "mac_iceland",
         "mac_latin2", "mac_roman", "mac_turkish", "cp1254"}
CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")
SNIFF = 64 * 1024  # how much of a file the binary and UTF-16 checks look at


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read in, and what the reading had to mend."""

    text: str
    encoding: str
    note: str = ""  # why the user should hear of it ("" for clean UTF-8)


def binary_kind(data: bytes) -> str | None:
    """What known binary format ``data`` is in, by its magic number."""
    return next((kind for magic, kind in MAGIC if data.startswith(magic)), None)


def image_type(data: bytes) -> str | None:
    """The media type of a raster image octavo carries into books, by its magic number."""
    return next((kind for kind, (_, magics) in IMAGE_TYPES.items()
                 if data.startswith(magics)), None)


def _controls(head: bytes) -> int:
    """How many bytes of ``head`` are control bytes no text file holds (NUL, BEL …)."""
    return len(head) - len(head.translate(None, CONTROLS))


def _mostly_utf8(data: bytes, first_bad: int) -> Decoded | None:
    """UTF-8 with a few broken bytes replaced, when the rest is plainly UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if good < 2 * bad:
        return None
    return Decoded(text, "utf-8", f"{bad} byte(s) are not valid UTF-8 (the first at byte "
                                  f"{first_bad}); read as UTF-8 with them replaced by \ufffd")


def _western(data: bytes) -> Decoded:
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            return Decoded(data.decode("cp1252"), "cp1252", "not UTF-8; read as cp1252 "
                           "(Windows Western European), the likeliest encoding")
        except UnicodeDecodeError:
            pass
    return Decoded(data.decode("latin-1"), "latin-1", "not UTF-8; read as Latin-1 "
                   "(ISO-8859-1), the likeliest encoding")


def _guess(data: bytes):
    """charset-normalizer's best guess at the encoding of ``data`` (None: none fits); loaded
    only for a file that is not UTF-8, as most are."""
    import charset_normalizer

    return charset_normalizer.from_bytes(data).best()


def decode(data: bytes, path: object = None) -> Decoded:
    """The text of a file's bytes, or a SourceError saying what they seem to be."""
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name,
                               "" if name == "utf-8-sig" else f"read as {name.upper()} (BOM)")
            except UnicodeDecodeError as exc:
                raise SourceEncodingError(f"starts with a {name.upper()} byte-order mark but is "
                                          f"not {name.upper()} text (byte {exc.start})",
                                          path) from None
    if kind := binary_kind(data):
        raise SourceNotText(f"is {kind}, not a source text", path)
    if _controls(data[:SNIFF]) > max(16, len(data[:SNIFF]) / 50):
        guess = _guess(data)
        if guess is None or not guess.encoding.startswith(("utf_16", "utf_32")):
            raise SourceNotText("is a binary file (it is full of control bytes), not a "
                                "source text", path)
        name = guess.encoding.replace("_", "-").upper()  # UTF-16 without a BOM
        return Decoded(str(guess), guess.encoding, f"read as {name} (no BOM)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if mended := _mostly_utf8(data, first_bad):
        return mended
    guess = _guess(data)
    if guess is None:
        raise SourceEncodingError("is not text in any encoding octavo can tell; "
                                  "save it as UTF-8", path)
    if guess.encoding in LATIN:
        return _western(data)
    return Decoded(str(guess), guess.encoding,
                   f"not UTF-8; read as {guess.encoding} (detected, {guess.language})")
