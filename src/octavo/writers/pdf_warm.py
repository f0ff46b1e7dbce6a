"""WeasyPrint loaded and set up (pdf_layout.warm_up) on import: preloaded by the fork server
that workers and a long book's parts are forked from, so each starts with it done.

It loads with the cycle collector held off (its passes over the ever more objects of the
import took about a twelfth of it), and what it loaded, which lives as long as the server,
is then frozen: no collection in the server or in a process forked from it goes over it
again (nor copies its pages by marking it).
"""

import gc

from .. import collector

with collector.held_off():
    from .pdf_layout import warm_up

    warm_up()
    gc.freeze()
