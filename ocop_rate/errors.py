"""One family of errors, each carrying where the problem is.

The CLI renders these and picks the exit code; the library only raises them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Location:
    """Where a problem is: file, 1-based line and column, dotted field path."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def render(self) -> str:
        """``file:line:column: field`` with the parts that are known."""
        head = self.file or ""
        if self.line is not None:
            head += f":{self.line}"
            if self.column is not None:
                head += f":{self.column}"
        parts = [p for p in (head, self.field) if p]
        return ": ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One located complaint about an input.

    ``message_id`` and ``params`` name the sentence in :mod:`ocop_rate.messages`, so the CLI
    can say it in the user's language; ``message`` is its English text (for logs, exception
    strings and problems not yet in the catalogue). Build catalogued ones with :meth:`of`.
    """

    message: str
    location: Location = field(default_factory=Location)
    message_id: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, message_id: str, location: Location | None = None, /,
           **params: object) -> Problem:
        """A catalogued problem: ``Problem.of("common.no_such_path", loc, path=p)``."""
        from ocop_rate.messages import text

        return cls(text(message_id, "en", params), location or Location(), message_id, params)

    def text(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The complaint alone, in ``lang`` when it is catalogued."""
        if self.message_id is None:
            return self.message
        from ocop_rate.messages import text

        return text(self.message_id, lang, self.params)

    def render(self, lang: Literal["vi", "en"] = "en") -> str:
        """``file:line:column: field: message`` in ``lang``."""
        where = self.location.render()
        message = self.text(lang)
        return f"{where}: {message}" if where else message

    def as_dict(self) -> dict[str, object]:
        loc = self.location
        return {
            "file": loc.file,
            "line": loc.line,
            "column": loc.column,
            "field": loc.field,
            "message": self.message,
        }


class OcopError(Exception):
    """Base of every error ocop-rate raises on purpose; holds one or more problems."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(p.render() for p in problems))


class InputFileError(OcopError):
    """A file could not be read or parsed (missing, too large, bad encoding, bad YAML)."""


class RubricError(OcopError):
    """A rubric is invalid or cannot be resolved."""


class DossierError(OcopError):
    """A dossier is invalid or does not fit its rubric."""


class UsageError(OcopError):
    """The caller asked for something that cannot be done (unknown rubric id, no inputs)."""
