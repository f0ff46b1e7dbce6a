"""The octavo subcommands beyond ``build``, one module each, registered in ``octavo.cli``."""
