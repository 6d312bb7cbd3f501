"""A progress bar for the import and export commands (rich), on the command's error stream.

On a terminal the bar moves as the job reports (rows checked, rows written); without one (a cron job, a log
file) each new stage is one line, so the log says how far a job got.
"""

from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(stream, title: str):
    """Yields `observer(percent, message)` for `jobs.run`."""
    console = Console(file=stream, highlight=False, soft_wrap=True)
    if not console.is_terminal:
        last = [None]

        def line(percent: int, message: str) -> None:
            if message != last[0]:
                last[0] = message
                stream.write(f"{percent:3d}% {message}\n")
                stream.flush()

        yield line
        return
    bar = Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn(),
                   TextColumn("{task.fields[message]}"), console=console, transient=False)
    task = bar.add_task(title, total=100, message="")
    with bar:
        yield lambda percent, message: bar.update(task, completed=percent, message=message)
