"""The ``linkage`` console script: the Rust binary's ``main``, run in this process."""

from __future__ import annotations

import os
import signal
import sys

from . import _native


def main() -> None:
    """Runs ``linkage`` on ``sys.argv`` and exits with its code, as the binary does."""
    # Python turns Ctrl-C into KeyboardInterrupt, checked only between bytecodes: while
    # the command runs in Rust it would never be seen. The binary dies of the signal;
    # so does this. (SIGPIPE stays ignored, as Rust's runtime leaves it for the binary:
    # the command handles a closed pipe itself.)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    # The process's executable is the interpreter: completion scripts must call this
    # script back instead (`linkage completions bash` names it).
    os.environ.setdefault("LINKAGE_PROGRAM", os.path.abspath(sys.argv[0]))
    sys.stdout.flush()
    sys.exit(_native.main(["linkage", *sys.argv[1:]]))
