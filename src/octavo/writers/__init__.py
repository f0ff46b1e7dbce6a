"""Writers: turn a Book into an output file (EPUB, PDF)."""
