"""The element accessors of the query API: ``at.markdown``, ``at.title`` ... ``at.table``.

``ElementQueries`` is a base of ``QueryMixin`` (``apptest._api.query``), which gives it
``_elements``: the nodes of one kind below the block, depth-first in document order. Widgets
and blocks have their accessors in ``QueryMixin`` itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from apptest._api.lists import ElementList

if TYPE_CHECKING:
    from apptest._api.nodes import (
        Alert,
        Code,
        Element,
        Exception_,
        Heading,
        Help,
        Html,
        Image,
        Json,
        Markdown,
        Metric,
        Progress,
    )


class ElementQueries:
    """One typed list per non-widget element kind: ``at.markdown[0].value``."""

    __slots__ = ()

    def _elements(self, kind: str, node_type: str | None = None) -> ElementList[Any]:
        raise NotImplementedError

    @property
    def markdown(self) -> ElementList[Markdown]:
        """``st.markdown`` (and ``st.write`` text): ``at.markdown[0].value``."""
        return self._elements("markdown")

    @property
    def title(self) -> ElementList[Heading]:
        """``st.title`` elements: ``at.title[0].value``."""
        return self._elements("title")

    @property
    def header(self) -> ElementList[Heading]:
        """``st.header`` elements: ``at.header[0].value``."""
        return self._elements("header")

    @property
    def subheader(self) -> ElementList[Heading]:
        """``st.subheader`` elements: ``at.subheader[0].value``."""
        return self._elements("subheader")

    @property
    def caption(self) -> ElementList[Markdown]:
        """``st.caption`` elements: ``at.caption[0].value``."""
        return self._elements("caption")

    @property
    def text(self) -> ElementList[Markdown]:
        """``st.text`` elements: ``at.text[0].value``."""
        return self._elements("text")

    @property
    def code(self) -> ElementList[Code]:
        """``st.code`` elements: ``at.code[0].value``."""
        return self._elements("code")

    @property
    def latex(self) -> ElementList[Markdown]:
        """``st.latex`` elements: ``at.latex[0].value``."""
        return self._elements("latex")

    @property
    def json(self) -> ElementList[Json]:
        """``st.json`` elements: ``at.json[0].value``."""
        return self._elements("json")

    @property
    def divider(self) -> ElementList[Markdown]:
        """``st.divider`` elements: ``len(at.divider)``."""
        return self._elements("divider")

    @property
    def metric(self) -> ElementList[Metric]:
        """``st.metric`` elements: ``at.metric[0].value``, ``.delta``."""
        return self._elements("metric")

    @property
    def error(self) -> ElementList[Alert]:
        """``st.error`` elements: ``at.error[0].value``."""
        return self._elements("error")

    @property
    def warning(self) -> ElementList[Alert]:
        """``st.warning`` elements: ``at.warning[0].value``."""
        return self._elements("warning")

    @property
    def info(self) -> ElementList[Alert]:
        """``st.info`` elements: ``at.info[0].value``."""
        return self._elements("info")

    @property
    def success(self) -> ElementList[Alert]:
        """``st.success`` elements: ``at.success[0].value``."""
        return self._elements("success")

    @property
    def exception(self) -> ElementList[Exception_]:
        """Exceptions the app showed: ``at.exception[0].message``; empty when none."""
        return self._elements("exception")

    @property
    def toast(self) -> ElementList[Alert]:
        """``st.toast`` elements (in ``at.event``): ``at.toast[0].value``."""
        return self._elements("toast")

    @property
    def dataframe(self) -> ElementList[Element]:
        """``st.dataframe`` elements: ``at.dataframe[0].value``."""
        return self._elements("dataframe")

    @property
    def table(self) -> ElementList[Element]:
        """``st.table`` elements: ``at.table[0].value``."""
        return self._elements("table")

    @property
    def html(self) -> ElementList[Html]:
        """``st.html`` elements: ``at.html[0].value``."""
        return self._elements("html")

    @property
    def image(self) -> ElementList[Image]:
        """``st.image`` elements (one per call): ``at.image[0].captions``."""
        return self._elements("image")

    @property
    def progress(self) -> ElementList[Progress]:
        """``st.progress`` bars: ``at.progress[0].value`` (0 to 100), ``.text``."""
        return self._elements("progress")

    @property
    def help(self) -> ElementList[Help]:
        """``st.help`` elements: ``at.help[0].value`` (the name), ``.doc_string``."""
        return self._elements("help")
