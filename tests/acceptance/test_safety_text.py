"""Strings from files: lone surrogates, control and bidirectional characters refused at
load; rich markup and terminal escapes never act; members and product ids compared in one
normal form; Markdown escaped (issue 12, items 8-13, 15)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import dossier_data, dump
from tests.hostile import TINY, assert_clean, cli, cli_here

GOOD = {"A1": "h", "B1": "c", "C1": "c"}
HEADER = "product_id,product_name,rubric,member,A1,B1,C1\n"
RAW_ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def write_json_text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def json_dossier(name: str = "Sản phẩm", member: str = "M1", pid: str = "J-1") -> str:
    """A dossier as JSON text, the values pasted in raw (so escapes stay escapes)."""
    return ('{"product": {"id": "PID", "name": "NAME", "rubric": "tiny"}, "council": '
            '[{"member": "MEMBER", "scores": {"A1": "h", "B1": "c", "C1": "c"}}]}'
            ).replace("PID", pid).replace("NAME", name).replace("MEMBER", member)


# --- 8. lone surrogates -------------------------------------------------------------------

LONE_SURROGATES = {  # file -> (its text, the field the error names)
    "name.json": (json_dossier(name="ch\\udfffè", pid="J-1"), "product.name"),
    "member.json": (json_dossier(member="\\ud800", pid="J-2"), "council[0].member"),
    "scores.json": (json_dossier(pid="J-3").replace('"A1": "h"', '"A\\udc001": "h"'),
                    "council[0].scores"),
}


def test_lone_surrogates_are_refused_at_load(tmp_path: Path) -> None:
    """Every case in one folder, one process per output format: each bad file is named in
    every format, the good one is still rated."""
    bad = {write_json_text(tmp_path / "d" / name, text): field
           for name, (text, field) in LONE_SURROGATES.items()}
    dump(tmp_path / "d" / "good.yaml", dossier_data([GOOD], pid="G-1"))
    for fmt in ("json", "csv", "markdown", "html", "table"):
        run = cli("rate", tmp_path / "d", "-r", TINY, "-f", fmt)
        assert_clean(run)
        assert run.code == 1, (fmt, run.text)
        assert "lone surrogate" in run.text
        for path in bad:
            assert str(path) in run.text.replace("\\_", "_"), (fmt, path)  # Markdown escapes '_'
        if fmt == "json":
            items = json.loads(run.out)
            fields = {i["file"]: i["errors"][0]["field"] for i in items if i["errors"]}
            assert fields == {str(path): field for path, field in bad.items()}
            assert [i["stars"] for i in items if not i["errors"]] == [5]
    out = tmp_path / "r.xlsx"
    run = cli("rate", tmp_path / "d", "-r", TINY, "-f", "xlsx", "-o", out)
    assert_clean(run)
    assert run.code == 1 and out.stat().st_size > 0


# --- 11. control characters, terminal escapes --------------------------------------------

HOSTILE_YAML = {
    "osc-title": 'name: "x\\e]0;owned\\a"',
    "screen-clear": 'name: "\\x1b[2J\\x1b[H"',
    "hyperlink": 'name: "\\e]8;;http://evil.example\\e\\\\click\\e]8;;\\e\\\\"',
    "c1-csi": 'name: "\\x9b31m"',
    "bidi-override": 'name: "abc\\u202edcba"',
    "carriage-return-only": 'name: "ok"\n  producer: {name: "x\\by"}',
}


def test_control_characters_in_yaml_are_refused_located(tmp_path: Path) -> None:
    """Every case a file of one folder, read by one process: each refused with its line."""
    paths = {}
    for number, (case, line) in enumerate(HOSTILE_YAML.items()):
        paths[case] = tmp_path / f"{case}.yaml"
        paths[case].write_text(f"product:\n  id: E-{number}\n  " + line + "\n  rubric: tiny\n"
                               "council:\n- member: M1\n  scores: {A1: h, B1: c, C1: c}\n",
                               encoding="utf-8")
    run = cli_here("rate", tmp_path, "-r", TINY, "-f", "json")  # the table: a process
    assert_clean(run)
    assert run.code == 1, run.text
    errors = {i["file"]: i["errors"][0] for i in json.loads(run.out)}
    for case, path in paths.items():
        error = errors[str(path)]
        assert "is not allowed in text" in error["message"], (case, error)
        assert error["line"] is not None, (case, error)
    table = cli("rate", tmp_path, "-r", TINY)
    assert not RAW_ESCAPES.search(table.text), table.text


def test_binary_values_and_json_escapes_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "bin.yaml"
    binary.write_text("product: {id: B-1, name: x, rubric: tiny}\ncouncil:\n"
                      "- member: !!binary G10wO293bmVkBw==\n  scores: {A1: h, B1: c, C1: c}\n",
                      encoding="utf-8")
    esc = write_json_text(tmp_path / "esc.json", json_dossier(name="\\u001b]0;owned\\u0007"))
    for path, words in ((binary, "binary value"), (esc, "U+001B")):
        run = cli_here("rate", path, "-r", TINY, "-f", "json")
        assert_clean(run)
        assert run.code == 1 and words in run.out, run.text


def test_rubric_labels_with_escapes_stop_the_run(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    text = (TINY / "tiny.yaml").read_text("utf-8").replace("label: A 40",
                                                            'label: "A 40\\e[5m"')
    (rules).mkdir()
    (rules / "tiny.yaml").write_text(text, encoding="utf-8")
    run = cli("rate", tmp_path, "-r", rules)
    assert_clean(run)
    assert run.code == 2 and "U+001B" in run.err and "tiny.yaml" in run.err


def test_escapes_in_file_names_and_sheet_cells_never_reach_the_terminal(tmp_path: Path
                                                                        ) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "\x1b]0;owned\x07.yaml").write_text("product: [", encoding="utf-8")
    (folder / "s.csv").write_text(HEADER + "S-1,x,tiny,M1,\x1b[2Jh,c,c\n"
                                  "S-2,\x1b]8;;http://e\x1b\\x,tiny,M1,h,c,c\n"
                                  "S-3,ok,tiny,M\x9b1,h,c,c\n", encoding="utf-8")
    for number, args in enumerate((
            ["rate", folder], ["rate", folder, "-f", "markdown"], ["rate", folder, "-f", "csv"],
            ["explain", folder], ["rate", folder, "--members"],
            ["check", folder, "-e", tmp_path / "g.csv"])):
        (tmp_path / "g.csv").write_text("product_id,stars\nS-1,5\n", encoding="utf-8")
        # the terminal table in a real process; the other commands' bytes in this one
        run = (cli if number == 0 else cli_here)(*args, "-r", TINY)
        assert_clean(run)
        assert run.code == 1, (args, run.text)
        assert not RAW_ESCAPES.search(run.text.replace("\r\n", "\n")), (args, run.text)
    items = json.loads(cli_here("rate", folder, "-r", TINY, "-f", "json").out)
    messages = " ".join(e["message"] for i in items for e in i["errors"])
    assert "U+001B" in messages and "U+009B" in messages
    assert "\\x1b[2Jh" in messages  # the unknown code, shown escaped


# --- 10. rich markup -----------------------------------------------------------------------

MARKUP = ["[/]", "[bold]Lan", "[blink]Mai[/blink]", "[link=http://evil.example]Hoa[/link]",
          "\\[red]x", ":smile:"]


def test_markup_in_names_is_printed_as_typed(tmp_path: Path) -> None:
    """Each name a product and a member of its own dossier, all in one folder: each command
    runs once over all of them."""
    for number, name in enumerate(MARKUP):
        data = dossier_data([GOOD, GOOD], pid=f"MK-{number}")
        data["council"][0]["member"] = name
        data["product"]["name"] = name
        dump(tmp_path / "d" / f"m{number}.yaml", data)
    for args in (["rate", tmp_path / "d", "--members"], ["explain", tmp_path / "d"],
                 ["summary", tmp_path / "d"], ["rate", tmp_path / "d"]):
        run = cli(*args, "-r", TINY, env={"COLUMNS": "200"})
        assert_clean(run)
        assert run.code == 0, (args, run.text)
        if args[0] != "summary":
            assert [n for n in MARKUP if n not in run.out] == [], (args, run.out)
        assert "\x1b" not in run.out


# --- 12. one member, several spellings -----------------------------------------------------

SPELLINGS = [("Lan", "Lan "), ("Lan", "LAN"), ("Lan", "La\u200bn"),
             ("Nguyễn Văn Lan", "Nguyễn\u00a0Văn  Lan"), ("Lê", "Le\u0302")]


def test_same_member_spelled_twice_in_a_dossier(tmp_path: Path) -> None:
    paths = []
    for number, pair in enumerate(SPELLINGS):
        data = dossier_data([GOOD, GOOD], pid=f"P-{number}")
        data["council"][0]["member"], data["council"][1]["member"] = pair
        paths.append(str(dump(tmp_path / f"m{number}.yaml", data)))
    run = cli_here("rate", tmp_path, "-r", TINY, "-f", "json")
    assert_clean(run)
    assert run.code == 1, run.text
    said = {i["file"]: " ".join(e["message"] for e in i["errors"])
            for i in json.loads(run.out)}
    assert [p for p in paths if "named more than once" not in said.get(p, "")] == [], said


def test_same_member_spelled_twice_in_a_sheet(tmp_path: Path) -> None:
    seconds = ["LAN", " lan", "La\u200bn", "Lan\u00a0"]
    path = tmp_path / "s.csv"
    path.write_text(HEADER + "".join(f"S-{n},x,tiny,Lan,h,c,c\nS-{n},x,tiny,{second},h,c,c\n"
                                     for n, second in enumerate(seconds)), encoding="utf-8")
    run = cli_here("rate", path, "-r", TINY, "-f", "json")
    assert_clean(run)
    assert run.code == 1, run.text
    assert [n for n in range(len(seconds))
            if f"scores product S-{n} twice" not in run.out] == [], run.text


# --- 13. look-alike product ids ------------------------------------------------------------

LOOK_ALIKE_IDS = ["QN\u200b-01", "\ufeffQN-02", "QN-\u206003", "QN\u2011" "04", "QN\u00ad-05"]


def _messages(run_out: str, words: str) -> list[str]:
    """The error messages of a JSON report that contain ``words``."""
    return [e["message"] for i in json.loads(run_out) for e in i["errors"]
            if words in e["message"]]


def test_invisible_or_look_alike_characters_in_ids_are_refused(tmp_path: Path) -> None:
    """Every id a dossier of one folder, then a row of one sheet: each refused."""
    for number, pid in enumerate(LOOK_ALIKE_IDS):
        dump(tmp_path / "d" / f"d{number}.yaml", dossier_data([GOOD], pid=pid))
    run = cli_here("rate", tmp_path / "d", "-r", TINY, "-f", "json")
    assert_clean(run)
    assert run.code == 1, run.text
    assert len(_messages(run.out, "invisible or look-alike")) == len(LOOK_ALIKE_IDS), run.out
    sheet = tmp_path / "s.csv"
    sheet.write_text(HEADER + "".join(f"{pid},x,tiny,M1,h,c,c\n" for pid in LOOK_ALIKE_IDS),
                     encoding="utf-8")
    run = cli_here("rate", sheet, "-r", TINY, "-f", "json")
    assert run.code == 1, run.text
    assert len(_messages(run.out, "invisible or look-alike")) == len(LOOK_ALIKE_IDS), run.out


SAME_IDS = [("QN-01", "qn-01"), ("ĐN-1", "đn-1"), ("QN-03", "ＱＮ-03")]


def test_ids_are_compared_in_one_normal_form(tmp_path: Path) -> None:
    """Every pair in one folder (two dossiers each), then in one sheet, then mixed."""
    for number, (first, second) in enumerate(SAME_IDS):
        dump(tmp_path / "d" / f"a{number}.yaml", dossier_data([GOOD], pid=first))
        dump(tmp_path / "d" / f"b{number}.yaml", dossier_data([GOOD], pid=second))
    run = cli_here("rate", tmp_path / "d", "-r", TINY, "-f", "json")
    assert_clean(run)
    assert run.code == 1, run.text
    assert len(_messages(run.out, "is already used by")) == len(SAME_IDS), run.out
    sheet = tmp_path / "s.csv"
    sheet.write_text(HEADER + "".join(f"{first},x,tiny,M1,h,c,c\n{second},x,tiny,M1,h,c,c\n"
                                      for first, second in SAME_IDS), encoding="utf-8")
    run = cli_here("rate", sheet, "-r", TINY, "-f", "json")
    assert run.code == 1, run.text
    assert len(_messages(run.out, "is the same as")) == len(SAME_IDS), run.out
    firsts = [tmp_path / "d" / f"a{number}.yaml" for number in range(len(SAME_IDS))]
    mixed = cli_here("rate", *firsts, sheet, "-r", TINY, "-f", "json")
    assert mixed.code == 1
    # a dossier and a sheet of one product are one council (issue 19): with a part of
    # it refused (the second spelling), the product is not rated on the rest
    assert len(_messages(mixed.out, "is the same as")) == len(SAME_IDS), mixed.out
    assert len(_messages(mixed.out, "whose part could not be used")) == len(SAME_IDS)
    assert all(item["errors"] for item in json.loads(mixed.out)), mixed.out


# --- 15. Markdown --------------------------------------------------------------------------

def test_markdown_escapes_ids_and_breaks(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    dump(folder / "bad.yaml", {"product": {"id": "X`<img/src=x>`", "name": "n",
                                           "rubric": "nope"},
                               "council": [{"member": "M1", "scores": GOOD}]})
    (folder / "s.csv").write_text(HEADER + 'S-1,"dòng 1\r\ndòng 2\rdòng 3",tiny,M1,h,c,c\n'
                                  "S-2,<b>x</b>|y,tiny,M1,h,c,c\n", encoding="utf-8")
    run = cli("rate", folder, "-r", TINY, "-f", "markdown")
    assert_clean(run)
    assert run.code == 1
    assert not re.search(r"(?<!\\)[<>`]", run.out)  # every <, > and ` escaped
    assert "\r" not in run.out
    table = [line for line in run.out.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 3  # header, rule, three products: no row broken
    assert all(line.count(" | ") + line.count("\\|") >= 7 for line in table[2:])
    assert "\\`" in run.out  # the id's backtick escaped, no code span to close


def test_xlsx_writers_hold_control_characters_escaped() -> None:
    """Defence in depth: loaders refuse control characters, the writers escape them."""
    from ocop_rate.render.safety import neutralise

    assert neutralise("a\x1bb\x00\ud800") == "a\\x1bb\\x00\\ud800"
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise(-3) == -3




@pytest.mark.parametrize(("args", "echoed"), [
    (["rate", "--\x1b[31mred", "x"], True), (["rate", "--format", "\x1b]0;pwned\x07", "x"], False),
    (["\x1b[2Jrate"], False)], ids=["option", "value", "command"])
def test_usage_errors_show_escapes_typed_on_the_command_line(args: list[str],
                                                             echoed: bool) -> None:
    """A command line is typed (or pasted) by the user, but still never drives the
    terminal: what the usage error echoes of it shows its escapes."""
    run = cli(*args)
    assert run.code == 2
    assert_clean(run)
    assert "\x1b" not in run.err and "\x07" not in run.err
    assert ("--\\x1b[31mred" in run.err) is echoed
