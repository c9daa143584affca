"""report.plain_wrap gives rich's own lines for one-cell text (the oracle is rich)."""

from __future__ import annotations

import io

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import get_character_cell_size
from rich.console import Console
from rich.text import Text

from ocop_rate.report import plain_wrap

CONSOLE = Console(file=io.StringIO(), width=80, color_system=None)
# words, spaces and line breaks over the alphabet a council's text is made of
ALPHABET = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƯ0123456789"
            "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ.,;:()/-–—'\"“”•…★✗→")
TEXTS = st.lists(st.one_of(st.text(ALPHABET, min_size=1, max_size=30),
                           st.sampled_from([" ", "  ", "\n", " \n", "\n\n", "   "])),
                 max_size=25).map("".join)


def test_every_narrow_character_is_one_cell_for_rich() -> None:
    wide = [ch for ch in plain_wrap.NARROW if get_character_cell_size(ch) != 1]
    assert wide == []
    assert plain_wrap.narrow("Nước mắm Cái Rồng — ★★★★ • ✗ ⚠ →")
    assert not plain_wrap.narrow("日本") and not plain_wrap.narrow("a\tb")
    assert not plain_wrap.narrow("e\u0301")  # a combining accent is no cell of its own


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, width=st.integers(1, 40),
       justify=st.sampled_from(sorted(plain_wrap.JUSTIFY)),
       overflow=st.sampled_from(sorted(plain_wrap.OVERFLOW)), no_wrap=st.booleans())
@example(text="Nướcmắmcốtnhĩthượnghạng đóng chai", width=7, justify="left",
         overflow="fold", no_wrap=False)
@example(text="  đầu   cuối  \n\n", width=3, justify="right", overflow="ellipsis",
         no_wrap=False)
@example(text="", width=5, justify="left", overflow="fold", no_wrap=False)
def test_lines_are_richs(text: str, width: int, justify: str, overflow: str,
                         no_wrap: bool) -> None:
    assert plain_wrap.narrow(text)
    rich_lines = Text(text).wrap(CONSOLE, width, justify=justify,  # type: ignore[arg-type]
                                 overflow=overflow, no_wrap=no_wrap)  # type: ignore[arg-type]
    assert plain_wrap.wrap(text, width, justify=justify, overflow=overflow,
                           no_wrap=no_wrap) == [line.plain for line in rich_lines]
