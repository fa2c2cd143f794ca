"""OS adapters behind small protocols, each with a safe fallback."""
