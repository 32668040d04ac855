"""``st.login`` and ``st.logout``, against the identity the test gives as ``at.user``.

``st.login(provider)`` checks the ``[auth]`` secrets as Streamlit 1.58 does (the same
``StreamlitAuthError`` messages); then, where the browser would go to the identity provider and
come back logged in, apptest marks ``at.user`` as logged in (``is_logged_in: True`` beside the
claims the test set) and reruns the app. ``st.logout()`` clears ``at.user`` (``st.user`` then
reads ``is_logged_in: False`` when the secrets have ``[auth]``) and reruns. Neither needs
Authlib or a network.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

from apptest._errors import RerunException, RerunRequest
from apptest._features.apis import apis_of
from apptest._features.secrets import SECRETS
from apptest._run.layout import require_run
from apptest._st_errors import StreamlitAuthError

_NO_CREDENTIALS = """To use authentication features you need to configure credentials for at
            least one authentication provider in `.streamlit/secrets.toml`."""
_FILE = "Authentication credentials in `.streamlit/secrets.toml`"


def _auth_section() -> Mapping[str, Any]:
    run = require_run("st.login")
    try:
        secrets = run.session.stores[SECRETS].parse()
    except Exception:
        raise StreamlitAuthError(_NO_CREDENTIALS) from None
    section = secrets.get("auth")
    if not isinstance(section, Mapping):
        raise StreamlitAuthError(_NO_CREDENTIALS)
    return section


def validate_auth_credentials(provider: str) -> None:
    """Streamlit's checks of the ``[auth]`` secrets for ``provider``, in its order and words."""
    section = _auth_section()
    for key in ("redirect_uri", "cookie_secret"):
        if key not in section:
            raise StreamlitAuthError(
                f"""{_FILE} are missing the
            "{key}" key. Please check your configuration."""
            )
    if "_" in provider:
        raise StreamlitAuthError(
            f'Auth provider name "{provider}" contains an underscore. '
            "Please use a provider name without underscores."
        )
    provider_section = section.get(provider)
    if provider_section is None and provider == "default":
        provider_section = {k: v for k, v in section.items() if not isinstance(v, Mapping)}
    if provider_section is None:
        raise StreamlitAuthError(
            f"{_FILE} are missing for the authentication provider "
            f'"{provider}". Please check your configuration.'
        )
    if not isinstance(provider_section, Mapping):
        raise StreamlitAuthError(
            f"{_FILE} for the authentication provider "
            f'"{provider}" must be valid TOML. Please check your configuration.'
        )
    required = ["client_id", "client_secret", "server_metadata_url"]
    missing = [key for key in required if key not in provider_section]
    if missing:
        which = (
            "default authentication provider"
            if provider == "default"
            else f'authentication provider "{provider}"'
        )
        raise StreamlitAuthError(
            f"{_FILE} for the {which} are missing the following keys: {missing}. "
            "Please check your configuration."
        )


def login(provider: str | None = None) -> NoReturn:
    """Log the test's user in (``at.user`` gets ``is_logged_in: True``) and rerun."""
    if provider is None:
        provider = "default"
    run = require_run("st.login")
    validate_auth_credentials(provider)
    user = apis_of(run.session).user
    user["is_logged_in"] = True
    raise RerunException(RerunRequest())


def logout() -> NoReturn:
    """Clear the test's user (as the identity cookie is cleared) and rerun."""
    run = require_run("st.logout")
    apis_of(run.session).user.clear()
    raise RerunException(RerunRequest())


__all__ = ["login", "logout", "validate_auth_credentials"]
