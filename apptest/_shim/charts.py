"""Chart elements of the shim: Streamlit's built-in charts, map, and the library charts.

``ChartCommands`` is mixed into ``DeltaGenerator``. Signatures are Streamlit 1.58's; each
command records its arguments as element properties (``Plumbing._record``). What apptest cannot
show (sizes, selections, themes) is kept in the element's props so a test can read it; none of
it changes what the command returns.

The keywords 1.67 added (``alt=``) end the signatures, defaulting to ``NOT_GIVEN``:
refused under the seed, recorded under "modern" (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from apptest._features.options import get_option
from apptest._shim.plumbing import Plumbing, W
from apptest._shim.versions import NOT_GIVEN, accepts_newer_keywords, newer_keywords

#: The keywords matplotlib's ``Figure.savefig`` takes (across the 3.x releases Streamlit
#: supports); ``st.pyplot`` passes its extra keywords there.
_SAVEFIG_KEYWORDS = frozenset(
    "backend bbox_extra_artists bbox_inches dpi edgecolor facecolor format frameon metadata "
    "optimize orientation pad_inches papertype pil_kwargs progressive quality transparent".split()
)


def _check_savefig_keywords(options: dict[str, Any]) -> None:
    for name in options:
        if name not in _SAVEFIG_KEYWORDS:
            raise TypeError(
                f"st.pyplot() got an unexpected keyword argument '{name}': Streamlit passes extra "
                "keywords to matplotlib's Figure.savefig(), which does not take it. Check the "
                f"spelling; savefig() takes {', '.join(sorted(_SAVEFIG_KEYWORDS))}."
            )


BOKEH_REMOVED = (
    "st.bokeh_chart has been deprecated and removed. Please use our custom component, "
    "[streamlit-bokeh](https://github.com/streamlit/streamlit-bokeh), instead. Calling "
    "st.bokeh_chart will do nothing."
)


class ChartCommands(Plumbing):
    """``st.line_chart`` ... ``st.graphviz_chart``: charts, recorded generically."""

    def line_chart(
        self: W,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "line_chart", alt=alt)
        return self._record("line_chart", locals())

    def area_chart(
        self: W,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        stack: bool | str | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "area_chart", alt=alt)
        return self._record("area_chart", locals())

    def bar_chart(
        self: W,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        horizontal: bool = False,
        sort: bool | str = True,
        stack: bool | str | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "bar_chart", alt=alt)
        return self._record("bar_chart", locals())

    def scatter_chart(
        self: W,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        size: object = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "scatter_chart", alt=alt)
        return self._record("scatter_chart", locals())

    def map(
        self: W,
        data: object = None,
        *,
        latitude: str | None = None,
        longitude: str | None = None,
        color: object = None,
        size: object = None,
        zoom: int | None = None,
        width: int | str = "stretch",
        height: int | str = 500,
        use_container_width: bool | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "map", alt=alt)
        return self._record("map", locals())

    def altair_chart(
        self: W,
        altair_chart: object,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: str | None = "streamlit",
        key: object = None,
        on_select: object = "ignore",
        selection_mode: object = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "altair_chart", alt=alt)
        return self._record("altair_chart", locals(), data="altair_chart")

    def vega_lite_chart(
        self: W,
        data: object = None,
        spec: object = None,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: str | None = "streamlit",
        key: object = None,
        on_select: object = "ignore",
        selection_mode: object = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "vega_lite_chart", alt=alt)
        return self._record("vega_lite_chart", locals())

    def plotly_chart(
        self: W,
        figure_or_data: object,
        use_container_width: bool | None = None,
        *,
        width: int | str = "stretch",
        height: int | str = "content",
        theme: str | None = "streamlit",
        key: object = None,
        on_select: object = "ignore",
        selection_mode: object = ("points", "box", "lasso"),
        config: dict[str, Any] | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "plotly_chart", alt=alt)
        return self._record("plotly_chart", locals(), data="figure_or_data")

    def pyplot(
        self: W,
        fig: object = None,
        clear_figure: bool | None = None,
        *,
        width: int | str = "stretch",
        use_container_width: bool | None = None,
        alt: object = NOT_GIVEN,
        **kwargs: Any,
    ) -> W:
        """Record a Matplotlib figure; extra keywords are ``savefig`` options, as in Streamlit."""
        if alt is not NOT_GIVEN and not accepts_newer_keywords():
            # 1.58 hands ``alt`` to savefig with the other extra keywords.
            _check_savefig_keywords({"alt": alt})
        # Streamlit 1.58 hands **kwargs to matplotlib's ``Figure.savefig``, which raises
        # TypeError for a name it does not take; apptest does not render, so it checks names.
        _check_savefig_keywords(kwargs)
        return self._record("pyplot", locals(), data="fig")

    def bokeh_chart(self: W, figure: object, use_container_width: bool = True) -> W:
        """1.58: a deprecation warning (shown as Streamlit shows them) and nothing else."""
        if get_option("client.showErrorDetails") in ("full", True):
            self._el("warning", body=BOKEH_REMOVED, icon=None)
        return self

    def pydeck_chart(
        self: W,
        pydeck_obj: object = None,
        *,
        width: int | str = "stretch",
        use_container_width: bool | None = None,
        height: int | str = 500,
        selection_mode: str = "single-object",
        on_select: object = "ignore",
        key: object = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "pydeck_chart", alt=alt)
        return self._record("pydeck_chart", locals(), data="pydeck_obj")

    def graphviz_chart(
        self: W,
        figure_or_dot: object,
        use_container_width: bool | None = None,
        *,
        width: int | str = "content",
        height: int | str = "content",
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "graphviz_chart", alt=alt)
        return self._record("graphviz_chart", locals(), data="figure_or_dot")
