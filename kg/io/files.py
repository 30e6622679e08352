"""Writing files whole or not at all: a temporary file beside the target, renamed into
place, and the files of one build, all renamed into place once every one is written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg.errors import OutputError

__all__ = ["StagedFiles", "write_text_atomic", "current_umask", "check_output_dir"]


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output_dir(path: str | Path) -> Path:
    """``path`` when it is a directory this process may write in, or can be made as one;
    else :class:`~kg.errors.OutputError` saying why. Nothing is created.

    >>> check_output_dir("/dev/null/out")
    Traceback (most recent call last):
    ...
    kg.errors.OutputError: /dev/null/out: cannot be made: /dev/null is not a directory
    """
    path = Path(path)
    try:
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path}: exists and is not a directory")
        found = path  # the nearest part of the path that exists
        while not found.exists() and found.parent != found:
            found = found.parent
        made = "" if found == path else "cannot be made: "
        if not found.is_dir():
            raise OutputError(f"{path}: {made}{found} is not a directory")
        if not os.access(found, os.W_OK | os.X_OK):
            raise OutputError(f"{path}: {made}{found} is not writable")
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}") from None
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file 0600; give it the mode a plain open() would have.
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


class StagedFiles:
    """Files of one directory written under temporary names, then renamed into place together.

    Nothing replaces a file of the directory before :meth:`commit`, which is called once
    every file has been written; a failure before it (a full disk, an error, Ctrl-C) leaves
    the directory as it was, without the temporary files (:meth:`discard`, which leaving a
    ``with`` block without a commit calls). The renames of :meth:`commit` are undone when
    one of them fails, as far as the files they replaced could be kept (hard links).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder, StagedFiles(folder) as staged:
    ...     _ = staged.write_text("a.txt", "new")
    ...     sorted(p.name for p in Path(folder).iterdir() if not p.name.startswith("."))
    ...     [p.name for p in staged.commit()]
    []
    ['a.txt']
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self._pending: list[tuple[Path, Path]] = []  # (temporary file, target)

    def __enter__(self) -> StagedFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[IO[str]]:
        """A text handle (UTF-8, ``\\n`` line ends) on the temporary file of ``name``;
        the file is flushed to disk when the block ends."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.directory)
        self._pending.append((Path(tmp), self.directory / name))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())

    def write_text(self, name: str, text: str) -> Path:
        """Stage ``text`` as the file ``name``; returns the path it will have."""
        with self.open(name) as handle:
            handle.write(text)
        return self.directory / name

    def commit(self) -> list[Path]:
        """Rename every staged file into place; returns their paths, in staging order."""
        mode = 0o666 & ~current_umask()  # mkstemp makes files 0600; give open()'s mode
        kept: list[tuple[Path, Path | None]] = []  # (target, the file it replaced)
        try:
            for tmp, target in self._pending:
                os.chmod(tmp, mode)
                kept.append((target, _hard_link_aside(target)))
                os.replace(tmp, target)
        except BaseException:
            for target, old in reversed(kept):
                with contextlib.suppress(OSError):
                    if old is not None:
                        os.replace(old, target)
                    else:
                        target.unlink(missing_ok=True)
            raise
        finally:
            for _, old in kept:
                if old is not None and old.exists():
                    old.unlink(missing_ok=True)
            self.discard()
        return [target for target, _ in kept]

    def discard(self) -> None:
        """Remove the temporary files not renamed into place (idempotent)."""
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending = []


def _hard_link_aside(path: Path) -> Path | None:
    """A second name for the file at ``path`` (to put it back), or ``None`` when there is
    no such file or the file system cannot link it."""
    if not path.is_file():
        return None
    aside = path.with_name(f".{path.name}.{os.getpid()}.old")
    try:
        aside.unlink(missing_ok=True)
        os.link(path, aside)
    except OSError:
        return None
    return aside
