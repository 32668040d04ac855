"""Which app an exploration drives, and a found sequence printed as a regression test."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from apptest._api.apptest import AppTest
from apptest._errors import AppTestError
from apptest._explore.checks import InvariantError
from apptest._explore.steps import Step
from apptest._explore.values import py

if TYPE_CHECKING:
    from apptest._profile import Semantics


@dataclass(frozen=True)
class AppSpec:
    """An app file (``path``, as the user wrote it, and where it is) or source text, with the
    AppTest options."""

    source: str | None
    path: str | None
    resolved: Path | None
    semantics: str | Semantics | None = None
    start_time: _dt.datetime | str | None = None

    @classmethod
    def of(
        cls,
        app: str | Path,
        base: Path | None,
        semantics: str | Semantics | None = None,
        start_time: _dt.datetime | str | None = None,
    ) -> AppSpec:
        """``app`` is source text (it has a line break) or a path, relative to ``base`` (then
        the working directory)."""
        if isinstance(app, str) and "\n" in app:
            return cls(app, None, None, semantics, start_time)
        path = Path(app)
        candidates = [path] if path.is_absolute() else [(base or Path.cwd()) / path, path]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            tried = ", ".join(str(c) for c in candidates)
            raise AppTestError(
                f"App script not found: {str(app)!r} (tried {tried}). Give a path relative to "
                "the test file (or the working directory), or the app's source text."
            )
        return cls(None, str(app), found.resolve(), semantics, start_time)

    def make(self) -> AppTest:
        """A new AppTest of the app, not run yet."""
        semantics, start_time = self.semantics, self.start_time
        if self.source is not None:
            return AppTest.from_string(self.source, semantics=semantics, start_time=start_time)
        assert self.resolved is not None
        return AppTest.from_file(self.resolved, semantics=semantics, start_time=start_time)

    def identity(self) -> bytes:
        """What tells this app apart in Hypothesis's example database."""
        text = self.source if self.source is not None else str(self.resolved)
        return f"{text}|{self.semantics}|{self.start_time}".encode()

    def code(self) -> str:
        """The line that makes and runs the AppTest: ``at = AppTest.from_file("app.py").run()``."""
        options = ""
        if self.semantics is not None:
            name = self.semantics if isinstance(self.semantics, str) else self.semantics.name
            options += f", semantics={py(name)}"
        if self.start_time is not None:
            options += f", start_time={self.start_time!r}"
        if self.source is not None:
            return f"at = AppTest.from_string(APP{options}).run()"
        return f"at = AppTest.from_file({py(self.path)}{options}).run()"


def regression_code(spec: AppSpec, steps: Sequence[Step], error: BaseException | None) -> str:
    """A test body that replays ``steps`` and ends with the check that failed."""
    body = [step.code() for step in steps]
    lines = ["from apptest import AppTest"]
    if any("datetime." in line for line in body) or isinstance(spec.start_time, _dt.datetime):
        lines.insert(0, "import datetime")
    if spec.source is not None:
        quoted = spec.source.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        lines += ["", f'APP = """{quoted}"""']
    lines += ["", spec.code(), *body]
    lines += _final_check(error)
    return "\n".join(lines)


def _final_check(error: BaseException | None) -> list[str]:
    if error is None:
        return []
    if isinstance(error, InvariantError) and error.invariant == "no_exception":
        return ["assert not at.exception, at.exception[0].message"]
    if isinstance(error, InvariantError):
        text = str(error)
    else:
        text = f"{type(error).__name__}: {error}"
    return [f"# fails here: {text.splitlines()[0] if text else ''}"[:200]]


__all__ = ["AppSpec", "regression_code"]
