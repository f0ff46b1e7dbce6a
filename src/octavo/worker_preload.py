"""What the embedded Dask cluster's workers are forked with (worker_server's preload): Dask
and the writers, WeasyPrint set up, loaded with the cyclic collector held off (its passes
over the new modules' objects, which all live on, took a sixth of the loading), and then
frozen out of its sight in every worker."""

import gc

gc.disable()
try:
    import distributed  # noqa: F401

    from . import orders  # noqa: F401
    from .writers import epub, pdf_warm  # noqa: F401
finally:
    gc.freeze()
    gc.enable()
