"""The package document's metadata: Dublin Core, series, cover and accessibility (EPUB a11y 1.1).

Every statement made here must be true of the book octavo writes: the features listed
are the ones the templates produce, and page navigation is claimed only when the
source had page markers.
"""

from __future__ import annotations

import re

from ebooklib import epub

from .. import __version__
from ..tree import Metadata

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
W3C_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
VOLUME_NUMBER = re.compile(r"\b(\d+)\b")
PERSONAL_NAME = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+")  # given names, family


def file_as(name: str) -> str | None:
    """A name for sorting: ``J. V. Stalin`` → ``Stalin, J. V.``; None for what is not one
    person's name (``Karl Marx and Frederick Engels``, a translator's credit in a sentence)."""
    if not PERSONAL_NAME.fullmatch(name):
        return None
    *given, family = name.split()
    return f"{family}, {' '.join(given)}" if given else name


def full_title(meta: Metadata) -> str:
    """The title a library shows: ``Works, Volume 5: 1921–1923``."""
    return f"{meta.title}, {meta.volume}" if meta.volume else meta.title


def source_edition(meta: Metadata, pages: bool = False) -> str:
    """The printed edition the text (and its page numbers) come from; where the metadata
    names none but the book keeps a print's page numbers (``pages``), that print as its
    author, title, publisher, place and date describe it: page breaks need a source named
    (EPUB Accessibility's ``pageBreakSource``)."""
    return meta.source or meta.edition or (", ".join(filter(None, (
        meta.author, full_title(meta), meta.publisher, meta.place, meta.date))) if pages else "")


def accessibility_summary(meta: Metadata, pages: bool, images: bool = False) -> str:
    """A reader-facing sentence or two on what the book offers (schema:accessibilitySummary)."""
    summary = ("This publication conforms to WCAG 2.2 Level AA. It has a table of contents, "
               "landmarks and headings in a logical outline; notes link to and back from their "
               "references. ")
    summary += ("The cover's text is repeated by the title page; the images of the text carry "
                "the descriptions their source gave them." if images else
                "Its only image is the cover, whose text the title page repeats.")
    if pages:
        summary += (" Page breaks and a page list follow the printed pages of "
                    f"{source_edition(meta, pages).rstrip('.')}.")
    return summary


def describe(package: epub.EpubBook, meta: Metadata, *, pages: bool, cover_id: str,
             images: bool = False) -> None:
    """Write the book's metadata into the package (ebooklib keeps insertion order)."""
    package.set_unique_metadata("OPF", "generator", "",
                                {"name": "generator", "content": f"octavo {__version__}"})
    package.set_identifier(meta.identifier)
    package.add_metadata("DC", "title", full_title(meta), {"id": "title"})
    package.set_language(meta.language)
    for uid, name, role in (("author", meta.author, "aut"), ("translator", meta.translator, "trl")):
        if name:
            package.add_metadata("DC", "creator" if role == "aut" else "contributor", name,
                                 {"id": uid})
            if sort_name := file_as(name):
                _refine(package, uid, "file-as", sort_name)
            _refine(package, uid, "role", role, {"scheme": "marc:relators"})
    if meta.volume and (number := VOLUME_NUMBER.search(meta.volume)):
        package.add_metadata("OPF", "meta", meta.title,
                             {"property": "belongs-to-collection", "id": "collection"})
        _refine(package, "collection", "collection-type", "series")
        _refine(package, "collection", "group-position", number[1])
    if meta.publisher:
        package.add_metadata("DC", "publisher", meta.publisher)
    if W3C_DATE.match(meta.date):
        package.add_metadata("DC", "date", meta.date)
    if source := source_edition(meta, pages):
        package.add_metadata("DC", "source", source)
    if meta.rights:
        package.add_metadata("DC", "rights", meta.rights)
    if description := meta.description or meta.extract:
        package.add_metadata("DC", "description", description)
    package.add_metadata("OPF", "meta", "", {"name": "cover", "content": cover_id})
    _accessibility(package, meta, pages, images)


def _refine(package: epub.EpubBook, uid: str, prop: str, value: str,
            extra: dict[str, str] | None = None) -> None:
    package.add_metadata("OPF", "meta", value, {"refines": f"#{uid}", "property": prop,
                                                **(extra or {})})


def _accessibility(package: epub.EpubBook, meta: Metadata, pages: bool, images: bool) -> None:
    features = ["tableOfContents", "readingOrder", "structuralNavigation", "alternativeText",
                "displayTransformability"]
    if pages:
        features += ["pageBreakMarkers", "pageNavigation", "printPageNumbers"]
    values = [("schema:accessMode", "textual"), ("schema:accessMode", "visual"),
              ("schema:accessModeSufficient", "textual")]
    values += [("schema:accessibilityFeature", f) for f in features]
    values += [("schema:accessibilityHazard", "none"),
               ("schema:accessibilitySummary", accessibility_summary(meta, pages, images))]
    if pages and (source := source_edition(meta, pages)):
        values.append(("pageBreakSource", source))
    values += [("dcterms:conformsTo", CONFORMS_TO), ("a11y:certifiedBy", "octavo")]
    for prop, value in values:
        package.add_metadata("OPF", "meta", value, {"property": prop})
