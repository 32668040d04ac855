"""The ``apptest`` command's verbs (``apptest.cli`` registers them): ``run``, ``check``."""
