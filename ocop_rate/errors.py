"""One family of errors, each carrying where the problem is.

The CLI renders these and picks the exit code; the library only raises them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """One located complaint about an input."""

    message: str
    location: Location = field(default_factory=Location)

    def render(self) -> str:
        where = self.location.render()
        return f"{where}: {self.message}" if where else self.message

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
