"""Loader behaviour on broken files: every message names the file, the line and the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ocop_rate.errors import InputFileError, OcopError, RubricError, UsageError
from ocop_rate.loading.dossiers import collect_paths, read_dossier
from ocop_rate.loading.rubrics import load_library
from ocop_rate.models.rating import Failure, Rating
from ocop_rate.pipeline import rate_file
from tests.conftest import TINY_RUBRIC, dossier_data, dump

GOOD = {"A1": "h", "B1": "c", "C1": "c"}


def failure(tiny_rules: Path, path: Path) -> Failure:
    item = rate_file(load_library([tiny_rules]), path)
    assert isinstance(item, Failure), item
    return item


def test_good_dossier_rates(tiny_rules: Path, write_dossier: Callable[..., Path]) -> None:
    item = rate_file(load_library([tiny_rules]), write_dossier("ok.yaml", dossier_data([GOOD])))
    assert isinstance(item, Rating)
    assert item.total == 100.0


def test_broken_yaml_names_line_and_column(tiny_rules: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("product:\n  id: P-1\n  name: [unclosed\ncouncil: []\n", encoding="utf-8")
    err = failure(tiny_rules, path).errors[0]
    assert err.file == str(path)
    assert err.line is not None and err.line >= 3
    assert "invalid YAML" in err.message


def test_tab_indentation_is_located(tmp_path: Path) -> None:
    path = tmp_path / "tabs.yaml"
    path.write_text("product:\n\tid: P-1\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_dossier(path)
    problem = info.value.problems[0]
    assert problem.location.line == 2
    assert str(path) in problem.render()


def test_wrong_type_names_field(tiny_rules: Path, write_dossier: Callable[..., Path]) -> None:
    data = dossier_data([GOOD])
    data["council"][0]["scores"] = ["A1", "h"]
    path = write_dossier("wrong-type.yaml", data)
    err = failure(tiny_rules, path).errors[0]
    assert err.field == "council[0].scores"
    assert err.line is not None
    assert "should be a mapping of keys" in err.message  # our words, not pydantic's


def test_unknown_criterion_is_located(tiny_rules: Path,
                                      write_dossier: Callable[..., Path]) -> None:
    path = write_dossier("unknown-crit.yaml", dossier_data([{**GOOD, "A9": "a"}]))
    err = failure(tiny_rules, path).errors[0]
    assert err.field == "council[0].scores.A9"
    assert "unknown criterion 'A9'" in err.message
    lines = path.read_text(encoding="utf-8").splitlines()
    assert err.line is not None and "A9" in lines[err.line - 1]


def test_unknown_option_lists_expected(tiny_rules: Path,
                                       write_dossier: Callable[..., Path]) -> None:
    path = write_dossier("unknown-opt.yaml", dossier_data([{**GOOD, "B1": "z"}]))
    err = failure(tiny_rules, path).errors[0]
    assert err.field == "council[0].scores.B1"
    assert "unknown option 'z'" in err.message
    assert "a (0 pts), b (10 pts), c (25 pts)" in err.message
    assert err.line is not None


def test_missing_council(tiny_rules: Path, write_dossier: Callable[..., Path]) -> None:
    data = dossier_data([GOOD])
    del data["council"]
    err = failure(tiny_rules, write_dossier("no-council.yaml", data)).errors[0]
    assert err.field == "council"
    assert "missing" in err.message


def test_empty_council(tiny_rules: Path, write_dossier: Callable[..., Path]) -> None:
    err = failure(tiny_rules, write_dossier("empty.yaml", dossier_data([]))).errors[0]
    assert err.field == "council"
    assert "at least 1" in err.message


def test_unknown_rubric_suggests(tiny_rules: Path, write_dossier: Callable[..., Path]) -> None:
    path = write_dossier("unknown-rubric.yaml", dossier_data([GOOD], rubric="tinny"))
    err = failure(tiny_rules, path).errors[0]
    assert err.field == "product.rubric"
    assert "unknown rubric 'tinny'" in err.message and "did you mean tiny" in err.message
    lines = path.read_text(encoding="utf-8").splitlines()
    assert err.line is not None and "rubric: tinny" in lines[err.line - 1]


def test_blank_criterion_is_an_error(tiny_rules: Path,
                                     write_dossier: Callable[..., Path]) -> None:
    path = write_dossier("blank.yaml", dossier_data([{"A1": "h", "B1": "c"}]))
    err = failure(tiny_rules, path).errors[0]
    assert "gave no option for C1" in err.message


def test_all_problems_reported_in_one_pass(tiny_rules: Path,
                                           write_dossier: Callable[..., Path]) -> None:
    path = write_dossier("many.yaml", dossier_data([{**GOOD, "A9": "a", "B1": "z"}],
                                                   facts={"colour": "red"}))
    fields = {e.field for e in failure(tiny_rules, path).errors}
    assert {"council[0].scores.A9", "council[0].scores.B1", "facts.colour"} <= fields


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dupe.yaml"
    path.write_text("product:\n  id: P-1\n  id: P-2\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_dossier(path)
    problem = info.value.problems[0]
    assert "duplicate key 'id'" in problem.message
    assert (problem.location.line, problem.location.field) == (3, "product.id")


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("product: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_dossier(path)
    assert info.value.problems[0].location.line == 1


def test_not_utf8_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.yaml"
    path.write_bytes("product:\n  name: Đâm Hà\n".encode("cp1258"))  # a Windows-1258 file
    with pytest.raises(InputFileError) as info:
        read_dossier(path)
    problem = info.value.problems[0]
    assert "UTF-8" in problem.message and problem.location.line == 2


def test_utf16_and_bom_are_read(tiny_rules: Path, tmp_path: Path) -> None:
    import yaml

    text = yaml.safe_dump(dossier_data([GOOD]), allow_unicode=True)
    for name, raw in (("u16.yaml", text.encode("utf-16")),
                      ("bom.yaml", text.encode("utf-8-sig"))):
        path = tmp_path / name
        path.write_bytes(raw)
        assert read_dossier(path).dossier.product.id == "P-1"


def test_decomposed_diacritics_are_normalised(tmp_path: Path) -> None:
    import unicodedata

    data = dossier_data([GOOD])
    data["product"]["name"] = unicodedata.normalize("NFD", "Ngỗng sao Đầm Hà")
    path = dump(tmp_path / "nfd.yaml", data)
    assert read_dossier(path).dossier.product.name.vi == "Ngỗng sao Đầm Hà"


def test_missing_path_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        collect_paths([str(tmp_path / "nope")])
    assert "no such file or folder" in str(info.value)


def test_folder_and_glob_collection(tmp_path: Path) -> None:
    for name in ("a.yaml", "sub/b.json", "sub/c.yml", "notes.md", ".hidden/d.yaml"):
        dump(tmp_path / name, {})
    names = [p.name for p in collect_paths([str(tmp_path)])]
    assert names == ["a.yaml", "b.json", "c.yml"]
    globbed = [p.name for p in collect_paths([str(tmp_path / "**" / "*.json")])]
    assert globbed == ["b.json"]


def test_a_folder_walk_resolves_links_and_skips_what_is_not_an_input(tmp_path: Path) -> None:
    """A folder's files in path order, each once; a link to a file inside is the file it
    names (read once), a link out of the folder is refused, a linked folder is not
    entered; hidden files and folders, lock files and a folder named like a dossier are
    not inputs."""
    root, away = tmp_path / "in", tmp_path / "away"
    for name in ("b.yaml", "a/z.json", "a-b/c.csv", "a/deep/y.YML", ".h/x.yaml", ".x.yaml",
                 "~$book.xlsx"):
        dump(root / name, {})
    dump(away / "secret.yaml", {})
    (root / "dir.yaml").mkdir()
    (root / "again.yaml").symlink_to(root / "b.yaml")
    (root / "out.yaml").symlink_to(away / "secret.yaml")
    (root / "linked").symlink_to(away, target_is_directory=True)
    refused: list[Path] = []
    found = collect_paths([str(root)], refused)
    assert [p.relative_to(root).as_posix() for p in found] == [  # as paths: a/ before a-b/
        "a/deep/y.YML", "a/z.json", "a-b/c.csv", "again.yaml"]  # b.yaml: the same file
    assert refused == [root / "out.yaml"]
    assert collect_paths([str(root / "a" / "..")]) == [
        root / "a" / ".." / p for p in ("a/deep/y.YML", "a/z.json", "a-b/c.csv", "again.yaml")]


def test_a_folder_walk_names_and_orders_files_as_paths_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk keeps names as text: each is the name ``Path`` gives the file (``.`` and a
    trailing separator dropped, ``..`` kept), in the order paths sort, whatever the
    folder is called (``.``, relative, absolute, with ``..``)."""
    from ocop_rate.loading.dossiers import INPUT_SUFFIXES

    root = tmp_path / "in"
    names = ("b.yaml", "a/z.json", "a-b/c.csv", "a.b/d.yaml", "A/e.yml", "x.YAML", "ệ/f.yaml",
             "n.yaml.", "~$lock.xlsx", ".h/x.yaml", "sub/.hidden.yaml", "note.txt", "s.tsv",
             "s.xlsx", "a/b/c/deep.json", "a/b-c.yaml", "a/b/0.yaml", "sp ace/é.yaml")
    for name in names:
        dump(root / name, {})

    def by_paths(folder: str) -> list[Path]:
        """The files as a walk of Path objects finds and sorts them."""
        start = Path(folder)
        return sorted(p for p in start.rglob("*") if p.is_file()
                      and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith("~$")
                      and not any(part.startswith(".") and part not in (".", "..")
                                  for part in p.parts[len(start.parts):]))

    monkeypatch.chdir(tmp_path)
    for folder in ("in", "in/", "./in", str(root), f"{root}/", "in/a/..", "in/a/../a"):
        found = collect_paths([folder])
        assert found == by_paths(folder), folder
        assert [str(p) for p in found] == [str(p) for p in by_paths(folder)], folder
    assert len(collect_paths(["in"])) == 13
    monkeypatch.chdir(root)
    assert [str(p) for p in collect_paths(["."])] == [str(p) for p in by_paths(".")]
    assert str(collect_paths(["."])[0]) == "A/e.yml"


def test_rubric_errors_are_located(tmp_path: Path) -> None:
    broken = {**TINY_RUBRIC, "criteria": [dict(c) for c in TINY_RUBRIC["criteria"]]}
    broken["criteria"][1]["options"] = [{"code": "a", "points": "lots", "label": "x"}]
    path = dump(tmp_path / "rules" / "broken.yaml", broken)
    with pytest.raises(RubricError) as info:
        load_library([tmp_path / "rules"])
    rendered = str(info.value)
    assert str(path) in rendered and "criteria[1].options[0].points" in rendered


def test_rubric_parts_must_add_up(tmp_path: Path) -> None:
    broken = {**TINY_RUBRIC, "parts": [dict(p) for p in TINY_RUBRIC["parts"]]}
    broken["parts"][0]["max_points"] = 45
    dump(tmp_path / "rules" / "broken.yaml", broken)
    with pytest.raises(RubricError, match="part A: its criteria add up to 40"):
        load_library([tmp_path / "rules"])


def test_extends_merges_and_detects_cycles(tmp_path: Path) -> None:
    base = {k: v for k, v in TINY_RUBRIC.items() if k != "id"} | {"id": "base",
                                                                  "abstract": True}
    child = {"id": "child", "extends": "base", "name": "Con",
             "criteria": [{**TINY_RUBRIC["criteria"][1], "name": "B1 đổi tên"}]}
    dump(tmp_path / "ok" / "base.yaml", base)
    dump(tmp_path / "ok" / "child.yaml", child)
    library = load_library([tmp_path / "ok"])
    assert list(library.rubrics) == ["child"]
    resolved = library.get("child")
    assert resolved.lineage == ("base",)
    assert [c.id for c in resolved.criteria] == ["A1", "B1", "C1"]
    assert resolved.criteria_by_id["B1"].name.vi == "B1 đổi tên"

    dump(tmp_path / "cycle" / "x.yaml", {"id": "x", "extends": "y"})
    dump(tmp_path / "cycle" / "y.yaml", {"id": "y", "extends": "x"})
    with pytest.raises(RubricError, match="cycle"):
        load_library([tmp_path / "cycle"])


def test_unknown_extends_target(tmp_path: Path) -> None:
    dump(tmp_path / "r" / "x.yaml", {"id": "x", "extends": "nowhere"})
    with pytest.raises(RubricError) as info:
        load_library([tmp_path / "r"])
    problem = info.value.problems[0]
    assert "unknown rubric 'nowhere'" in problem.message
    assert problem.location.line == 2


def test_library_errors_are_ocop_errors() -> None:
    assert issubclass(RubricError, OcopError) and issubclass(UsageError, OcopError)


def test_reading_what_is_not_a_readable_file_is_refused_located(tmp_path: Path) -> None:
    """A folder, a missing file, a path through a file, a FIFO: each its own message, at
    the name given."""
    import os

    from ocop_rate.errors import InputFileError
    from ocop_rate.loading.file_text import read_bytes

    (tmp_path / "file.yaml").write_text("a: 1\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    cases = {"folder.yaml": "input.is_folder", "missing.yaml": "input.no_such_file",
             "file.yaml/x.yaml": "input.cannot_read", "pipe.yaml": "safety.not_regular_input"}
    (tmp_path / "folder.yaml").mkdir()
    for name, message_id in cases.items():
        with pytest.raises(InputFileError) as info:
            read_bytes(tmp_path / name)
        problem = info.value.problems[0]
        assert (problem.message_id, problem.location.file) == (message_id, str(tmp_path / name))
    assert read_bytes(tmp_path / "file.yaml") == b"a: 1\n"


def test_a_members_entries_are_read_as_codes(tmp_path: Path) -> None:
    """Codes compared as every input compares them; typed points read as text; blank
    entries are no entries; a sheet of plain codes and one with blanks read alike."""
    from ocop_rate.errors import DossierError

    plain = {"A1": "B", "A2": "-", "A3": " c "}
    mixed = {"A1": "B", "A2": None, "A3": 2, "A4": 0.5, "A5": "-"}
    path = dump(tmp_path / "d.yaml", dossier_data([plain, mixed]))
    council = read_dossier(path).dossier.council
    assert council[0].scores == {"A1": "b", "A2": "none", "A3": "c"}
    assert council[1].scores == {"A1": "b", "A3": "2", "A4": "0.5", "A5": "none"}
    bad = dump(tmp_path / "bad.yaml", dossier_data([{"A1": True}]))
    with pytest.raises(DossierError) as info:
        read_dossier(bad)
    assert info.value.problems[0].location.field == "council[0].scores.A1"
