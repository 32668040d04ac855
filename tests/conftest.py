"""Fixtures for the test suite: pytester runs pytest on generated test files."""

pytest_plugins = ["pytester"]
