"""``st.secrets``: the test's ``at.secrets`` dict, or ``.streamlit/secrets.toml`` beside the script.

Where secrets come from (read at run time, on first use in the run):

1. ``at.secrets``, if the test put anything in it. As in Streamlit's ``AppTest``, the dict
   then replaces the secrets files entirely.
2. Otherwise ``<script folder>/.streamlit/secrets.toml``. apptest deliberately reads only this
   file: Streamlit would also read ``~/.streamlit/secrets.toml`` and the working directory's,
   which would make tests depend on the machine they run on.

Reading behaves as in Streamlit 1.58 (``runtime/secrets.py``): item and attribute access,
nested sections as read-only dict-likes, ``in``, ``get``, ``to_dict``; a missing key raises
``KeyError``/``AttributeError`` with Streamlit's message; no secrets at all raises
``StreamlitSecretNotFoundError`` (a ``FileNotFoundError``); assignment raises ``TypeError``.
While a run reads secrets from the file, their top-level string and number values are also
in ``os.environ``, as Streamlit puts them there (not for ``at.secrets``, as in AppTest);
apptest removes them after the run.
"""

from __future__ import annotations

import copy
import importlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn

from apptest import _st_errors as errors
from apptest._errors import AppTestError
from apptest._run.host import StoreKey
from apptest._run.layout import current_run, require_run

_MORE_INFO = (
    "Did you forget to add it to secrets.toml, mount it to secret directory, or the app "
    "settings on Streamlit Cloud? More info: "
    "https://docs.streamlit.io/deploy/streamlit-community-cloud/deploy-your-app/secrets-management"
)


def missing_key_message(key: str) -> str:
    return f'st.secrets has no key "{key}". {_MORE_INFO}'


def missing_attr_message(key: str) -> str:
    return f'st.secrets has no attribute "{key}". {_MORE_INFO}'


def _secret_error(message: str) -> Exception:

    exc = errors.StreamlitSecretNotFoundError.__new__(errors.StreamlitSecretNotFoundError)
    errors.LocalizableStreamlitException.__init__(exc, message)
    return exc


def toml_module() -> Any:
    """``tomllib`` (Python 3.11+), else ``tomli`` when installed, else a clear error."""
    for name in ("tomllib", "tomli"):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise AppTestError(
        "Reading .streamlit/secrets.toml needs a TOML parser: Python 3.11+ has tomllib; on "
        "Python 3.10 install tomli (pip install tomli), or give the secrets to the test "
        'instead (at.secrets["key"] = ...).'
    )


def load_toml(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = toml_module().loads(text)
    return loaded


class SecretsSource:
    """Where a session's secrets come from, parsed lazily once per run."""

    def __init__(self) -> None:
        self.given: dict[str, Any] = {}
        self.folder: str | None = None
        self._parsed: dict[str, Any] | None = None
        self._environ: dict[str, str | None] = {}

    @property
    def file(self) -> Path | None:
        return Path(self.folder, ".streamlit", "secrets.toml") if self.folder else None

    def begin_run(self, given: Mapping[str, Any], folder: str | None) -> None:
        self.given = dict(given)
        self.folder = folder
        self._parsed = None

    def parse(self) -> dict[str, Any]:
        if self._parsed is not None:
            return self._parsed
        if self.given:
            secrets = copy.deepcopy(self.given)
        else:
            file = self.file
            if file is None or not file.is_file():
                paths = str(file) if file is not None else "none (the app has no script file)"
                raise _secret_error(
                    "No secrets found. Valid paths for a secrets.toml file or secret "
                    f"directories are: {paths}"
                )
            try:
                secrets = load_toml(file.read_text(encoding="utf-8"))
            except (ValueError, TypeError) as exc:
                raise _secret_error(f"Error parsing secrets file at {file}: {exc}") from exc
            self._export(secrets)  # file secrets only: AppTest's given dict is not exported
        self._parsed = secrets
        return secrets

    def _export(self, secrets: Mapping[str, Any]) -> None:
        for key, value in secrets.items():
            if type(value) in (str, int, float) and key not in self._environ:
                self._environ[key] = os.environ.get(key)
                os.environ[key] = str(value)

    def end_run(self) -> None:
        """Put ``os.environ`` back as it was before the run read its secrets."""
        for key, old in self._environ.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
        self._environ = {}


#: The session's secrets, in its stores.
SECRETS: StoreKey[SecretsSource] = StoreKey("secrets", SecretsSource)


def _source() -> SecretsSource:
    hint = ' Set them with at.secrets["key"] = ....'
    return require_run("st.secrets", hint).session.stores[SECRETS]


class AttrDict(Mapping[str, Any]):
    """A nested secrets section: item and attribute access, read-only."""

    def __init__(self, value: Mapping[str, Any]) -> None:
        self.__dict__["_data"] = dict(value)

    @staticmethod
    def wrap(value: Any) -> Any:
        return AttrDict(value) if isinstance(value, Mapping) else value

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __getitem__(self, key: str) -> Any:
        try:
            return self.wrap(self._data[key])
        except KeyError:
            raise KeyError(missing_key_message(key)) from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self.wrap(self._data[key])
        except KeyError:
            raise AttributeError(missing_attr_message(key)) from None

    def __repr__(self) -> str:
        return repr(self._data)

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self._data)


class SecretsProxy(Mapping[str, Any]):
    """``st.secrets``."""

    def __getitem__(self, key: str) -> Any:
        secrets = _source().parse()
        try:
            return AttrDict.wrap(secrets[key])
        except KeyError:
            raise KeyError(missing_key_message(key)) from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return AttrDict.wrap(_source().parse()[key])
        except (KeyError, FileNotFoundError):
            raise AttributeError(missing_attr_message(key)) from None

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __len__(self) -> int:
        return len(_source().parse())

    def __iter__(self) -> Iterator[str]:
        return iter(_source().parse())

    def __contains__(self, key: object) -> bool:
        return key in _source().parse()

    def has_key(self, key: str) -> bool:
        return key in self

    def to_dict(self) -> dict[str, Any]:
        """The secrets as a plain (deep-copied) nested dict."""
        return copy.deepcopy(_source().parse())

    def __repr__(self) -> str:
        if current_run() is None:
            return "Secrets"
        return repr(_source().parse())


__all__ = ["SECRETS", "AttrDict", "SecretsProxy", "SecretsSource", "load_toml"]
