"""The ten steps as data and the pure journey engine."""
