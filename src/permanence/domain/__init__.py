"""The child's record and what derives from it (periods of care, placements, legal status)."""
