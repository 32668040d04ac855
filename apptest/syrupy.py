"""Snapshots of an app's element tree with syrupy (``pip install 'apptest[snapshot]'``).

The ``tree_snapshot`` fixture is syrupy's ``snapshot`` using :class:`TreeSnapshotExtension`:
one readable ``.txt`` file per snapshot (``__snapshots__/test_file/test_name.txt``), holding
``at.tree``; a difference is shown as a line diff of the tree::

    def test_filter(app_test, tree_snapshot):
        at = app_test("filter.py").run()
        at.selectbox(label="Region").select("North").run()
        assert at.tree == tree_snapshot        # or: assert at == tree_snapshot

``pytest --snapshot-update`` records (or re-records) the files. Without the fixture:
``snapshot.use_extension(TreeSnapshotExtension)``.
"""

from __future__ import annotations

from typing import Any

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class TreeSnapshotExtension(SingleFileSnapshotExtension):
    """A syrupy extension that stores an AppTest's text tree (or any text) as a ``.txt``."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"

    def serialize(self, data: Any, **_options: Any) -> str:
        """``at.tree`` for an AppTest, the text itself for a string, ending in a newline."""
        tree = getattr(data, "tree", None)
        text = tree if isinstance(tree, str) else str(data)
        return text if text.endswith("\n") else text + "\n"


__all__ = ["TreeSnapshotExtension"]
