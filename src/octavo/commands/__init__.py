"""Subcommands of the ``octavo`` command line, one module each."""
