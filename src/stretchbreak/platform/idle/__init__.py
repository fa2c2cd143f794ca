"""Idle time sources: how long since the last keyboard or mouse input, one backend per OS or desktop.

`choose_idle_source` in `select` picks the first backend that works here; `FallbackIdleSource` keeps the app
running on wall time if that backend stops answering later.
"""
