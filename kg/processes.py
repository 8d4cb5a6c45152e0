"""Processes and signals: workers that never outlive the kg process that started them, and a
Ctrl-C that no library can swallow."""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

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


@contextmanager
def ctrl_c_remembered() -> Iterator[Callable[[], None]]:
    """Within the block, Ctrl-C raises KeyboardInterrupt as always and is also remembered;
    the block calls the function it is given at safe points, which raises KeyboardInterrupt
    again if Ctrl-C was pressed. A Ctrl-C that lands in a library's bare ``except:`` or in a
    ``__del__`` (where Python prints and drops it) would otherwise let a long job run on.

    Only the main thread may set signal handlers, and a Ctrl-C that was being ignored stays
    ignored: elsewhere the check does nothing."""
    previous = signal.getsignal(signal.SIGINT) if threading.current_thread() is threading.main_thread() else None
    if not callable(previous):
        yield lambda: None
        return
    pressed = threading.Event()

    def on_ctrl_c(signum, frame):
        pressed.set()
        previous(signum, frame)

    def check() -> None:
        if pressed.is_set():
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_ctrl_c)
    try:
        yield check
    finally:
        signal.signal(signal.SIGINT, previous)
