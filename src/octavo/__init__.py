"""octavo: classic texts into validating EPUBs and print-ready PDFs."""

__version__ = "0.1.0"
