"""Qt-free logic: time, durations, settings, the stretch library. Nothing below here imports PySide6."""
