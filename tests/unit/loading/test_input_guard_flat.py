"""The input guard keeps nothing per input once the outputs are watched (issue 23: memory
flat in the number of dossiers), and still finds an output that is an input."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocop_rate import inputs
from ocop_rate.errors import UsageError
from ocop_rate.inputs import (
    begin_run,
    end_run,
    input_named,
    note_input,
    refuse_if_input,
    watch_outputs,
)


@pytest.fixture
def files(tmp_path: Path) -> Iterator[list[Path]]:
    out = []
    for i in range(50):
        path = tmp_path / "d" / f"p{i}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text("x", encoding="utf-8")
        out.append(path)
    begin_run()
    yield out
    end_run()


def kept() -> int:
    run = inputs._RUN.get()
    assert run is not None
    return len(run.paths) + len(run.inodes)


def test_watched_inputs_are_compared_not_kept(files: list[Path], tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text("r", encoding="utf-8")
    note_input(rubric)  # read before the outputs are known: kept
    before = kept()
    watch_outputs([tmp_path / "new.json"])
    for path in files:
        note_input(path)
    assert kept() == before
    refuse_if_input(tmp_path / "new.json")  # a new file is no input
    with pytest.raises(UsageError):
        refuse_if_input(rubric)  # an output not watched: the inputs kept still count


@pytest.mark.parametrize("how", ["same", "hard link", "symbolic link"])
def test_an_output_that_is_an_input_read_later_is_found(files: list[Path], tmp_path: Path,
                                                        how: str) -> None:
    target = files[7]
    output = target
    if how == "hard link":
        output = tmp_path / "hard.yaml"
        os.link(target, output)
    elif how == "symbolic link":
        output = tmp_path / "soft.yaml"
        output.symlink_to(target)
    watch_outputs([output])
    assert input_named(output) is None  # nothing read yet
    for path in files:
        note_input(path)
    assert input_named(output) == str(target)
    with pytest.raises(UsageError):
        refuse_if_input(output)


def test_an_output_that_was_read_before_it_was_watched(files: list[Path]) -> None:
    note_input(files[3])
    watch_outputs([files[3]])
    with pytest.raises(UsageError):
        refuse_if_input(files[3])
