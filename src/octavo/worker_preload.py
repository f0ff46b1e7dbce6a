"""What the embedded Dask cluster's workers are forked with (worker_server's preload): Dask
and the writers, WeasyPrint set up, the templates compiled and a cover drawn (each worker
did these in its first pamphlets: a fifteenth of a second apiece), loaded with the cyclic
collector held off (its passes over the new modules' objects, which all live on, took a
sixth of the loading), and then frozen out of its sight in every worker, as
``writers.pdf_warm`` does for WeasyPrint."""

import gc

from . import collector

with collector.held_off():
    import distributed  # noqa: F401

    from . import orders  # noqa: F401
    from .render import environment
    from .writers import epub, pdf_warm  # noqa: F401

    epub.prepare()
    environment().get_template("print-book.xhtml")
    gc.freeze()
