"""The ``ocop-rate`` typer app and its entry point; command groups register on it.

Exit codes (README, DESIGN.md): 0 all rated / nothing fell short; 1 ran, but something fell
short (a dossier could not be rated); 2 usage error or invalid input that stopped the run.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys
import warnings
from typing import Annotated, Literal

import typer

from ocop_rate import __version__
from ocop_rate.cli.common import EXIT_OK
from ocop_rate.cli.help import OcopGroup

HELP = (
    "Chấm điểm, phân hạng sản phẩm OCOP theo bộ tiêu chí — rate OCOP products "
    "(One Commune One Product) against the official scoring sheets.\n\n"
    "Exit codes: 0 all rated; 1 some dossier could not be rated; 2 usage or input error."
)

app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None, cls=OcopGroup)
rubrics_app = typer.Typer(help="List and show the scoring rubrics (phiếu đánh giá).",
                          cls=OcopGroup,
                          no_args_is_help=True)
app.add_typer(rubrics_app, name="rubrics")

def _version(value: bool) -> None:
    if value:
        typer.echo(f"ocop-rate {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Rate OCOP products against the official scoring sheets."""
    from ocop_rate.inputs import begin_run

    begin_run()  # every file this command reads is an input it must never write


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised like Ctrl-C's KeyboardInterrupt so that every ``finally``
    and ``except BaseException`` runs: a half-written ``.part`` file is removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: object) -> None:
    raise Terminated(signum)


def _say_stopped(name: str) -> None:
    from ocop_rate.messages import text

    with contextlib.suppress(OSError):
        sys.stderr.write(text("safety.interrupted", _lang(), signal=name) + "\n")


def main() -> None:
    """Console-script entry point: exit 130 on Ctrl-C, 128 + N on SIGTERM or SIGHUP, 2 when
    standard output cannot be written (a full disk, a closed pipe) — never a traceback."""
    # Pydantic looks for third-party plugins (a scan of every installed package's entry
    # points, ~25 ms) the first time a model is built; ocop-rate's models are its own, so
    # skip the scan unless the user asked for plugins by setting the variable themselves.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # numpy's OpenBLAS starts a pool of threads, one per core, when numpy is imported, and
    # they spin waiting for work; the engine's column sums and comparisons never call BLAS.
    # One thread: nothing started (rate ONE.yaml: 1,489 -> 1,393 M instructions), unless
    # the user set the variable.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    _no_plugin_loader()
    _safe_streams()
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, _on_signal)
    try:
        try:
            from ocop_rate.cli.lazy import command_tree

            command_tree(app)()
        finally:
            sys.stdout.flush()  # a full disk shows here, not at interpreter exit
    except KeyboardInterrupt:
        _say_stopped("SIGINT")
        sys.exit(130)
    except Terminated as stop:
        _say_stopped(signal.Signals(stop.signum).name)
        sys.exit(128 + stop.signum)
    except OSError as exc:  # standard output went away or is full
        _stdout_failed(exc)


def run() -> None:
    """What the process runs (the ``ocop-rate`` script and ``python -m ocop_rate``, through
    :func:`ocop_rate.launch.run`): :func:`main`, then the process leaves at once with its
    code. Once the command has
    finished, its outputs written atomically and standard output flushed, tearing the
    interpreter down only frees memory the system takes back anyway: for ``rate ONE.yaml``
    a fifth of its CPU time, spent emptying numpy's, pydantic's and rich's modules. The
    ordinary exit is kept where someone watches the process (a tracer, a profiler,
    coverage), where the code is not a number, and for :func:`main` called as a library."""
    try:
        main()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if not (code is None or isinstance(code, int)) or not _unobserved():
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # nothing left to write to: exit the ordinary way
        raise SystemExit(code) from None
    os._exit(code or 0)


def _unobserved() -> bool:
    """No tracer, profiler or coverage waits for the end of the run."""
    return sys.gettrace() is None and sys.getprofile() is None


PLUGINS_OFF = ("__all__", "1", "true")
"""The values of ``PYDANTIC_DISABLE_PLUGINS`` for which pydantic loads no plugin at all."""


def _no_plugin_loader() -> None:
    """With its plugins off, pydantic still imports its plugin loader when it builds the
    first model, and the loader imports ``importlib.metadata`` (email, zipfile, csv…): a
    fifth of what ``rate ONE.yaml`` adds to ``import typer, pydantic, numpy``, to learn that
    there is no plugin. A loader that answers as the real one does when plugins are off (no
    plugin) stands in for it, only then (tests/unit/cli/test_cli_imports.py holds the two
    to the same answer)."""
    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in PLUGINS_OFF or name in sys.modules:
        return
    import types

    loader = types.ModuleType(name, "pydantic's plugin loader while plugins are off")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = loader


class _Closed(io.TextIOBase):
    """Standard output or error that was closed before the run (``>&-``): writing to it
    is an ``OSError`` (so a report meant for it ends in our message, exit 2), and a run
    that writes only files (``-o``) goes through."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def isatty(self) -> bool:
        return False


def _safe_streams() -> None:
    """The environment, made safe before any command runs: a closed stdout or stderr is a
    :class:`_Closed` stream (never ``None``, which would end in a traceback); a stream
    whose encoding cannot hold Vietnamese (``PYTHONIOENCODING=ascii``) is written in
    UTF-8, as every file ocop-rate writes is, rather than failing at the first "ạ"; and a
    library's own warnings (openpyxl's, naming its site-packages path) are not shown:
    what they warn of is either checked by us, located, or of no consequence to a rating.
    ``-W`` or ``PYTHONWARNINGS`` still shows them."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _Closed())
            continue
        try:
            "ạ—★".encode(stream.encoding or "ascii")
        except (LookupError, UnicodeError):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(encoding="utf-8")
    if not sys.warnoptions:
        warnings.simplefilter("ignore")


def _stdout_failed(exc: OSError) -> None:
    from ocop_rate.messages import text

    with contextlib.suppress(OSError):  # nothing more may reach the dead stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError):
        sys.stderr.write("error: " + text("safety.stdout_failed", _lang(),
                                          reason=exc.strerror or str(exc)) + "\n")
    sys.exit(2)




def _lang() -> Literal["vi", "en"]:
    """The language of the last words, said after the command's own options are gone."""
    return "en" if os.environ.get("OCOP_LANG", "").strip().lower() == "en" else "vi"
