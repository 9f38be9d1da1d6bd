"""Permanence: permanence planning and tracking for children's services.

The core (working-day calendar, SSDA903 reader, domain, rules engine, profiles,
measures) is plain Python; the command line and the web application sit over it.
"""

__version__ = "0.1.0"
