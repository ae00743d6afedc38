"""Typed exceptions. The library raises these; only the CLI turns them into exit codes."""


class NewsgraphError(Exception):
    """Base class for every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input file or line that cannot be read as an article. The message names it."""


class FilterError(NewsgraphError, ValueError):
    """A listing filter value that is not valid (a bad date, an unknown kind, …)."""


class ModelError(NewsgraphError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(NewsgraphError):
    """The database cannot be opened or migrated."""


class StoreBusy(StoreError):
    """Another process kept the database busy for longer than newsgraph waits."""


class ExportError(NewsgraphError):
    """An export that cannot be written (a bad --out path, an unknown format)."""
