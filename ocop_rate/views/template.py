"""Blank forms (``template``): a dossier skeleton (YAML, one product set) or a council
score sheet (XLSX, one sheet per product set)."""

from __future__ import annotations

from collections.abc import Sequence

from ocop_rate.models.rubric import Rubric
from ocop_rate.views.registry import Asked

Blank = tuple[Sequence[Rubric], int]
"""The product sets chosen, and how many blank member sheets a YAML dossier gets."""


def yaml(blank: Blank, asked: Asked) -> str:
    from ocop_rate.report import template_yaml

    chosen, members = blank
    if len(chosen) > 1:
        from ocop_rate.errors import OcopError, Problem

        raise OcopError(Problem.of("cli.one_yaml_template"))
    return template_yaml.render(chosen[0], members)


def xlsx(blank: Blank, asked: Asked) -> bytes:
    from ocop_rate.report import template_xlsx

    return template_xlsx.render(list(blank[0]))
