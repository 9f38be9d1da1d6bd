"""The synthetic children are internally consistent and shaped like a council's."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from permanence.synth import SynthChild

YEAR_END = date(2026, 3, 31)  # as in conftest.py

PLACEMENT_START = set("SPBTU")
ADOPTIVE = {"A3", "A4", "A5", "A6"}
SGO = {"E45", "E46", "E47", "E48"}


def periods(c: SynthChild) -> list[list]:
    """Episodes grouped into periods of care by the POLICY-RULES convention."""
    out: list[list] = []
    for e in c.episodes:
        if out and out[-1][-1].end == e.start and out[-1][-1].rec == "X1":
            out[-1].append(e)
        else:
            out.append([e])
    return out


def placements_in_year(c: SynthChild, day: date) -> int:
    """Placements in the 12 months to `day` (POLICY-RULES, short-term stability)."""
    first = day.replace(year=day.year - 1) + timedelta(days=1)
    n = sum(1 for e in c.episodes if e.rne in PLACEMENT_START and first <= e.start <= day)
    if any(e.start < first and (e.end is None or e.end > first) for e in c.episodes):
        n += 1
    return n


def test_episodes_are_contiguous_and_consistent(sample):
    for c in sample:
        eps = c.episodes
        assert eps, c.child
        b18 = c.birthday(18)
        for i, e in enumerate(eps):
            assert e.start >= c.dob, (c.child, e)
            assert e.start < b18, (c.child, e)
            if e.end is None:
                assert i == len(eps) - 1 and e.rec == "" and e.reason_place_change == ""
                assert b18 > YEAR_END and e.start <= YEAR_END
                continue
            assert e.end > e.start, (c.child, e)
            assert e.end <= b18, (c.child, e)  # nobody in care past 18
            assert e.end <= YEAR_END
            if e.rec == "E17":
                assert e.end == b18
            if i + 1 < len(eps):
                n = eps[i + 1]
                if e.rec == "X1":  # the period goes on: no gap, no overlap
                    assert n.start == e.end and n.rne != "S", (c.child, e, n)
                    if n.rne in PLACEMENT_START:
                        assert e.reason_place_change, (c.child, e, n)
                    else:
                        assert not e.reason_place_change, (c.child, e, n)
                else:  # the period ended; a new one starts later
                    assert e.rec, (c.child, e)
                    assert n.start > e.end and n.rne == "S", (c.child, e, n)
                    assert not e.reason_place_change
            else:
                assert e.rec != "X1", (c.child, e)
        for period in periods(c):
            assert period[0].rne == "S"
            assert len({e.cin for e in period}) == 1
            assert len({e.home_post for e in period}) == 1
            for prev, e in zip(period, period[1:], strict=False):
                same_place = (prev.place, prev.provider, prev.urn, prev.pl_post) == (
                    e.place,
                    e.provider,
                    e.urn,
                    e.pl_post,
                )
                if e.rne == "L":
                    assert same_place and e.ls != prev.ls, (c.child, prev, e)
                elif e.rne in ("P", "T"):
                    assert e.ls == prev.ls and not same_place, (c.child, prev, e)
                else:
                    assert e.rne in ("B", "U") and e.ls != prev.ls and not same_place
                if e.rne in ("T", "U"):  # same carers: same address
                    assert e.pl_post == prev.pl_post and e.place != prev.place
            if period[0].ls in ("V3", "V4"):
                assert len(period) == 1 and period[0].rec in ("E4A", "")
            for e in period:
                if e.place == "P1":
                    assert e.provider == "PR0" and e.pl_post == e.home_post
                    assert e.ls in ("C1", "C2")


def test_reviews_only_while_looked_after(sample):
    for c in sample:
        spans = [
            (p[0].start, p[-1].end)
            for p in periods(c)
            if p[0].ls not in ("V3", "V4")  # short breaks have no reviews here
        ]
        last = None
        b4 = c.birthday(4)
        for r in c.reviews:
            assert r.date <= YEAR_END
            assert any(s <= r.date and (e is None or r.date < e) for s, e in spans), (c.child, r)
            assert last is None or r.date > last
            last = r.date
            assert (r.code == "PN0") == (r.date < b4), (c.child, r)
            assert r.code in {f"PN{i}" for i in range(8)}
        for m in c.missing:
            assert any(
                s <= m.start and (e is None or (m.end is not None and m.end < e)) for s, e in spans
            ), (c.child, m)


def test_review_timing(sample):
    first_on_time = first_total = 0
    for c in sample:
        for p in periods(c):
            if p[0].ls in ("V3", "V4"):
                continue
            start, end = p[0].start, p[-1].end
            held = [r.date for r in c.reviews if start <= r.date and (end is None or r.date < end)]
            if not held:
                continue
            first_total += 1
            if (held[0] - start).days <= 30:  # 20 working days is 28 days or a little more
                first_on_time += 1
            if len(held) >= 2:  # the second about 3 months after the first
                assert 55 <= (held[1] - held[0]).days <= 400
    assert first_total > 1000
    assert 0.7 < first_on_time / first_total < 0.98  # mostly on time, some late


def test_adoption_dates_consistent(sample):
    adopted = 0
    by_foster_carer = 0
    for c in sample:
        last = c.episodes[-1]
        if c.adoption is None:
            assert last.rec not in ("E11", "E12"), c.child
            continue
        adopted += 1
        a = c.adoption
        assert last.rec in ("E11", "E12") and last.end == a.adopted
        assert last.place in ADOPTIVE
        # the run of adoptive placements that ended in the adoption
        i = len(c.episodes) - 1
        while i > 0 and c.episodes[i - 1].place in ADOPTIVE and c.episodes[i - 1].rec == "X1":
            i -= 1
        placed = c.episodes[i]
        assert a.decided <= a.matched <= placed.start, (c.child, a, placed)
        assert (a.adopted - placed.start).days >= 70
        if a.foster_care:
            by_foster_carer += 1
            assert placed.rne in ("T", "U") and placed.place in ("A3", "A5"), (c.child, placed)
        else:
            assert placed.rne in ("P", "B") and placed.place in ("A4", "A6"), (c.child, placed)
        assert any(p.decided == a.decided and p.ceased is None for p in c.placed_for_adoption)
    assert adopted > 40 and by_foster_carer > 5
    for c in sample:
        for e in c.episodes:
            if e.ls == "E1":  # a placement order follows a decision to place for adoption
                assert any(p.decided <= e.start for p in c.placed_for_adoption), c.child
        for p in c.placed_for_adoption:
            assert (p.ceased is None) == (p.reason == "")
            assert p.ceased is None or p.ceased >= p.decided


def test_shape_placement_stability(sample):
    looked_after = [
        c
        for c in sample
        if c.looked_after_on(YEAR_END)
        and not all(e.ls in ("V3", "V4") for e in c.episodes if e.end is None)
    ]
    counts = Counter(placements_in_year(c, YEAR_END) for c in looked_after)
    n = len(looked_after)
    three_plus = sum(v for k, v in counts.items() if k >= 3) / n
    assert 0.03 < three_plus < 0.3  # a minority, but not none
    assert sum(v for k, v in counts.items() if k <= 2) / n > 0.7  # most have 1-2
    assert sum(v for k, v in counts.items() if k >= 5) > 0  # a tail with 4+ moves


def test_shape_routes_and_endings(sample):
    recs = Counter(e.rec for c in sample for e in c.episodes)
    for code in ("E4A", "E4B", "E11", "E12", "E41", "E45", "E46", "E47", "E48", "E17", "E5"):
        assert recs[code] > 0, code
    ls = Counter(e.ls for c in sample for e in c.episodes)
    for code in ("V2", "C1", "C2", "E1", "L2", "J1", "J2", "V3"):
        assert ls[code] > 0, code
    assert ls["J1"] + ls["J2"] + ls["J3"] < 0.05 * sum(ls.values())  # youth justice is rare
    places = Counter(e.place for c in sample for e in c.episodes)
    for code in ("U1", "U2", "U3", "U4", "U5", "U6", "P1", "A5", "A6", "K2", "R1"):
        assert places[code] > 0, code
    assert places["A3"] + places["A4"] > 0
    assert places["H5"] + places["K3"] > 0
    rne = Counter(e.rne for c in sample for e in c.episodes)
    assert all(rne[code] > 0 for code in "SLPTBU")
    # routes: EPO then interim care order; interim then full care order; placement order
    pairs = Counter(
        (a.ls, b.ls)
        for c in sample
        for a, b in zip(c.episodes, c.episodes[1:], strict=False)
        if a.rec == "X1"
    )
    assert pairs[("L2", "C1")] > 0 and pairs[("C1", "C2")] > 0 and pairs[("C1", "E1")] > 0
    assert pairs[("V2", "C1")] > 0


def test_shape_children(sample):
    n = len(sample)
    re_entries = sum(1 for c in sample if sum(p[0].ls not in ("V3", "V4") for p in periods(c)) > 1)
    assert 0.01 * n < re_entries < 0.25 * n
    short_breaks = [c for c in sample if any(e.ls == "V3" for e in c.episodes)]
    # a series of short episodes (fewer when the series began before the window)
    series = [sum(e.ls == "V3" for e in c.episodes) for c in short_breaks]
    assert short_breaks and sum(k >= 3 for k in series) > 0.7 * len(series)
    starts = [
        (p[0].start - c.dob).days / 365.25
        for c in sample
        for p in periods(c)
        if p[0].ls not in ("V3", "V4")
    ]
    assert sum(a < 1 for a in starts) > 0.1 * len(starts)  # many babies
    assert sum(a >= 10 for a in starts) > 0.3 * len(starts)  # and teenagers
    assert 0 < sum(c.uasc for c in sample) < 0.15 * n
    assert all(c.duc == c.birthday(18) for c in sample if c.uasc)
    assert sum(bool(c.missing) for c in sample) > 0.05 * n
    assert sum(bool(c.health) for c in sample) > 0.2 * n
    assert sum(bool(c.care_leaver) for c in sample) > 0
    kinds = Counter(p.kind for c in sample for p in c.previous_permanence)
    assert kinds["Z1"] > 0.8 * n and kinds["P1"] + kinds["P2"] + kinds["P3"] > 0
    assert sum(c.mother == "1" for c in sample) > 0
    assert all(c.mc_dob is not None for c in sample if c.mother == "1")
    assert len({c.child for c in sample}) == n
    assert len({c.upn for c in sample}) > 0.99 * n
    sexes = Counter(c.sex for c in sample)
    assert 0.45 < sexes[1] / n < 0.7


def test_everyone_overlaps_the_window(sample):
    window_start = date(2021, 4, 1)
    for c in sample:
        assert any(
            e.start <= YEAR_END and (e.end is None or e.end >= window_start) for e in c.episodes
        )
    # full histories: some children long in care have episodes from before the window
    assert any(
        c.episodes[0].start < window_start and c.looked_after_on(window_start) for c in sample
    )
