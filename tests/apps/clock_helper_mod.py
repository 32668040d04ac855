"""A helper the app imports during its first run; it binds the time functions by name."""

from datetime import date, datetime
from time import monotonic, sleep, time


def snapshot() -> tuple[float, float, datetime, date]:
    return time(), monotonic(), datetime.now(), date.today()


def nap(seconds: float) -> None:
    sleep(seconds)
