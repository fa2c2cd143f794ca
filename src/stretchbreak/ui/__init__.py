"""Everything that touches Qt widgets: tray, windows, dialogs, and the adapters they need."""
