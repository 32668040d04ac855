"""Property-based exploration of apps: value strategies, steps, invariants, the explorer."""
