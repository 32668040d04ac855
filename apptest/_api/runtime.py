"""The runtime behind one AppTest: a server session and a browser tab, wired together.

``AppTest`` imports this module when the first AppTest is made, not at ``import apptest``:
pytest imports apptest in every run (for the plugin), and that stays light. Everything that
only a running app needs (the fake ``streamlit`` package, the server, the browser) loads here.
"""

from __future__ import annotations

import datetime as _dt

from apptest._browser.browser import Browser
from apptest._browser.frontend import Frontend
from apptest._browser.timers import Timers
from apptest._profile import Semantics
from apptest._server.deadline import check_timeout
from apptest._server.script import Script
from apptest._server.session import Session
from apptest._shim import _magic_write, _main
from apptest._shim.modules import shim_package
from apptest._time.clock import Clock, to_epoch_ns


def open_runtime(
    script: Script,
    profile: Semantics,
    start_time: _dt.datetime | str | None,
    timeout: object,
) -> tuple[Session, Browser]:
    """A new session for ``script`` and the browser tab that talks to it."""
    clock = Clock(to_epoch_ns(start_time))
    timers = Timers(clock, one_timer_per_fragment=profile.one_timer_per_fragment)
    frontend = Frontend(timers)
    session = Session(
        script=script,
        profile=profile,
        clock=clock,
        frontend=frontend,
        main=_main,
        magic=_magic_write,
        shim_modules=shim_package(),
        timeout=check_timeout(timeout, "default_timeout"),
    )
    return session, Browser(session, frontend, timers)


__all__ = ["open_runtime"]
