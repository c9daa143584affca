"""What a command draws in a real terminal: tmux with a pane of a given width."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

END = "=== done ==="


def terminal_env() -> dict[str, str]:
    """This environment without a width or tmux of its own, this Python's scripts first."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("COLUMNS", "LINES", "TMUX", "OCOP_LANG")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def tmux_lines(command: str, cwd: Path, width: int) -> list[str]:
    """The lines ``command`` draws in a ``width``-column tmux pane, up to its end."""
    socket = f"ocop-rate-test-{os.getpid()}-{time.monotonic_ns()}"
    base = ["tmux", "-L", socket, "-f", "/dev/null"]
    shell = f"cd '{cwd}' && {command}; echo '{END}'; sleep 60"
    subprocess.run([*base, "new-session", "-d", "-x", str(width), "-y", "500", shell],
                   check=True, env=terminal_env(), timeout=30)
    try:
        deadline = time.monotonic() + 90
        while True:
            screen = subprocess.run([*base, "capture-pane", "-p", "-S", "-"], check=True,
                                    capture_output=True, text=True, timeout=30).stdout
            if END in screen or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    finally:
        subprocess.run([*base, "kill-server"], check=False, timeout=30)
    lines = screen.splitlines()
    assert END in lines, screen
    return lines[:lines.index(END)]
