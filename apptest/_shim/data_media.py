"""Data and media elements of the shim: dataframe, table, image, audio, video.

``DataMediaCommands`` is mixed into ``DeltaGenerator``. Signatures are Streamlit 1.58's; each
command records its arguments as element properties (``Plumbing._record``).

The keywords 1.67 added (``alt=``) end the signatures, defaulting to ``NOT_GIVEN``:
refused under the seed, recorded under "modern" (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apptest._shim.plumbing import Plumbing, W
from apptest._shim.versions import NOT_GIVEN, newer_keywords


def _tabular(data: object) -> Any:
    return data


class DataMediaCommands(Plumbing):
    """``st.dataframe``, ``st.table``, ``st.image``, ``st.audio``, ``st.video``."""

    # What apptest cannot show (sizes, selections, themes) is kept in the element's props so a
    # test can read it; none of it changes what the command returns.
    def dataframe(
        self: W,
        data: object = None,
        width: int | str = "stretch",
        height: int | str = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: object = None,
        key: object = None,
        on_select: object = "ignore",
        selection_mode: str | Iterable[str] = "multi-row",
        selection_default: object = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        lazy: object = NOT_GIVEN,
        alt: object = NOT_GIVEN,
    ) -> W:
        if lazy is not NOT_GIVEN or alt is not NOT_GIVEN:
            newer_keywords(self, "dataframe", lazy=lazy, alt=alt)
        # on_select="rerun" makes Streamlit return the selection; apptest records the request
        # and returns the element as for "ignore" (selections are not simulated).
        return self._record("dataframe", locals(), value=_tabular(data))

    def table(
        self: W,
        data: object = None,
        *,
        border: bool | str = True,
        width: int | str = "stretch",
        height: int | str = "content",
        hide_index: bool | None = None,
        hide_header: bool | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "table", alt=alt)
        return self._record("table", locals(), value=_tabular(data))

    def image(
        self: W,
        image: object,
        caption: object = None,
        width: int | str = "content",
        use_column_width: bool | str | None = None,
        clamp: bool = False,
        channels: str = "RGB",
        output_format: str = "auto",
        *,
        use_container_width: bool | None = None,
        link: str | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "image", alt=alt)
        return self._record("image", locals(), data="image")

    def audio(
        self: W,
        data: object,
        format: str = "audio/wav",
        start_time: object = 0,
        *,
        sample_rate: int | None = None,
        end_time: object = None,
        loop: bool = False,
        autoplay: bool = False,
        width: int | str = "stretch",
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "audio", alt=alt)
        return self._record("audio", locals())

    def video(
        self: W,
        data: object,
        format: str = "video/mp4",
        start_time: object = 0,
        *,
        subtitles: object = None,
        end_time: object = None,
        loop: bool = False,
        autoplay: bool = False,
        muted: bool = False,
        width: int | str = "stretch",
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "video", alt=alt)
        return self._record("video", locals())
