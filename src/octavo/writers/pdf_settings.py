"""Print settings: trim size, margins, bleed and crop marks, PDF variant, book or compact.

They are not book metadata: they come from the ``[print]`` table of the TOML beside a
source (``trim = "6x9"``, ``marks = true``, ``variant = "pdf/a-3b"``) and from the
command line, which overrides the TOML.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..toml_schema import Check, Key, check_value, read


@dataclass(frozen=True)
class Trim:
    """A trim size and the type and margins that suit it (lengths in mm, type in pt)."""

    width: float
    height: float
    font_size: float
    top: float
    bottom: float
    inner: float  # the gutter, wider than the outer margin
    outer: float


TRIMS: dict[str, Trim] = {
    "a5": Trim(148, 210, 11.5, top=18, bottom=21, inner=22, outer=17),
    "6x9": Trim(152.4, 228.6, 12, top=19, bottom=22, inner=23, outer=18),
    "letter": Trim(215.9, 279.4, 12, top=22, bottom=26, inner=32, outer=25),
    "a4": Trim(210, 297, 12, top=23, bottom=28, inner=31, outer=24),
}
VARIANTS = ("pdf/a-3b", "pdf/ua-1")
BLEED_MM = 5  # room for the crop marks outside the trim (3 mm is the least a press takes)


@dataclass(frozen=True)
class PrintSettings:
    """How to lay out the PDF; ``book`` starts works on rectos, compact runs them on."""

    trim: str = "a5"
    marks: bool = False
    variant: str = ""
    book: bool = True

    @property
    def size(self) -> Trim:
        return TRIMS[self.trim]

    @property
    def bleed(self) -> float:
        """The bleed in mm around the trim: only with crop marks."""
        return BLEED_MM if self.marks else 0

    def override(self, **options: object) -> PrintSettings:
        """These settings with every option that is not None laid over them."""
        return dataclasses.replace(self, **{k: v for k, v in options.items() if v is not None})


def _one_of(known: Iterable[str]) -> Check:
    """A check refusing a value that is not one of ``known`` (in any case)."""
    return lambda value: "" if value.lower() in known else (
        f"= {value!r} is none of " + ", ".join(known))


# the keys of the [print] table of a source's TOML
PRINT = Key(dict, table={"trim": Key(str, check=_one_of(TRIMS)), "marks": Key(bool),
                         "variant": Key(str, check=_one_of(VARIANTS)), "book": Key(bool)})


def from_toml(path: Path) -> PrintSettings:
    """The settings of the ``[print]`` table of a source's TOML (defaults when absent)."""
    if not path.exists():
        return PrintSettings()
    toml = read(path)
    table = toml.data.get("print", {})
    check_value(toml, ("print",), table, PRINT)
    return PrintSettings(**{k: v.lower() if isinstance(v, str) else v for k, v in table.items()})
