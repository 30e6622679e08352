"""The lock a store's writer holds: one build (or other writer) at a time per store.

The writer holds an exclusive :func:`fcntl.flock` on ``DIR/kg-store.lock`` for as long as it
has the store open, whatever the backend, and writes its process id into the file so that
the writer turned away can say who holds it. A second writer does not wait: it fails at
once with :class:`~kg.store.backends.StoreError` (exit code 2), before it reads or writes
anything, so two builds into one store never both run and lose each other's articles.
Readers (``kg query``, ``kg serve``) take no lock. The system releases the lock when the
process ends, however it ends, so a killed build leaves no stale lock behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.store.backends import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock
    fcntl = None  # type: ignore[assignment]

__all__ = ["LOCK_FILE", "StoreLock", "holds_other_files", "lock_for_writing"]

#: The file in a store directory that its writer holds locked.
LOCK_FILE = "kg-store.lock"


class StoreLock:
    """The exclusive lock on the store directory ``path`` (which exists), held until
    :meth:`release`; raises :class:`StoreError` when another process holds it.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     first = StoreLock(Path(folder))
    ...     try:
    ...         StoreLock(Path(folder))
    ...     except StoreError as exc:
    ...         print(str(exc).split(": ", 1)[1][:40])
    ...     first.release()
    ...     StoreLock(Path(folder)).release()
    the store is in use by another writer (p
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None
        if fcntl is None:  # pragma: no cover
            return
        lock = path / LOCK_FILE
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise StoreError(f"{path}: cannot lock the store: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise StoreError(
                f"{path}: the store is in use by another writer ({holder}); wait until it "
                "ends, or build into another store"
            ) from None
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"{path}: cannot lock the store: {exc.strerror or exc}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd

    def release(self) -> None:
        """Let other writers in (idempotent); the lock file stays."""
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)  # closing the last descriptor releases the flock


def _holder(fd: int) -> str:
    """Who holds the lock, as its file says."""
    try:
        pid = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"process {pid}" if pid.isdigit() else "another process"


def holds_other_files(path: Path) -> bool:
    """Whether ``path`` is a file, or a directory with anything in it but a store's lock."""
    if not path.exists():
        return False
    return not path.is_dir() or any(p.name != LOCK_FILE for p in path.iterdir())


def lock_for_writing(path: Path, is_store: bool, *, create: bool) -> StoreLock | None:
    """The writer's lock on the store at ``path`` (``is_store``: whether it is one yet),
    made a directory first when a store is to be created there; ``None`` when there is no
    store to lock (opening it then says why)."""
    if not is_store:
        if not create or holds_other_files(path):
            return None
        path.mkdir(parents=True, exist_ok=True)
    return StoreLock(path)
