"""End-to-end tests: the real app on a virtual X desktop (Xvfb + openbox + trayer)."""
