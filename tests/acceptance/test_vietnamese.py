"""Vietnamese first: every message id speaks both languages, and a ``--lang vi`` run over
the samples and the bad-input corpus shows no English word, ours or a library's."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ocop_rate.cli import app
from ocop_rate.messages import text
from tests.conftest import SAMPLES
from tests.po_catalogue import po_catalogue

runner = CliRunner()
CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
TINY = CORPUS / "tiny-rubric"
WORD = re.compile(r"[^\W\d_]+")

# Words a library says when it speaks for itself (PyYAML, pydantic, pandas, openpyxl, click,
# the operating system): none may reach a Vietnamese run, whatever its version.
_LIBRARY_TEXT = """
input should valid string integer number field required missing extra inputs permitted
tuple least item items after validation found character cannot start token while
scanning quoted scalar unexpected stream expected document another mapping values
allowed here could determine constructor tag python object apply error tokenizing data
fields line saw exceeds limit digits conversion value has increase nested deeply
exceeded maximum nesting depth flow level permission denied such file directory usage
try help option got invalid greater than equal less finite list dictionary type literal
pattern match
"""
LIBRARY_WORDS = set(_LIBRARY_TEXT.split())


def _plain(word: str) -> bool:
    """A word without any Vietnamese letter (diacritics, đ): it could be English."""
    return all(ord(c) < 128 for c in unicodedata.normalize("NFC", word))


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _said(template: str) -> str:
    """A catalogue text without its ``{placeholders}``: a parameter's name is not a word."""
    return PLACEHOLDER.sub(" ", template)


def command_names() -> set[str]:
    """Every command's and group's name (``register file``, ``round status``): typed as
    they are, so a Vietnamese example that types one does not make it a Vietnamese word."""
    import typer.main

    def names(group: object) -> set[str]:
        commands = getattr(group, "commands", {})
        return {*commands, *(n for c in commands.values() for n in names(c))}

    return names(typer.main.get_command(app))


def _english_vocabulary() -> set[str]:
    """English words of our catalogue (and libraries), less any word the Vietnamese side
    uses too (OCOP, CSV, UTF, YAML … are the same in both), command names typed in an
    example apart."""
    english = {w.lower() for _, en in po_catalogue().values() for w in WORD.findall(_said(en))}
    typed = command_names()
    vietnamese = {w.lower() for key, (vi, _) in po_catalogue().items()
                  for w in WORD.findall(_said(vi))
                  if not (key.endswith(".example") and w in typed)}
    return {w for w in english | LIBRARY_WORDS if _plain(w) and len(w) > 2} - vietnamese


# Vietnamese words and input content that look English: "Hạ Long", "may" (to sew: "dệt
# may"), the corpus product "Merge keys", the certificate "Global GAP" in a rubric's label.
NOT_ENGLISH = {"long", "may", "keys", "gap"}
ENGLISH = _english_vocabulary() - NOT_ENGLISH
# What a run may echo from its inputs: paths, quoted values, ids, codes, YAML tags; and the
# stable lint ids of `validate` ("[schema]"), which CI filters on.
ECHOES = re.compile(r"""\S*[/\\]\S*|'[^']*'|"[^"]*"|\S*[._\-:]\S*|\b[a-z]\)|\[[a-z-]+\]""")


# A command line as typed ("ocop-rate register file …"): its command names are not prose.
TYPED = re.compile(rf"ocop-rate(?: (?:{'|'.join(sorted(command_names(), key=len)[::-1])})\b)*")


def english_words(output: str) -> set[str]:
    """The English words in ``output`` once the inputs' own words (and the command names
    of a command line) are taken out."""
    said = ECHOES.sub(" ", TYPED.sub(" ", output))
    return {w for w in WORD.findall(said) if _plain(w) and w.lower() in ENGLISH}


def test_every_id_renders_in_both_languages() -> None:
    """Every id at once (the failure lists each bad one): both languages render, and the
    Vietnamese text has no English word (unless both languages say the same)."""
    bad = {}
    for message_id, (vi, en) in sorted(po_catalogue().items()):
        params = {name: "X" for _, name, _, _ in __import__("string").Formatter().parse(vi)
                  if name}
        said_vi, said_en = text(message_id, "vi", params), text(message_id, "en", params)
        if not (said_vi.strip() and said_en.strip()):
            bad[message_id] = "renders empty"
        elif (found := english_words(said_vi)) and vi != en:
            bad[message_id] = f"English in the Vietnamese text: {sorted(found)}"
    assert len(po_catalogue()) > 800, "the catalogue was not read"
    assert bad == {}


def _run(*args: str) -> str:
    result = runner.invoke(app, [*args, "--lang", "vi"], env={"COLUMNS": "100"})
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    assert "Traceback" not in result.output
    return result.stdout + result.stderr


def _outputs() -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    bad = [str(CORPUS / "dossiers"), str(CORPUS / "sheets")]
    runs.append(("rate corpus", _run("rate", *bad, "--rules", str(TINY))))
    runs.append(("explain corpus", _run("explain", *bad, "--rules", str(TINY))))
    runs.append(("summary corpus", _run("summary", *bad, "--rules", str(TINY))))
    for case in sorted((CORPUS / "rules").iterdir()):
        runs.append((f"rules {case.name}", _run(
            "rate", str(CORPUS / "dossiers" / "utf8-bom.yaml"), "--rules", str(case))))
        runs.append((f"validate {case.name}", _run("validate", str(case))))
    runs.append(("rate samples", _run("rate", str(SAMPLES))))
    runs.append(("rate samples members", _run("rate", str(SAMPLES), "--members")))
    runs.append(("summary samples", _run("summary", str(SAMPLES))))
    runs.append(("markdown samples", _run("rate", str(SAMPLES), "-f", "markdown")))
    for sample in sorted(SAMPLES.glob("*.yaml")):
        runs.append((f"explain {sample.name}", _run("explain", str(sample))))
    runs.append(("no such path", _run("rate", "no/such/folder")))
    runs.append(("unknown rubric", _run("rubrics", "show", "food-fresh-meet-26")))
    runs.append(("rubric sheet", _run("rubrics", "show", "food-fresh-meat-26")))
    runs.append(("rubric list", _run("rubrics", "list")))
    runs.append(("validate bundled", _run("validate")))
    return runs


def test_no_english_word_reaches_a_vietnamese_run() -> None:
    leaks = {name: sorted(found) for name, output in _outputs()
             if (found := english_words(output))}
    assert leaks == {}


def test_the_detector_sees_english() -> None:
    """The check above can fail: an English sentence of ours, or a library's, is caught."""
    assert english_words("tệp trống; file is empty") == {"file", "empty"}
    assert "should" in english_words("A1: Input should be a valid string")
    assert english_words("lỗi: ho-so.yaml:3: 'council' không có") == set()


def test_default_language_is_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OCOP_LANG", raising=False)
    result = runner.invoke(app, ["rate", "no/such/folder"])
    assert result.exit_code == 2
    assert "lỗi: no/such/folder: không có tệp hoặc thư mục này" in result.stderr
    english = runner.invoke(app, ["rate", "no/such/folder"], env={"OCOP_LANG": "en"})
    assert "error: no/such/folder: no such file or folder" in english.stderr


def _round_outputs(root: Path) -> list[tuple[str, str]]:
    """A council round's outputs in Vietnamese: a complete round, one with every problem a
    secretary meets (a non-member's sheet, a near-miss id, a member missing below quorum,
    an unknown option code, a sheet scored twice), consensus and a re-scoring; and
    ``round new``, written and refused."""
    import csv

    import yaml

    from tests import round_factory as rf

    runs: list[tuple[str, str]] = []
    good = root / "good"
    drawn = rf.make_round(good, products=3, members=3)
    runs.append(("round rate", _run("rate", str(good))))
    runs.append(("round rate members", _run("rate", str(good), "--members")))
    runs.append(("round markdown", _run("rate", str(good), "-f", "markdown")))
    runs.append(("round status", _run("round", "status", str(good))))
    runs.append(("round central", _run("rate", str(good), "--level", "central")))

    bad = root / "bad"
    drawn = rf.make_round(bad, products=4, members=3, per_member=False, suffix=".csv",
                          quorum=3)
    lan, son = rf.MEMBERS[0], rf.MEMBERS[1]
    odd = {**drawn[("QN-UB-0004", lan)], "B4.1": "z"}  # an option the rubric lacks
    rows = [(pid, m, odd if (pid, m) == ("QN-UB-0004", lan) else codes)
            for (pid, m), codes in drawn.items() if (pid, m) != ("QN-UB-0002", son)]
    rows.append(("QN-UB-001", son, drawn[("QN-UB-0001", son)]))       # a near miss
    rows.append(("QN-UB-0003", lan, drawn[("QN-UB-0003", lan)]))      # scored twice
    rf.write_sheet(bad / "combined.csv", rows)
    rf.write_sheet(bad / "stranger.csv", [("QN-UB-0001", "Người Lạ",
                                           drawn[("QN-UB-0001", lan)])])
    for fmt in ("table", "markdown", "csv", "json"):
        said = _run("rate", str(bad), "-f", fmt)
        if fmt == "json":  # the JSON's 'message' is English for scripts: stderr only
            said = runner.invoke(app, ["rate", str(bad), "-f", "json", "--lang", "vi"],
                                 env={"COLUMNS": "100"}).stderr
        runs.append((f"round problems {fmt}", said))
    runs.append(("round problems status", _run("round", "status", str(bad))))
    runs.append(("round problems members", _run("rate", str(bad), "--members")))

    agreed = root / "agreed"
    rf.make_round(agreed, products=2, members=3, mode="consensus")
    rf.write_sheet(agreed / "thong-nhat.csv", [(pid, "Hội đồng", drawn[(pid, lan)])
                                               for pid in rf.product_ids(1)])
    runs.append(("round consensus", _run("rate", str(agreed))))
    runs.append(("round consensus status", _run("round", "status", str(agreed))))

    again = root / "again"
    drawn = rf.make_round(again, products=2, members=3)
    rf.write_sheet(again / "lan-2.csv", [("QN-UB-0002", lan, {
        **drawn[("QN-UB-0002", lan)], "C7": "d"})], extra={"pass": ["2"], "comment": ["Xem lại"]})
    runs.append(("round rescored", _run("rate", str(again))))
    runs.append(("round rescored markdown", _run("rate", str(again), "-f", "markdown")))

    roster = root / "roster.csv"
    with roster.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["name", "unit", "role"])
        out.writerows([[lan, "Sở KH&CN", "chair"], [son, "Sở NN&MT", "member"],
                       [rf.SECRETARY, "Sở NN&MT", "secretary"]])
    listed = root / "products.csv"
    rf.write_products(listed, 2)
    args = ("round", "new", str(root / "new"), "--roster", str(roster), "--products",
            str(listed), "--name", "Đợt 1")
    runs.append(("round new", _run(*args)))
    runs.append(("round new refused", _run(*args)))
    runs.append(("round not a round", _run("round", "status", str(root))))
    runs.append(("round new bad date", _run(*args, "--date", "31/11/2026")))
    runs.append(("round new bad quorum", _run(*args, "--quorum", "hai")))
    assert yaml.safe_load((good / "round.yaml").read_text(encoding="utf-8"))
    return runs


def test_no_english_word_reaches_a_vietnamese_round(tmp_path: Path) -> None:
    """Issue 14 on issue 13's round: the table and its errors, ``round status``, ``round
    new`` and the problems of a round speak Vietnamese only."""
    runs = _round_outputs(tmp_path)
    leaks = {name: sorted(found) for name, output in runs if (found := english_words(output))}
    assert leaks == {}
    said = dict(runs)  # the runs did reach what they test
    assert "Người Lạ" in said["round problems table"]
    assert "QN-UB-001" in said["round problems table"]
    assert "B4.1" in said["round problems table"]
    assert "31/11/2026" in said["round new bad date"]
    assert "--quorum hai" in said["round new bad quorum"]
