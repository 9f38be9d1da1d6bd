"""Policy profiles: each council's choice of rules and parameters, as data files.

A council profile is the national rules plus the council's own (POLICY-RULES.md). Where a
council file sets a parameter of a rule that the national file also sets, the stricter
(smaller) value wins: a council can tighten a statutory timescale, never loosen it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from permanence.rules import ELSEWHERE, RULES, Rule

PROFILE_NAMES = ("national", "bolton", "halton", "blackburn", "luton", "bradford")


class UnknownProfile(ValueError):
    pass


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    policy: str
    rules: tuple[Rule, ...]
    params: dict[str, dict[str, Any]]
    elsewhere: dict[str, str] = field(default_factory=dict)  # catalogued ids not evaluated here
    notes: tuple[str, ...] = ()  # parameters the stricter-wins merge overrode
    # The council's panels and tracking meetings, as the profile file gives them
    # ([panels.<key>]); `permanence.panels` reads them.
    panels: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Weekly cost of care by placement group, for the tracker ([costs]); a council's
    # figures replace the national defaults (costs are not timescales: no stricter-wins).
    costs: dict[str, float] = field(default_factory=dict)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)


def _read(name: str) -> dict[str, Any]:
    try:
        text = resources.files("permanence.profiles").joinpath(f"{name}.toml").read_text("utf-8")
    except FileNotFoundError:
        raise UnknownProfile(
            f"unknown profile {name!r}: choose one of {', '.join(PROFILE_NAMES)}"
        ) from None
    return tomllib.loads(text)


@cache
def load_profile(name: str) -> Profile:
    if name not in PROFILE_NAMES:
        raise UnknownProfile(f"unknown profile {name!r}: choose one of {', '.join(PROFILE_NAMES)}")
    data = _read(name)
    ids: list[str] = []
    params: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    panels: dict[str, dict[str, Any]] = {}
    costs: dict[str, float] = {}
    if "extends" in data:
        base = load_profile(data["extends"])
        ids.extend(base.rule_ids)
        ids.extend(base.elsewhere)
        params = {k: dict(v) for k, v in base.params.items()}
        panels = dict(base.panels)
        costs = dict(base.costs)
    panels.update(data.get("panels", {}))
    costs.update({k: float(v) for k, v in data.get("costs", {}).items()})
    for rule_id, values in data.get("params", {}).items():
        for key, value in values.items():
            current = params.setdefault(rule_id, {}).get(key)
            if current is not None and value > current:
                notes.append(
                    f"{name}: {rule_id} {key}={value} is looser than the national {current};"
                    " the national value applies"
                )
                continue
            params[rule_id][key] = value
    ids.extend(data["rules"])
    unknown = [i for i in ids if i not in RULES and i not in ELSEWHERE]
    if unknown:
        raise ValueError(f"profile {name}: rules not in the catalogue: {', '.join(unknown)}")
    return Profile(
        name=name,
        title=data["title"],
        policy=data["policy"],
        rules=tuple(RULES[i]() for i in ids if i in RULES),
        params=params,
        elsewhere={i: ELSEWHERE[i] for i in ids if i in ELSEWHERE},
        notes=tuple(notes),
        panels=panels,
        costs=costs,
    )
