"""The explorer's invariants, checked after every step.

Built in, each switchable by name:

- ``"no_exception"``: the app shows no exception element;
- ``"fragment_isolation"``: a step that ran fragments only changed nothing outside their
  areas, except what the fragments wrote there (seed: appends to containers created outside
  and ``st.empty`` replacements; modern: their wrapper blocks), each tagged with the id of a
  fragment that ran;
- ``"widget_values"``: a widget the step set (outside a form) shows the value sent.

Any callable ``invariant(at)`` that raises (``AssertionError`` or otherwise) is one too.
Checking costs what the step changed: unchanged subtrees are the same frozen objects, so the
isolation oracle walks only the paths that differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from apptest._api.nodes import Node
from apptest._api.query import Block
from apptest._api.snapshot import EXCEPTION
from apptest._errors import AppTestError
from apptest._explore.steps import Interaction, Step
from apptest._props import VALUE

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest

Invariant = Callable[["AppTest"], object]
BUILTIN = ("no_exception", "fragment_isolation", "widget_values")


class InvariantError(AssertionError):
    """An invariant failed after a step: ``invariant`` names it."""

    def __init__(self, invariant: str, message: str) -> None:
        super().__init__(f"{invariant}: {message}")
        self.invariant = invariant


class Checks:
    """The invariants one exploration checks: built-in names and callables."""

    def __init__(self, invariants: Iterable[str | Invariant] | None = None) -> None:
        chosen = list(BUILTIN if invariants is None else invariants)
        names = {i for i in chosen if isinstance(i, str)}
        unknown = sorted(names - set(BUILTIN))
        if unknown:
            raise AppTestError(
                f"Unknown invariant(s) {unknown}: the built-in ones are {list(BUILTIN)}; pass "
                "callables taking the AppTest for your own."
            )
        self.names = tuple(n for n in BUILTIN if n in names)
        self.custom: list[Invariant] = [i for i in chosen if not isinstance(i, str)]
        self.exceptions = "no_exception" in names
        self.isolation = "fragment_isolation" in names
        self.values = "widget_values" in names

    def after(self, at: AppTest, step: Step, roots: tuple[Block, ...], runs: int) -> None:
        """Check every invariant after ``step``; ``roots`` and ``runs`` are the tree and the
        run count before it. Raises :class:`InvariantError`."""
        if self.exceptions:
            check_no_exception(at)
        if self.isolation:
            check_isolation(at, roots, runs)
        if self.values and isinstance(step, Interaction):
            check_value_shown(at, step)
        for invariant in self.custom:
            try:
                invariant(at)
            except AssertionError as exc:
                name = getattr(invariant, "__name__", repr(invariant))
                raise InvariantError(name, str(exc) or "assertion failed") from exc


def check_no_exception(at: AppTest) -> None:
    # The snapshot counts the exception elements it freezes, and every node shown was frozen
    # by this AppTest: while it froze none, none shows (no walk of the tree, no kind positions
    # to build after a full run). Once one was, the tree is searched.
    at._roots()
    if not at._exceptions_frozen:
        return
    shown = at._of_kind(EXCEPTION)
    if shown:
        first = shown[0]
        raise InvariantError(
            "no_exception",
            f"the app shows {len(shown)} exception(s); the first: "
            f"{first.proto.get('exc_type', '')}: {first.proto.get('message', '')}",
        )


def check_value_shown(at: AppTest, step: Interaction) -> None:
    widget = step.widget
    if not step.runs or step.kind.trigger or widget.type == "chat_input":
        return
    node = _shown_widget(at, widget)
    if node is not None:
        shown = node.proto.get(VALUE)
        if not _same(shown, step.sent):
            raise InvariantError(
                "widget_values",
                f"{step.code()} sent {step.sent!r}, but after the run the widget shows {shown!r}",
            )


def _shown_widget(at: AppTest, widget: Node) -> Node | None:
    """The node of ``widget`` (same id) in the current tree: at its old path (where a run
    that did not move it left it), else wherever it moved; None when it is gone."""
    wanted = widget.proto.get("id")
    node: Node | None = None
    path = widget.path
    roots = at._roots()
    if path and path[0] < len(roots):
        node = roots[path[0]]
        for index in path[1:]:
            children = node.children if isinstance(node, Block) else ()
            if index >= len(children):
                node = None
                break
            node = children[index]
    if node is not None and node.type == widget.type and node.proto.get("id") == wanted:
        return node
    return next((n for n in at._of_kind(widget.type) if n.proto.get("id") == wanted), None)


def _same(shown: Any, sent: Any) -> bool:
    if isinstance(shown, (list, tuple)) and isinstance(sent, (list, tuple)):
        return list(shown) == list(sent)
    return bool(shown == sent)


# -- the fragment-isolation oracle ----------------------------------------------------------------
def check_isolation(at: AppTest, before: tuple[Block, ...], runs_before: int) -> None:
    runs = at._session.runs[runs_before:]
    if not runs:
        return  # nothing ran
    for run in runs:
        if run.scope != "fragment":
            return  # a full run (which may change anything)
    ran = {fid for run in runs for fid in run.fragment_ids}
    storage = at._session.fragments
    areas = [f.path for fid in ran if (f := storage.get(fid)) is not None]
    oracle = _Oracle(areas, ran, lambda fid: _descends(storage, fid, ran))
    for old, new in zip(before, at._roots(), strict=False):  # the same fixed roots
        if old is not new:  # a root nothing changed in is the same frozen block
            oracle.compare(old, new)


def _descends(storage: Any, fragment_id: str, ran: set[str]) -> bool:
    """True when ``fragment_id`` is a fragment that ran or one called inside it."""
    seen: set[str] = set()
    current: str | None = fragment_id
    while current is not None and current not in seen:
        if current in ran:
            return True
        seen.add(current)
        fragment = storage.get(current)
        current = fragment.parent if fragment is not None else None
    return False


class _Oracle:
    def __init__(
        self, areas: Sequence[tuple[int, ...]], ran: set[str], related: Callable[[str], bool]
    ) -> None:
        self.areas = areas
        self.ran = ran
        self.related = related

    def _inside(self, path: tuple[int, ...]) -> bool:
        for area in self.areas:
            if path[: len(area)] == area:
                return True
        return False

    def _written_by_run(self, node: Node) -> bool:
        fid = node.fragment_id
        return bool(fid) and (fid in self.ran or self.related(fid))

    def compare(self, old: Node, new: Node) -> None:
        if old is new or self._inside(new.path):
            return
        if self._written_by_run(new):
            return  # a write of the fragment outside its area (replaced or wrapped)
        if isinstance(old, Block) and isinstance(new, Block):
            if old.type == new.type and _same_props(old, new):
                self._children(old, new)
                return
        elif _equal_leaf(old, new):
            return
        self._fail(new.path, f"{old!r} became {new!r}")

    def _children(self, old: Block, new: Block) -> None:
        before, after = old.children, new.children
        kept = len(before)
        if len(after) < kept:
            self._fail(new.path, f"{kept - len(after)} element(s) removed")
        for index, child in enumerate(after):
            if index < kept:
                if before[index] is not child:  # an unchanged child is the same frozen node
                    self.compare(before[index], child)
            elif not (self._inside(child.path) or self._written_by_run(child)):
                self._fail(child.path, f"{child!r} appeared")

    def _fail(self, path: tuple[int, ...], what: str) -> None:
        raise InvariantError(
            "fragment_isolation",
            f"a fragment run changed the tree outside its area at {path}: {what}",
        )


def _equal_leaf(old: Node, new: Node) -> bool:
    return (
        old.type == new.type
        and old.run_id == new.run_id
        and old.fragment_id == new.fragment_id
        and _same_props(old, new)
    )


def _same_props(old: Node, new: Node) -> bool:
    # The read-only views compare as the dicts they show, without copying them.
    return bool(old.proto == new.proto)


__all__ = ["BUILTIN", "Checks", "Invariant", "InvariantError"]
