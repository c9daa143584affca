"""JUnit XML for CI test tabs: lints (a suite per rubric file, a test case per lint),
rubric diffs and golden checks (a test case per product)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ocop_rate.models.checks import LINTS, DiffReport, Finding, GoldenReport, LintReport
from ocop_rate.models.common import Lang
from ocop_rate.report.github import diff_sentence
from ocop_rate.report.labels import word

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Case:
    """One test case: it fails when ``failure`` is given; ``output`` goes to system-out."""

    classname: str
    name: str
    failure: str | None = None
    details: str = ""
    output: str = ""


def render(title: str, suites: dict[str, list[Case]]) -> str:
    """``<testsuites>`` with one ``<testsuite>`` per key, counts filled in."""
    root = ET.Element("testsuites", name=_clean(title))
    total = failed = 0
    for name, cases in suites.items():
        fails = sum(1 for c in cases if c.failure is not None)
        suite = ET.SubElement(root, "testsuite", name=_clean(name), tests=str(len(cases)),
                              failures=str(fails), errors="0", skipped="0")
        for case in cases:
            node = ET.SubElement(suite, "testcase", classname=_clean(case.classname),
                                 name=_clean(case.name))
            if case.failure is not None:
                failure = ET.SubElement(node, "failure", message=_clean(case.failure))
                failure.text = _clean(case.details or case.failure)
            if case.output:
                ET.SubElement(node, "system-out").text = _clean(case.output)
        total += len(cases)
        failed += fails
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped."""
    return _NOT_XML.sub("\ufffd", text)


def _finding(f: Finding, lang: Lang) -> str:
    """``file:line:col: severity [lint] message`` in ``lang``, as the terminal says it."""
    where = f.location.render()
    sev = word("accepted_sev" if f.accepted is not None else
               "error_sev" if f.severity == "error" else "warning_sev", lang)
    reason = "" if f.accepted is None else \
        f" — {f.accepted.get(lang) or f.accepted.get('vi', '')}"
    return f"{where}: " * bool(where) + f"{sev} [{f.lint}] {f.text(lang)}{reason}"


def lints(report: LintReport, lang: Lang) -> str:
    """A suite per rubric file, a case per lint: failing ones list their findings, in
    ``lang`` (the suite, class and case names stay: CI matches them)."""
    files = list(report.files)
    files += sorted({f.location.file or "(rubrics)" for f in report.findings} - set(files))
    suites: dict[str, list[Case]] = {}
    for file in files:
        cases = []
        for lint in LINTS.values():
            found = [f for f in report.findings
                     if (f.location.file or "(rubrics)") == file and f.lint == lint.id]
            failing = [f for f in found if report.fails(f)]
            rest = [f for f in found if not report.fails(f)]
            cases.append(Case(
                classname=file, name=lint.id,
                failure=f"{len(failing)} × {lint.id}: {failing[0].text(lang)}" if failing
                else None,
                details="\n".join(_finding(f, lang) for f in failing),
                output="\n".join(_finding(f, lang) for f in rest)))
        suites[file] = cases
    return render("ocop-rate validate", suites)


def diff(report: DiffReport, lang: Lang) -> str:
    cases = []
    for p in report.products:
        sentence = diff_sentence(p.product_id, p.before.stars, p.after.stars, p.before.total,
                                 p.after.total, lang)
        errors = "\n".join(e.message for e in p.after.errors)
        cases.append(Case(
            classname=p.rubric or "?", name=p.product_id,
            failure=sentence if report.trips(p) else None,
            details="\n".join(x for x in (sentence, errors) if x),
            output=sentence if p.changed else ""))
    return render(f"ocop-rate diff {report.base}..{report.head}",
                  {f"{report.base}..{report.head}": cases})


def golden(report: GoldenReport, lang: Lang) -> str:
    cases = [Case(classname=c.expected.location.file or report.expect if c.expected
                  else report.expect, name=c.product_id,
                  failure=None if c.status == "pass"
                  else f"{word(c.status, lang)}: {c.message}",
                  output=c.message if c.status == "pass" else "")
             for c in report.cases]
    return render(f"ocop-rate check {report.expect}", {report.expect: cases})
