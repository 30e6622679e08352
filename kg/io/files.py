"""Writing files whole or not at all: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import OutputError

__all__ = ["write_text_atomic", "current_umask", "check_output_dir"]


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
