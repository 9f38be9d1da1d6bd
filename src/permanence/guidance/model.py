"""What the options guidance gives for one child: sections of a council's policy text, with
the parts that apply to the child marked."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the policy text. `mark` says in words why it is marked for this child
    ("The current plan", "Contingency plan"): never colour alone."""

    text: str
    mark: str = ""
    number: int | None = None  # its place in the policy's order, where the order matters

    @property
    def current(self) -> bool:
        return bool(self.mark)


@dataclass(frozen=True, slots=True)
class Group:
    """A heading of the policy (an age band, a route, a column) with its lines, and its
    parts (a band's kinship columns, a route's advantages and disadvantages)."""

    key: str
    heading: str
    entries: tuple[Entry, ...] = ()
    parts: tuple[Group, ...] = ()
    mark: str = ""  # why it applies to this child, in words; "" when it does not

    @property
    def current(self) -> bool:
        return bool(self.mark)


@dataclass(frozen=True, slots=True)
class GuidanceSection:
    """A piece of a council's options guidance, for one child.

    `summary` says in words what applies to the child and why (from which facts);
    `quote` is the policy's own framing; `groups` the policy's lists; `notes` further
    sentences of the policy that bear on the child.
    """

    rule: str
    title: str
    source: str
    profile: str
    summary: str
    quote: str = ""
    groups: tuple[Group, ...] = ()
    notes: tuple[str, ...] = ()

    def group(self, key: str) -> Group:
        for g in self.groups:
            if g.key == key:
                return g
            for part in g.parts:
                if part.key == key:
                    return part
        raise KeyError(f"{self.rule} has no group {key!r}")

    @property
    def marked(self) -> tuple[Group, ...]:
        """The groups and parts marked as applying to the child."""
        out = []
        for g in self.groups:
            if g.current:
                out.append(g)
            out.extend(p for p in g.parts if p.current)
        return tuple(out)
