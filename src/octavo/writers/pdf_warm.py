"""WeasyPrint loaded and set up (pdf_layout.warm_up) on import: preloaded by the fork server
that workers and a long book's parts are forked from, so each starts with it done."""

from .pdf_layout import warm_up

warm_up()
