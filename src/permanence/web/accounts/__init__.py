"""People and teams: who may see and change which children."""
