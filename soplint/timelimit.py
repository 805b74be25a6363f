"""A time limit on reading and checking one document, that really interrupts the work.

In the main thread on POSIX a real-time timer (`signal.setitimer`) raises `TimeLimitExceeded`
in the middle of whatever Python code is running, the reader's parsing too. Elsewhere (another
thread, Windows) a timer thread raises it asynchronously in the limited thread
(`PyThreadState_SetAsyncExc`, CPython). Either way the exception arrives between two
Python instructions: one long call into C (one XML part parsed by lxml, itself bounded by the
reader's size limits) finishes first. `TimeLimitExceeded` is a BaseException, so that no
`except Exception` on the way (a rule's, a reader's) takes it for an ordinary error.

Limits do not nest: inside a limit, another `TimeLimit` leaves the outer one in charge. A
program's own running timer is never replaced: the timer thread stands in for it. An
exception raised where nothing can propagate it (in a finalizer run by the garbage collector:
Python only prints it as "unraisable") is raised again when the block ends.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType

DEFAULT_SECONDS = 60.0
MAX_SECONDS = 1_000_000.0  # about 11 days: more is a slip of the keyboard, and past what
# the system's timers take (1e300 overflows them)


def valid_seconds(value: float) -> bool:
    """Whether `value` is a time limit soplint takes: 0 (none) up to `MAX_SECONDS` (not
    NaN, not infinite)."""
    return 0 <= value <= MAX_SECONDS


def time_problem(seconds: float | None) -> str:
    """The problem of a document over the time limit, as a reader states problems."""
    return (f"not read and checked within the time limit of {seconds or 0:g} s "
            "(--timeout SECONDS changes it)")


class TimeLimitExceeded(BaseException):
    """The work under a `TimeLimit` took longer than its `seconds`."""

    def __init__(self, seconds: float = 0.0) -> None:
        super().__init__(f"took longer than {seconds:g} s" if seconds else "took too long")
        self.seconds = seconds


_state = threading.local()


def _active() -> bool:
    return bool(getattr(_state, "active", False))


class TimeLimit:
    """`with TimeLimit(seconds):` raises TimeLimitExceeded in the block once `seconds` have
    passed; None, 0 or NaN sets no limit, and a limit is at most `MAX_SECONDS`."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = min(seconds, MAX_SECONDS) if seconds and seconds > 0 else 0.0
        self._armed = False
        self._fired = False
        self._lock = threading.Lock()
        self._previous: object = None
        self._timer: threading.Timer | None = None
        self._owner = False

    def __enter__(self) -> None:
        if self.seconds <= 0 or _active():
            return
        self._owner = _state.active = self._armed = True
        if _signals_usable():
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        else:
            self._timer = threading.Timer(self.seconds, self._interrupt,
                                          (threading.get_ident(),))
            self._timer.daemon = True
            self._timer.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if not self._owner:
            return
        _state.active = False
        if self._timer is not None:
            with self._lock:
                self._armed = False
            self._timer.cancel()
        else:  # the handler runs in this thread, between two instructions: no lock
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
        if self._fired and kind is None:
            raise TimeLimitExceeded(self.seconds)  # it was swallowed on the way

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if self._armed:
            self._armed = False
            self._fired = True
            raise TimeLimitExceeded(self.seconds)

    def _interrupt(self, thread: int) -> None:
        import ctypes

        with self._lock:
            if not self._armed:
                return
            self._armed = False
            self._fired = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                                       ctypes.py_object(TimeLimitExceeded))


def _signals_usable() -> bool:
    """Whether a real-time timer signal can interrupt this thread: POSIX, the main thread,
    and no timer of the program's own running (it is left alone)."""
    return (hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
            and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
