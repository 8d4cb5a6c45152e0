"""Worker processes that never outlive the kg process that started them."""
from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when ``parent`` (the pid that started it) dies, even
    by `kill -9`, which leaves a parent no chance to stop its workers itself. Linux only: on
    other systems a worker ends when it next finds its pipe to the parent closed.

    The death signal follows the thread that started this process, so only a process started
    by a thread that lives as long as its parent may call this.
    """
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the signal was set
        os._exit(1)
