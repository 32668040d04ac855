"""Property: a fragment run changes nothing outside its own area except its outside appends.

This is the oracle of R9/FE5-FE6/L1: for random apps and random click sequences, after a
fragment run every node that is not inside the rerun fragment's container is exactly as before
(same type, properties, run id, fragment id), and the only new nodes outside it are appended
at the end of containers created outside the fragment, tagged with its id.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from apptest import AppTest
from apptest._api.nodes import Node
from apptest._api.query import Block

Flat = dict[tuple[int, ...], tuple[str, Any, int, str]]


def build_app(fragments: list[tuple[int, bool]], main_lines: int) -> str:
    lines = [
        "import streamlit as st",
        "import random",
        "log = st.container()",
        "log.write('log start')",
    ]
    for index, (count, writes_outside) in enumerate(fragments):
        lines += [
            "@st.fragment",
            f"def frag{index}():",
            f"    st.button('f{index}')",
            f"    for i in range({count}):",
            f"        st.write(f'f{index} line {{i}} {{random.random()}}')",
        ]
        if writes_outside:
            lines.append(f"    log.write(f'f{index} appended {{random.random()}}')")
        lines.append(f"frag{index}()")
    for line in range(main_lines):
        lines.append(f"st.write(f'main {line} {{random.random()}}')")
    lines.append("st.button('full')")
    return "\n".join(lines) + "\n"


def flatten(node: Node, out: Flat) -> Flat:
    out[node.path] = (node.type, dict(node.proto), node.run_id, node.fragment_id)
    if isinstance(node, Block):
        for child in node.children:
            flatten(child, out)
    return out


def snapshot(at: AppTest) -> Flat:
    flat: Flat = {}
    for root in (at.main, at.sidebar, at.event):
        flatten(root, flat)
    return flat


apps = st.tuples(
    st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=1, max_size=3),
    st.integers(0, 3),
)


@given(apps, st.lists(st.integers(-1, 2), min_size=1, max_size=8))
def test_R9_fragment_run_touches_only_its_area_and_outside_appends(
    app: tuple[list[tuple[int, bool]], int], clicks: list[int]
) -> None:
    fragments, main_lines = app
    at = AppTest.from_string(build_app(fragments, main_lines)).run()
    for click in clicks:
        target = click % len(fragments) if click >= 0 else None
        before = snapshot(at)
        if target is None:
            at.button(label="full").click().run()
            assert at.runs[-1].scope == "app"
            continue
        at.button(label=f"f{target}").click().run()
        run = at.runs[-1]
        assert run.scope == "fragment" and run.fragments == (f"frag{target}",)
        area = next(f.path for f in at.fragments if f.name == f"frag{target}")
        after = snapshot(at)
        fragment_id = run.fragment_ids[0]

        def inside(path: tuple[int, ...]) -> bool:
            return path[: len(area)] == area and len(path) > len(area)

        for path, node in before.items():
            if inside(path) or path == area:
                continue
            if node[0] == "container" and path == (0, 0):
                # The outside log container gets the run id of its new child (FE1).
                assert after[path][:2] == node[:2]
                continue
            if path in ((0,), (1,), (2,), (3,)):
                continue
            assert after.get(path) == node, f"{path} changed by a fragment run"
        new_outside = [p for p in after if p not in before and not inside(p)]
        for path in new_outside:
            assert path[:2] == (0, 0), f"unexpected new node at {path}"
            assert after[path][3] == fragment_id and after[path][2] == run.id
        log = [p for p in after if len(p) == 3 and p[:2] == (0, 0)]
        assert sorted(log) == [(0, 0, i) for i in range(len(log))]
        writes_outside = fragments[target][1]
        assert len(new_outside) == (1 if writes_outside else 0)
