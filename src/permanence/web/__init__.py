"""The web application: Django over the same core the command line uses.

Views call services (which write) and selectors (which read); both call the core
(`permanence.domain`, `permanence.rules`). No rule lives here.
"""
