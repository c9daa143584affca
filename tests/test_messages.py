"""The message catalogue: every id in both languages, with the same parameters."""

from __future__ import annotations

import string

import pytest

from ocop_rate.errors import Location, Problem
from ocop_rate.messages import CATALOGUE, UnknownMessage, text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_each_message_has_both_languages_with_the_same_parameters(message_id: str) -> None:
    vi, en = CATALOGUE[message_id]
    assert vi.strip() and en.strip()
    assert _fields(vi) == _fields(en), message_id
    params = {name: "X" for name in _fields(vi)}
    assert text(message_id, "vi", params) != text(message_id, "en", params) or vi == en


def test_problem_speaks_the_users_language() -> None:
    problem = Problem.of("common.no_such_path", Location("ho-so", 3), path="ho-so/")
    assert problem.render("vi") == "ho-so:3: ho-so/: không có tệp hoặc thư mục này"
    assert problem.render("en") == "ho-so:3: ho-so/: no such file or folder"
    assert problem.message == "ho-so/: no such file or folder"


def test_unknown_id_is_a_bug_not_a_blank() -> None:
    with pytest.raises(UnknownMessage):
        text("no.such.id", "vi")
