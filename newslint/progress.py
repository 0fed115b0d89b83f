"""A one-line progress counter on standard error for long runs: done/total, findings, rate.

Shown on a terminal (never in pipes or when CI is set) or when --progress asks
for it; redrawn at most a few times a second, so a fast run does not spend
its time writing to the terminal.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import click

REDRAW_SECONDS = 0.2


class Progress:
    def __init__(self, total: int, unit: str = "files", clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.unit = unit
        self.clock = clock
        self.started = clock()
        self.drawn = float("-inf")

    def note(self, message: str) -> None:
        click.echo(f"newslint: {message}", err=True)

    def update(self, done: int, findings: int) -> None:
        now = self.clock()
        last = done >= self.total
        if not last and now - self.drawn < REDRAW_SECONDS:
            return
        self.drawn = now
        elapsed = now - self.started
        rate = f", {done / elapsed:,.0f}/s" if elapsed > 0 else ""
        click.echo(f"\rnewslint: {done:,}/{self.total:,} {self.unit}, {findings:,} findings{rate}", err=True, nl=last)
