"""The ``octavo`` command's subcommands, one module each; ``COMMANDS`` lists every one
(the CLI registers them from it)."""

from __future__ import annotations

from .audit import audit
from .build import build
from .pamphlet import anthology, pamphlet, pamphlets
from .works import works

COMMANDS = (build, works, audit, pamphlet, pamphlets, anthology)
