"""The ``octavo`` command's subcommands, one module each; ``COMMANDS`` names every one and
the module that holds it (the CLI loads a command's module only when it runs or lists it)."""

from __future__ import annotations

COMMANDS = {"build": "build", "works": "works", "audit": "audit", "pamphlet": "pamphlet",
            "pamphlets": "pamphlet", "anthology": "pamphlet", "serve": "serve"}
