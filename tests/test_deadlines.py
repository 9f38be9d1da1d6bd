"""The deadlines service gives the same results over several processes as over one."""

from datetime import date

from permanence import deadlines as service
from permanence.output.deadlines import json_renderer
from permanence.profiles import load_profile
from permanence.ssda903 import load_return


def test_several_processes_give_the_same_output_in_the_same_order(shared, monkeypatch):
    children = list(
        load_return(shared / "data/ssda903/validator-fake", progress=False).children.values()
    )
    profile, as_of, render = load_profile("halton"), date(2018, 3, 31), json_renderer()
    one = list(service.rendered(children, profile, as_of, render, workers=1))
    monkeypatch.setattr(service, "PARALLEL_FROM", 100)
    monkeypatch.setattr(service, "CHUNK", 300)
    two = list(service.rendered(children, profile, as_of, render, workers=2))
    assert len(one) == len(children) > 2000
    assert two == one
