"""Session-level state the browser holds, and the small commands that set it.

:class:`SessionAPIs` is the part of a :class:`~apptest._server.session.Session` behind
``st.query_params``, ``st.secrets``, ``st.context``, ``st.user`` and ``st.logo``. The AppTest
loads the test's inputs into it before each run (``at.query_params``, ``at.secrets``,
``at.context``, ``at.user``) and reads the results back after it.

Also here, as Streamlit 1.58 does them:

- ``st.set_page_config``: any number of calls, anywhere (also in a fragment, E16); each call
  overrides only the parameters it gives (1.46.0+ behaviour; before, a second call or one
  after another command raised). The merged result is ``at.page_config``.
- ``st.logo``: recorded as ``at.logo``; a full run that does not call it removes it.
- Heading anchors (``st.title``/``header``/``subheader``): the element id the browser gives a
  heading: the ``anchor`` argument, else a slug of the text, else (text that slugs to
  nothing, e.g. Chinese) a 32-bit xxHash of it in hex.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any
from urllib.parse import urlparse

from apptest import _st_errors as errors
from apptest._features.apis import Logo, apis_of
from apptest._run.layout import current_run
from apptest._st_errors import StreamlitAPIException

# -- st.set_page_config -------------------------------------------------------------------------
_MENU_KEYS = ("get help", "report a bug", "about")


def _localizable(name: str, template: str, **kwargs: Any) -> Exception:
    """One of Streamlit's LocalizableStreamlitException subclasses, with its 1.58 text."""

    cls = getattr(errors, name)
    exc: Exception = cls.__new__(cls)
    errors.LocalizableStreamlitException.__init__(exc, template, **kwargs)  # type: ignore[arg-type]
    return exc


def _is_url(value: object, schemes: tuple[str, ...]) -> bool:
    try:
        parsed = urlparse(str(value))
    except ValueError:
        return False
    if parsed.scheme not in schemes:
        return False
    return bool(parsed.netloc) if parsed.scheme in ("http", "https") else bool(parsed.path)


def _check_layout(layout: str | None) -> None:
    """``layout`` is None, ``"centered"`` or ``"wide"`` (``StreamlitInvalidPageLayoutError``)."""
    if layout not in (None, "centered", "wide"):
        raise _localizable(
            "StreamlitInvalidPageLayoutError",
            '`layout` must be `"centered"` or `"wide"` (got `"{layout}"`)',
            layout=layout,
        )


_SIDEBAR_STATE_MESSAGE = (
    '`initial_sidebar_state` must be `"auto"`, `"expanded"`, `"collapsed"`, or a '
    'positive integer for width in pixels (got `"{initial_sidebar_state}"`)'
)


def _check_sidebar_state(state: str | int | None) -> None:
    """``initial_sidebar_state`` is None, ``"auto"``, ``"expanded"``, ``"collapsed"`` or a
    positive int (a width in pixels; bools are not ints here); otherwise
    ``StreamlitInvalidSidebarStateError``."""
    if isinstance(state, int) and not isinstance(state, bool):
        if state <= 0:
            raise _localizable(
                "StreamlitInvalidSidebarStateError",
                _SIDEBAR_STATE_MESSAGE,
                initial_sidebar_state=f"width must be positive (got {state})",
            )
    elif state not in (None, "auto", "expanded", "collapsed"):
        raise _localizable(
            "StreamlitInvalidSidebarStateError",
            _SIDEBAR_STATE_MESSAGE,
            initial_sidebar_state=state,
        )


def _menu_items(menu_items: dict[str, Any]) -> dict[str, Any]:
    """``menu_items`` with its keys lower-cased and stripped: only "Get help", "Report a bug"
    and "About" (``StreamlitInvalidMenuItemKeyError``); the first two take None or an
    http(s)/mailto URL (``StreamlitInvalidURLError``), "About" any value."""
    menu = {str(k).lower().strip(): v for k, v in menu_items.items()}
    for key, value in menu.items():
        if key not in _MENU_KEYS:
            raise _localizable(
                "StreamlitInvalidMenuItemKeyError",
                'We only accept the keys: `"Get help"`, `"Report a bug"`, and `"About"` '
                '(`"{key}"` is not a valid key.)',
                key=key,
            )
        if value is None or key == "about":
            continue
        if not _is_url(value, ("http", "https", "mailto")):
            raise _localizable(
                "StreamlitInvalidURLError",
                '"{url}" is a not a valid URL. You must use a fully qualified domain '
                'beginning with "http://", "https://", or "mailto:".',
                url=value,
            )
    return menu


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str | None = None,
    initial_sidebar_state: str | int | None = None,
    menu_items: dict[str, Any] | None = None,
) -> None:
    """``st.set_page_config``: validate as Streamlit does, then merge into ``at.page_config``."""
    _check_layout(layout)
    _check_sidebar_state(initial_sidebar_state)
    menu = None if menu_items is None else _menu_items(menu_items)
    run = current_run()
    if run is None:
        return
    config = run.session.page_config
    given = {
        "page_title": page_title,
        "page_icon": page_icon,
        "layout": layout,
        "initial_sidebar_state": initial_sidebar_state,
    }
    config.update({key: value for key, value in given.items() if value is not None})
    if menu is not None:
        config["menu_items"] = {**config.get("menu_items", {}), **menu}


# -- st.logo ------------------------------------------------------------------------------------
def logo(
    image: Any, *, size: str = "medium", link: str | None = None, icon_image: Any = None
) -> None:
    """``st.logo``: record the app logo (``at.logo``)."""

    run = current_run()
    if run is None:
        return
    if image is None or image == "":
        raise StreamlitAPIException(
            "The image passed to st.logo is invalid - See "
            "[documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) "
            "for more information on valid types"
        )
    if link and not _is_url(link, ("http", "https")):
        raise StreamlitAPIException(
            f"Invalid link: {link} - the link param supports external links only and must "
            "start with either http:// or https://."
        )
    if not isinstance(size, str) or size.lower() not in ("small", "medium", "large"):
        raise StreamlitAPIException(
            'The size argument to st.logo must be "small", "medium", or "large". \n'
            f"The argument passed was {size}."
        )
    apis = apis_of(run.session)
    apis.logo = Logo(image, size.lower(), link or None, icon_image)


# -- heading anchors ----------------------------------------------------------------------------
def heading_props(body: str, anchor: object) -> dict[str, Any]:
    """``anchor`` (the element id) and ``hide_anchor`` of a heading, as the browser sets them."""

    hide = False
    given = ""
    if anchor is False:
        hide = True
    elif isinstance(anchor, str):
        given = anchor
    elif anchor is True:
        raise StreamlitAPIException(
            f"Anchor parameter has invalid value: {anchor}. Supported values: None, any string "
            "or False"
        )
    elif anchor is not None:
        raise StreamlitAPIException(
            f"Anchor parameter has invalid type: {type(anchor).__name__}. Supported values: "
            "None, any string or False"
        )
    return {"anchor": given or anchor_from_text(body), "hide_anchor": hide}


def _text_content(markdown: str) -> str:
    """Roughly the rendered text of a heading's markdown (links and colour tags unwrapped)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r":[a-z]+(?:-background)?\[([^\]]*)\]", r"\1", text)
    return text


# Transliterations the browser's slug library applies before stripping diacritics (a subset:
# German, special Latin letters, Russian Cyrillic and Greek; other scripts fall to the hash).
_TRANSLITERATE = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "ẞ": "Ss",
    "æ": "ae",
    "ə": "a",
    "ð": "d",
    "ø": "o",
    "œ": "oe",
    "þ": "th",
    "đ": "d",
    "\u0131": "i",
    "ł": "l",
    "ħ": "h",
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
    "ё": "yo",
    "ж": "zh",
    "\u0445": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sch",
    "ъ": "",
    "ь": "",
    "ю": "yu",
    "я": "ya",
    **dict(zip("αβγδεζηικλμνοπρστυφχωςάέίόύήώ", "avgdeziiklmnoprstyfxosaeioyio", strict=True)),
    "θ": "th",
    "ξ": "ks",
    "ψ": "ps",
}
_DIACRITIC_MARKS = set("^`\u00a8\u00af\u00b4\u00b8\u02dc")  # spacing accents


def _transliterate(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for source, target in (("&", " and "), ("🦄", " unicorn "), ("♥", " love ")):
        text = text.replace(source, target)
    out: list[str] = []
    for char in text:
        low = char.lower()
        mapped = _TRANSLITERATE.get(char) or _TRANSLITERATE.get(low)
        if mapped is None:
            out.append(char)
        else:
            out.append(mapped.capitalize() if char != low else mapped)
    text = unicodedata.normalize("NFD", "".join(out))
    text = "".join(c for c in text if not unicodedata.combining(c) and c not in _DIACRITIC_MARKS)
    text = unicodedata.normalize("NFC", text)
    return "".join("-" if unicodedata.category(c) == "Pd" else c for c in text)


def slugify(text: str) -> str:
    """The slug Streamlit's frontend (1.58) makes of a heading's text."""
    text = _transliterate(text)
    text = re.sub(r"([A-Z]{2,})([0-9]+)", r"\1 \2", text)
    text = re.sub(r"([a-z0-9]+)([A-Z]{2,})", r"\1 \2", text)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-rt-z0-9]+)", r"\1 \2", text)
    text = text.lower()
    text = re.sub(r"([a-zA-Z0-9]+)['\u2019]([ts])(\s|$)", r"\1\2\3", text)
    text = re.sub(r"[^a-z0-9]+", "-", text).replace("\\", "")
    return re.sub(r"-{2,}", "-", text).strip("-")


def xxh32(data: bytes, seed: int = 0) -> int:
    """The 32-bit xxHash of ``data``."""
    p1, p2, p3, p4, p5 = 2654435761, 2246822519, 3266489917, 668265263, 374761393
    mask = 0xFFFFFFFF

    def rotl(value: int, bits: int) -> int:
        return ((value << bits) | (value >> (32 - bits))) & mask

    def lane(pos: int) -> int:
        return int.from_bytes(data[pos : pos + 4], "little")

    size, pos = len(data), 0
    if size >= 16:
        acc = [(seed + p1 + p2) & mask, (seed + p2) & mask, seed & mask, (seed - p1) & mask]
        while pos <= size - 16:
            for i in range(4):
                acc[i] = rotl((acc[i] + lane(pos + 4 * i) * p2) & mask, 13) * p1 & mask
            pos += 16
        h = (rotl(acc[0], 1) + rotl(acc[1], 7) + rotl(acc[2], 12) + rotl(acc[3], 18)) & mask
    else:
        h = (seed + p5) & mask
    h = (h + size) & mask
    while pos + 4 <= size:
        h = rotl((h + lane(pos) * p3) & mask, 17) * p4 & mask
        pos += 4
    while pos < size:
        h = rotl((h + data[pos] * p5) & mask, 11) * p1 & mask
        pos += 1
    h ^= h >> 15
    h = h * p2 & mask
    h ^= h >> 13
    h = h * p3 & mask
    return h ^ (h >> 16)


# A heading reruns with the same text on every run: its slug is made once per distinct text
# (bounded, so an app that writes ever-new headings does not grow memory).
@functools.lru_cache(maxsize=4096)
def anchor_from_text(body: str) -> str:
    """A heading's generated anchor: its slug, or the hex xxHash32 (seed 0xABCD) of its text."""
    text = _text_content(body)
    if not text:
        return ""
    slug = slugify(text)
    return slug or format(xxh32(text.encode("utf-8"), 0xABCD), "x")


__all__ = [
    "anchor_from_text",
    "heading_props",
    "logo",
    "set_page_config",
    "slugify",
    "xxh32",
]
