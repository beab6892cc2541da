"""Benchmarks of the Bounce Back bot (run each as `.venv/bin/python bench/<name>.py`)."""
