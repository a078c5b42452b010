"""The exit statuses `summit` returns: the commands return them, `main` maps exceptions to them."""

EXIT_OK = 0
EXIT_BUG = 1  # an uncaught exception: Python's own status, with its traceback
EXIT_BAD_INPUT = 2  # bad input or configuration, with a one-line reason on stderr
EXIT_INTERRUPTED = 130  # Ctrl-C
