"""The package's exceptions: one small hierarchy the CLI turns into one line and an exit code."""

__all__ = [
    "KgError",
    "InputError",
    "OutputError",
    "GoldError",
    "QueryError",
    "ValidationError",
    "ExtractionError",
    "RejectLimitError",
    "EntityLookupError",
]


class KgError(Exception):
    """Base of every error the package raises on purpose; its message is one line for the user."""

    exit_code = 1


class InputError(KgError):
    """An input file or directory cannot be read as articles (missing, empty, binary, malformed)."""

    exit_code = 2


class OutputError(KgError):
    """An output directory is not a directory or cannot be made or written."""

    exit_code = 2


class GoldError(InputError):
    """A gold annotation file is malformed."""


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be run."""

    exit_code = 2


class ValidationError(KgError):
    """A graph does not conform to the SHACL shapes."""

    exit_code = 3


class ExtractionError(KgError):
    """The extractor failed on an article (a strict build stops there)."""


class RejectLimitError(KgError):
    """A build set aside more articles than it was allowed to."""

    exit_code = 4


class EntityLookupError(InputError):
    """A name given to look an entity up names none of the graph's entities, or several;
    ``candidates`` holds the nearest names, or the entities it may mean."""

    def __init__(self, message: str, candidates: tuple = ()) -> None:
        super().__init__(message)
        self.candidates = candidates
