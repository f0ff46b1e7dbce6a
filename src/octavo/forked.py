"""Work done on the other core: a forked process that answers in bytes while this one goes on.

A command that reads a volume keeps one core busy; a child forked from it starts with all
it holds (modules loaded, the text read), works beside it, and sends its answer back over
a pipe: what the paragraph pass learns while the vocabulary is counted
(``readers.ocr.ahead``), the EPUB while the volume is read (``writers.epub_ahead``).
The child may first wait for a request from the parent (the book to write).

What passes between the two is pickled where it is not bytes already (it goes from a
process to its own fork over a pipe, never through a file: pickling takes a quarter of the
time of the tree cache's JSON). The child says nothing (its output goes nowhere) and ends
without running the parent's clean-up; a child that fails answers nothing, and the caller
does the work itself, which then says what went wrong. Only the main thread forks (another
thread might hold a lock the child would wait on forever), and only where the platform can
fork.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import TypeVar

from . import progress

T, R = TypeVar("T"), TypeVar("R")
Ask = Callable[[], bytes]  # in the child: the parent's request (b"" if it sent none)
_OPEN: list[Child] = []  # the children whose pipes are open here: a later child closes them
_ENDING: list[int] = []  # the children that answered, not yet reaped
_SIZE = 8  # bytes of the answer's length, sent first: an answer cut short is no answer


class Child:
    """A forked child working: send it a request, take its answer, or end it."""

    def __init__(self, pid: int, request: int, answer: int) -> None:
        self.pid, self.request, self.answer_fd = pid, request, answer

    def send(self, data: bytes) -> bool:
        """Send the child its request (once); False if it is gone."""
        fd, self.request = self.request, -1
        try:
            with open(fd, "wb") as pipe:
                pipe.write(data)
        except OSError:
            return False
        return True

    def answer(self) -> bytes | None:
        """The child's answer, once it has sent it whole; None if it failed. The child is
        not waited for as it ends (freeing its memory takes it a hundredth of a second):
        it is reaped when the next child starts."""
        self._close(request=True)
        fd, self.answer_fd = self.answer_fd, -1
        with open(fd, "rb") as pipe:
            data = pipe.read()
        _ENDING.append(self.pid)
        self._forget()
        size = int.from_bytes(data[:_SIZE], "big")
        return data[_SIZE:] if len(data) >= _SIZE and size == len(data) - _SIZE else None

    def end(self) -> None:
        """Stop the child, unasked, if it is still working (the parent failed, or needs
        its answer no more)."""
        self._close(request=True, answer=True)
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self._forget()

    def _forget(self) -> None:
        self.pid = 0
        if self in _OPEN:
            _OPEN.remove(self)

    def _close(self, request: bool = False, answer: bool = False) -> None:
        if request and self.request >= 0:
            os.close(self.request)
            self.request = -1
        if answer and self.answer_fd >= 0:
            os.close(self.answer_fd)
            self.answer_fd = -1


def can_fork() -> bool:
    """Whether work may be forked off here: a platform that forks, from the main thread."""
    return hasattr(os, "fork") and threading.current_thread() is threading.main_thread()


def start(work: Callable[[Ask], bytes]) -> Child | None:
    """Fork a child that answers ``work(ask)``; None where no child can be forked."""
    if not can_fork():
        return None
    for pid in list(_ENDING):  # the children that answered, once they have ended
        with contextlib.suppress(ChildProcessError):  # (reaped already)
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                continue
        _ENDING.remove(pid)
    request_in, request_out = os.pipe()
    answer_in, answer_out = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (request_in, request_out, answer_in, answer_out):
            os.close(fd)
        return None
    if pid == 0:
        _child(work, request_in, answer_out, (request_out, answer_in))
    os.close(request_in)
    os.close(answer_out)
    child = Child(pid, request_out, answer_in)
    _OPEN.append(child)
    return child


def mapped(function: Callable[[T], R], items: list[T], cut: int) -> list[R]:
    """``[function(item) for item in items]``: those from ``cut`` on worked out by a forked
    child (sent back pickled) while this process works out the others; here, after its
    own, where no child can be forked or it fails."""
    child = start(lambda _: pickle.dumps([function(item) for item in items[cut:]],
                                         pickle.HIGHEST_PROTOCOL))
    try:
        mine = [function(item) for item in items[:cut]]
        answer = child.answer() if child else None
    finally:
        if child:
            child.end()
    return mine + (pickle.loads(answer) if answer is not None
                   else [function(item) for item in items[cut:]])


def _child(work: Callable[[Ask], bytes], request: int, answer: int,
           parents: tuple[int, ...]) -> None:
    """In the child: answer, and end (never returning into the parent's code)."""
    status = 1
    try:
        gc.disable()  # short-lived: collecting would only copy the parent's pages
        for fd in (*parents, *(fd for c in _OPEN for fd in (c.request, c.answer_fd))):
            if fd >= 0:
                os.close(fd)
        _OPEN.clear()
        silent = os.open(os.devnull, os.O_WRONLY)
        os.dup2(silent, 1)
        os.dup2(silent, 2)
        with progress.listening(lambda *_: None):  # the parent's listener draws on its screen

            def ask() -> bytes:
                with open(request, "rb") as pipe:
                    return pipe.read()

            data = work(ask)
        with open(answer, "wb") as pipe:
            pipe.write(len(data).to_bytes(_SIZE, "big"))
            pipe.write(data)
        status = 0
    except BaseException:  # the parent does the work itself, and says what went wrong
        pass
    finally:
        os._exit(status)
