"""The simulation: care careers of synthetic children, shaped like an English council's.

Each candidate child gets an age at first entry and an entry date (entries arrive at a
steady rate, so the stock on any day has the right mix of long and short stays), then a
care career is simulated forward: legal route (s20, EPO, interim and full care orders,
placement orders, youth justice, short breaks), placements and moves, and how each period
of care ends, with re-entries. A child is kept when some period of care overlaps the
window of `years` ending on `year_end`; periods wholly before the window are dropped,
kept periods are kept whole (full history), and everything after `year_end` is cut off.

Everything random comes from one `random.Random(seed)`: the same arguments give the same
children. Internally days are date ordinals (ints); the records hold `datetime.date`.

Proportions are rough national shapes (DfE "Children looked after in England" releases:
ages at entry, legal statuses, placement types, reasons for leaving), not any council's
data. No real person is in the output.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Iterator
from datetime import date, timedelta

from .days import WorkingDays, add_months, add_years, birthday
from .records import (
    SynthAdoption,
    SynthCareLeaver,
    SynthChild,
    SynthEpisode,
    SynthHealth,
    SynthMissing,
    SynthPeriod,
    SynthPlacedForAdoption,
    SynthPreviousPermanence,
    SynthReview,
)

YEAR = 365.2425
OWN_LA = "999"  # a local authority code no English council has: the synthetic council
OTHER_LAS = ("990", "991", "992", "993", "994", "995", "996", "997", "998")
NO_URN = "XXXXXXX"  # the DfE's "no URN applies" (parents, adopters)
SUPPORTED_K3_FROM = date(2024, 4, 1).toordinal()  # H5 becomes K3 in the 2024-25 return


class _Rng(random.Random):
    """`random.Random` with quicker integer draws (the stdlib's exact-uniform ones cost
    about a microsecond each, and the simulation makes millions). Same seed, same draws."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


class _W:
    """A weighted choice: `w(rng)` picks a code."""

    __slots__ = ("codes", "cum", "total")

    def __init__(self, *pairs: tuple[object, float]) -> None:
        self.codes = tuple(c for c, _ in pairs)
        cum = []
        s = 0.0
        for _, w in pairs:
            s += w
            cum.append(s)
        self.cum = cum
        self.total = s

    def __call__(self, rng: random.Random):
        return self.codes[bisect.bisect_right(self.cum, rng.random() * self.total)]


ETHNIC = _W(
    ("WBRI", 64.0), ("WIRI", 0.4), ("WOTH", 5.5), ("WIRT", 0.7), ("WROM", 0.6),
    ("MWBC", 4.2), ("MWBA", 1.4), ("MWAS", 1.5), ("MOTH", 3.2), ("AIND", 0.8),
    ("APKN", 1.5), ("ABAN", 0.6), ("AOTH", 1.6), ("BCRB", 1.6), ("BAFR", 3.6),
    ("BOTH", 2.0), ("CHNE", 0.2), ("OOTH", 3.2), ("REFU", 0.3), ("NOBT", 0.5),
)  # fmt: skip
ETHNIC_UASC = _W(
    ("AOTH", 30.0), ("BAFR", 28.0), ("OOTH", 24.0), ("BOTH", 6.0), ("MOTH", 4.0),
    ("WOTH", 6.0), ("APKN", 2.0),
)  # fmt: skip

# Category of need by route.
CIN_PROCEEDINGS = _W(("N1", 74.0), ("N4", 6.0), ("N5", 9.0), ("N3", 5.0), ("N8", 5.0), ("N2", 1.0))
CIN_S20 = _W(
    ("N1", 38.0), ("N2", 6.0), ("N3", 4.0), ("N4", 17.0), ("N5", 17.0), ("N6", 6.0),
    ("N7", 1.0), ("N8", 11.0),
)  # fmt: skip

# Reasons a placement ended in a move (REASON_PLACE_CHANGE), for unplanned moves.
MOVE_REASON = _W(
    ("CARPL", 30.0), ("CREQB", 18.0), ("CREQO", 12.0), ("CHILD", 7.0), ("LAREQ", 8.0),
    ("STAND", 4.0), ("ALLEG", 3.0), ("CLOSE", 4.0), ("APPRR", 2.0), ("OTHER", 12.0),
)  # fmt: skip

# How a period of care ends on the 18th birthday, by the kind of placement.
REC_18 = {
    "foster": _W(("E17", 50.0), ("E5", 28.0), ("E6", 5.0), ("E4A", 10.0), ("E8", 7.0)),
    "supported": _W(("E5", 65.0), ("E6", 20.0), ("E8", 10.0), ("E4A", 5.0)),
    "resi": _W(("E5", 55.0), ("E7", 8.0), ("E8", 17.0), ("E4A", 20.0)),
    "parents": _W(("E4A", 60.0), ("E8", 40.0)),
}
REC_18_REGIME = {
    "foster": "foster", "kin": "foster", "lt_foster": "foster", "lt_kin": "foster",
    "ffa": "foster", "supported": "supported", "resi": "resi", "secure": "resi",
    "yoi": "resi", "mbu": "resi", "parents": "parents", "adopt": "foster",
}  # fmt: skip

REVIEW_CODE = _W(
    ("PN1", 48.0), ("PN2", 5.0), ("PN3", 5.0), ("PN4", 6.0), ("PN5", 14.0), ("PN6", 11.0),
    ("PN7", 11.0),
)  # fmt: skip

# Placement as a tuple, for speed: (PLACE, PLACE_PROVIDER, URN, PL_POST, carer id, regime).
PL_PLACE, PL_PROVIDER, PL_URN, PL_POST, PL_CARER, PL_REGIME = range(6)

# Mean days between unplanned moves, by how stable a child's placements are.
STABILITY = _W((2000.0, 75.0), (520.0, 20.0), (110.0, 5.0))
STABILITY_TEEN = _W((1500.0, 62.0), (420.0, 29.0), (100.0, 9.0))
# ... and how the kind of placement lengthens or shortens that (None: no unplanned moves).
GAP_FACTOR = {
    "foster": 1.0, "kin": 2.5, "ffa": 3.0, "lt_foster": 2.2, "lt_kin": 3.0,
    "parents": 4.0, "resi": 0.9, "supported": 1.2, "secure": 0.6, "yoi": None,
    "mbu": None, "adopt": None, "sb": None,
}  # fmt: skip

PROVIDER = {
    "foster": _W(("PR1", 55.0), ("PR4", 40.0), ("PR2", 3.0), ("PR5", 2.0)),
    "ffa": _W(("PR1", 70.0), ("PR5", 20.0), ("PR2", 10.0)),
    "adopt": _W(("PR1", 60.0), ("PR2", 15.0), ("PR5", 25.0)),
    "resi": _W(("PR4", 80.0), ("PR1", 15.0), ("PR5", 5.0)),
    "supported": _W(("PR4", 70.0), ("PR1", 20.0), ("PR5", 10.0)),
    "secure": _W(("PR1", 60.0), ("PR2", 40.0)),
    "mbu": _W(("PR4", 60.0), ("PR3", 20.0), ("PR1", 20.0)),
}
REGIME_PLACE = {
    "foster": "U6", "kin": "U3", "ffa": "U5", "lt_foster": "U4", "lt_kin": "U1",
    "parents": "P1", "secure": "K1", "yoi": "R5", "mbu": "R3",
}  # fmt: skip

_POST_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class _Care:
    """One period of care under construction: state changes as (day, LS, placement,
    reason) snapshots, then an end day and REC (None while the simulation runs on)."""

    __slots__ = (
        "start", "snaps", "ls", "plc", "end", "rec", "cin", "home_post", "short_break",
        "pending", "pfa", "ad1", "prev_perm",
    )  # fmt: skip

    def __init__(self, t: int, ls: str, plc: tuple, cin: str, home_post: str) -> None:
        self.start = t
        self.snaps: list[tuple[int, str, tuple, str]] = [(t, ls, plc, "")]
        self.ls = ls
        self.plc = plc
        self.end: int | None = None
        self.rec = ""
        self.cin = cin
        self.home_post = home_post
        self.short_break = False
        self.pending: int | None = None  # day of a first, emergency move
        self.pfa: list[list] = []  # [decided, ceased, reason]
        self.ad1: tuple | None = None
        self.prev_perm: tuple[str, str, str] = ("Z1", "", "")

    def legal(self, t: int, ls: str) -> None:
        self.snaps.append((t, ls, self.plc, ""))
        self.ls = ls

    def move(self, t: int, plc: tuple, reason: str) -> None:
        self.snaps.append((t, self.ls, plc, reason))
        self.plc = plc

    def both(self, t: int, ls: str, plc: tuple, reason: str) -> None:
        self.snaps.append((t, ls, plc, reason))
        self.ls = ls
        self.plc = plc

    def finish(self, t: int, rec: str) -> None:
        self.end = t
        self.rec = rec

    @property
    def regime(self) -> str:
        return self.plc[PL_REGIME]

    def episodes(self, cut: int) -> tuple[list[tuple], int | None]:
        """Episode tuples (start, RNE, LS, placement, end, REC, reason) up to day `cut`
        (later changes dropped, the episode running on `cut` left open), and the end of
        the period (None when open on `cut`)."""
        end = self.end
        snaps = self.snaps
        # Collapse same-day snapshots (the last state of the day wins) and drop any at or
        # after the end (none are made, but never emit an episode ending where it starts).
        kept: list[list] = []
        for t, ls, plc, reason in snaps:
            if (end is not None and t >= end) or t > cut:
                break
            if kept and kept[-1][0] == t:
                k = kept[-1]
                k[1], k[2] = ls, plc
                if reason:
                    k[3] = reason
            else:
                kept.append([t, ls, plc, reason])
        out: list[list] = []
        prev_ls = prev_plc = None
        for t, ls, plc, reason in kept:
            if not out:
                rne = "S"
            else:
                ls_changed = ls != prev_ls
                plc_changed = plc is not prev_plc
                if not ls_changed and not plc_changed:
                    continue
                same_carer = plc[PL_CARER] == prev_plc[PL_CARER]
                if not plc_changed:
                    rne = "L"
                elif ls_changed:
                    rne = "U" if same_carer else "B"
                else:
                    rne = "T" if same_carer else "P"
                last = out[-1]
                last[4] = t
                last[5] = "X1"
                if rne != "L":
                    last[6] = reason or "CARPL"
            out.append([t, rne, ls, plc, None, "", ""])
            prev_ls, prev_plc = ls, plc
        if end is not None and end <= cut:
            out[-1][4] = end
            out[-1][5] = self.rec
            return out, end
        return out, None


class _Kid:
    """A child while simulated."""

    __slots__ = (
        "dob", "b4", "b10", "b16", "b17", "b18", "sex", "uasc", "gap", "periods", "ethnic",
        "missing_rate",
    )  # fmt: skip

    def __init__(self, dob: date, sex: int) -> None:
        self.dob = dob.toordinal()
        self.b4 = birthday(dob, 4).toordinal()
        self.b10 = birthday(dob, 10).toordinal()
        self.b16 = birthday(dob, 16).toordinal()
        self.b17 = birthday(dob, 17).toordinal()
        self.b18 = birthday(dob, 18).toordinal()
        self.sex = sex
        self.uasc = False
        self.gap = 1500.0
        self.periods: list[_Care] = []
        self.ethnic = ""
        self.missing_rate = 0.0

    def age(self, t: int) -> float:
        return (t - self.dob) / YEAR


class Simulator:
    """Makes synthetic children one at a time; see `generate`."""

    def __init__(self, seed: int, year_end: date, years: int) -> None:
        if years < 1:
            raise ValueError("years must be at least 1")
        self.rng = _Rng(seed)
        self.year_end = year_end
        self.years = years
        self.ye = year_end.toordinal()
        self.ws = (add_years(year_end, -years) + timedelta(days=1)).toordinal()
        first = (add_years(year_end, -years - 19)).toordinal()
        self.wd = WorkingDays(first, self.ye + 800)
        rng = self.rng
        self.id_offset = rng.randrange(9_000_000)
        self.carer_seq = 0
        self.home_posts = [self._postcode("QA") for _ in range(4000)]
        areas = ("QB", "QC", "QD", "QE", "QF", "QG", "QH", "QJ", "QK", "QL")
        self.away_posts = [self._postcode(rng.choice(areas)) for _ in range(4000)]
        self.la_urn = self._urn()
        self.ifa_urns = [self._urn() for _ in range(35)]
        self.home_urns = [self._urn() for _ in range(70)]
        self.supported_urns = [self._urn() for _ in range(25)]
        self.secure_urns = [self._urn() for _ in range(4)]
        self.yoi_urns = [self._urn() for _ in range(3)]
        self.mbu_urns = [self._urn() for _ in range(4)]
        self.sb_urns = [self._urn() for _ in range(3)]
        self.vaa_urns = [self._urn() for _ in range(6)]
        # Each collection year end (an anniversary of year_end), latest first.
        self.year_ends = []
        for k in range(years + 25):
            d = add_years(year_end, -k)
            self.year_ends.append((d.toordinal(), d))
        self._months: dict[tuple[int, int], int] = {}
        # Window of first-entry dates a child of age a can be drawn from.
        self.span0 = self.ye - (self.ws - int(18 * YEAR))

    # ------------------------------------------------------------------ small helpers

    def _postcode(self, area: str) -> str:
        rng = self.rng
        return (
            f"{area}{rng.randint(1, 29)} {rng.randint(1, 9)}"
            f"{rng.choice(_POST_LETTERS)}{rng.choice(_POST_LETTERS)}"
        )

    def _urn(self) -> str:
        return f"SC{self.rng.randint(100000, 999999)}"

    def _days_lognormal(self, median: float, sigma: float, lo: int, hi: int) -> int:
        v = int(math.exp(self.rng.gauss(math.log(median), sigma)))
        return lo if v < lo else hi if v > hi else v

    def _poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        rng = self.rng
        if lam > 30:
            return max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
        limit = math.exp(-lam)
        n = 0
        p = rng.random()
        while p > limit:
            n += 1
            p *= rng.random()
        return n

    def _placement(self, regime: str, t: int, kid: _Kid) -> tuple:
        """A new placement (with a new carer) of the given kind."""
        rng = self.rng
        self.carer_seq += 1
        carer = self.carer_seq
        if regime == "parents":
            return ("P1", "PR0", NO_URN, "", carer, regime)  # PL_POST = HOME_POST, later
        if regime in ("foster", "lt_foster"):
            provider = PROVIDER["foster"](rng)
            urn = self.la_urn if provider == "PR1" else rng.choice(self.ifa_urns)
            place = REGIME_PLACE[regime]
        elif regime in ("kin", "lt_kin"):
            provider, urn, place = "PR1", self.la_urn, REGIME_PLACE[regime]
        elif regime == "ffa":
            provider = PROVIDER["ffa"](rng)
            urn = self.la_urn if provider == "PR1" else rng.choice(self.vaa_urns)
            place = "U2" if rng.random() < 0.08 else "U5"
        elif regime == "resi":
            provider = PROVIDER["resi"](rng)
            urn = rng.choice(self.home_urns)
            place = "R1" if rng.random() < 0.05 else "K2"
        elif regime == "supported":
            provider = PROVIDER["supported"](rng)
            urn = rng.choice(self.supported_urns)
            place = "K3" if t >= SUPPORTED_K3_FROM else "H5"
        elif regime == "secure":
            provider, urn, place = PROVIDER["secure"](rng), rng.choice(self.secure_urns), "K1"
        elif regime == "yoi":
            provider, urn, place = "PR3", rng.choice(self.yoi_urns), "R5"
        elif regime == "mbu":
            provider, urn, place = PROVIDER["mbu"](rng), rng.choice(self.mbu_urns), "R3"
        else:  # pragma: no cover - every regime is listed above
            raise ValueError(regime)
        away = 0.55 if regime in ("resi", "secure", "yoi") else 0.3
        post = rng.choice(self.away_posts if rng.random() < away else self.home_posts)
        return (place, provider, urn, post, carer, regime)

    @staticmethod
    def _same_carer(
        plc: tuple, place: str, regime: str, provider: str | None = None, urn: str | None = None
    ) -> tuple:
        """The same carer(s), a different kind of placement (RNE T or U)."""
        return (
            place, provider or plc[PL_PROVIDER], urn or plc[PL_URN], plc[PL_POST],
            plc[PL_CARER], regime,
        )  # fmt: skip

    def _next_regime(self, regime: str, age: float) -> str:
        r = self.rng.random()
        if regime in ("resi", "secure", "yoi"):
            if age >= 16 and r < 0.2:
                return "supported"
            return "resi" if r < 0.78 else "foster"
        if regime == "supported":
            return "supported" if r < 0.85 else ("resi" if r < 0.93 else "foster")
        if regime in ("kin", "lt_kin"):
            return "kin" if r < 0.2 else "foster"
        if age >= 16 and r < 0.22:
            return "supported"
        if age >= 12 and r < 0.36:
            return "resi"
        if age < 12 and r < 0.025:
            return "resi"
        return "foster"

    def _initial_regime(self, age: float, plan: str = "") -> str:
        r = self.rng.random()
        if age < 1:
            if r < 0.07:
                return "mbu"
            if plan == "adoption" and r < 0.30:
                return "ffa"
        if plan in ("sgo", "cao") and r < 0.5:
            return "kin"
        if age >= 16:
            return "supported" if r < 0.35 else ("resi" if r < 0.52 else "foster")
        if age >= 12:
            return "resi" if r < 0.16 else ("kin" if r < 0.24 else "foster")
        return "kin" if r < 0.13 else ("resi" if age >= 8 and r < 0.16 else "foster")

    def _start(
        self, kid: _Kid, t: int, ls: str, regime: str, cin: str, emergency: float = 0.3
    ) -> _Care:
        home = self.rng.choice(self.home_posts)
        plc = self._placement(regime, t, kid)
        if regime == "parents":
            plc = plc[:PL_POST] + (home,) + plc[PL_CARER:]
        care = _Care(t, ls, plc, cin, home)
        if regime in ("foster", "resi", "kin") and self.rng.random() < emergency:
            care.pending = t + self.rng.randint(1, 21)
        return care

    def _move_to(
        self,
        care: _Care,
        t: int,
        regime: str,
        kid: _Kid,
        reason: str = "CARPL",
        ls: str | None = None,
    ) -> None:
        plc = self._placement(regime, t, kid)
        if regime == "parents":
            plc = plc[:PL_POST] + (care.home_post,) + plc[PL_CARER:]
        if ls is None or ls == care.ls:
            care.move(t, plc, reason)
        else:
            care.both(t, ls, plc, reason)

    def _drift(self, kid: _Kid, care: _Care, t0: int, t1: int) -> None:
        """Unplanned placement moves on days strictly between t0 and t1."""
        rng = self.rng
        t = t0
        while True:
            factor = GAP_FACTOR[care.regime]
            if factor is None:
                return
            if care.pending is not None:
                t = max(t + 1, care.pending)
                care.pending = None
            else:
                mean = kid.gap * factor
                if t >= kid.b10 + 3 * 365:
                    mean *= 0.8
                t += 1 + int(rng.expovariate(1.0 / mean))
            if t >= t1:
                return
            regime = self._next_regime(care.regime, kid.age(t))
            self._move_to(care, t, regime, kid, MOVE_REASON(rng))

    def _end18(self, kid: _Kid, care: _Care, t: int) -> None:
        """Stay until the 18th birthday, then leave by a reason that suits the placement."""
        self._drift(kid, care, t, kid.b18)
        care.finish(kid.b18, REC_18[REC_18_REGIME[care.regime]](self.rng))

    # ------------------------------------------------------------------ routes

    def _long_term(self, kid: _Kid, care: _Care, t: int, match_now: bool = False) -> None:
        """After a full care order (or a long s20 stay): a long-term match, perhaps a
        move to supported accommodation at 16-17, and an exit (SGO to the carers, return
        home, living with relatives, independent living) or the 18th birthday."""
        rng = self.rng
        b18 = kid.b18
        if t >= b18 - 1:
            care.finish(b18, REC_18[REC_18_REGIME[care.regime]](rng))
            return
        age = kid.age(t)
        if age < 15.5 and care.regime in ("foster", "kin", "resi") and rng.random() < 0.8:
            tm = t if match_now else t + rng.randint(45, 330)
            if tm < b18 - 60:
                if tm > t:
                    self._drift(kid, care, t, tm)
                t = tm
                r = rng.random()
                regime = care.regime
                if regime in ("foster", "kin") and r < 0.6:
                    lt = "lt_kin" if regime == "kin" else "lt_foster"
                    care.move(t, self._same_carer(care.plc, REGIME_PLACE[lt], lt), "PLACE")
                elif r < 0.88 and regime != "parents":
                    lt = "resi" if kid.age(t) >= 12 and rng.random() < 0.2 else "lt_foster"
                    self._move_to(care, t, lt, kid, "CARPL")
        # Competing exits, as days from t.
        exits: list[tuple[int, str]] = []
        age = kid.age(t)
        if age < 14:
            exits.append((t + int(rng.expovariate(0.045) * YEAR), "sgo"))
        exits.append((t + int(rng.expovariate(0.03) * YEAR), "home"))
        if age < 13:
            exits.append((t + int(rng.expovariate(0.008) * YEAR), "cao"))
        else:
            exits.append((t + int(rng.expovariate(0.02) * YEAR), "E13"))
        if rng.random() < 0.1:
            lo = max(t + 30, kid.b16)
            if lo < b18 - 30:
                exits.append((rng.randint(lo, b18 - 30), "indep"))
        when, kind = min(exits)
        stop = min(when, b18)
        # A move to supported accommodation at 16 or 17.
        regime = care.regime
        if (
            kid.b16 < stop
            and regime in ("foster", "resi", "kin")
            and rng.random() < (0.5 if regime == "resi" else 0.25)
        ):
            ts = rng.randint(max(t + 1, kid.b16), max(t + 1, kid.b16) + 500)
            if ts < stop - 20:
                self._drift(kid, care, t, ts)
                self._move_to(care, ts, "supported", kid, "CARPL")
                t = ts
        if when >= b18:
            self._end18(kid, care, t)
            return
        self._drift(kid, care, t, when)
        regime = care.regime
        if kind == "sgo":
            if regime in ("kin", "lt_kin"):
                rec = "E45"
            elif regime in ("foster", "lt_foster", "ffa"):
                rec = "E46"
            else:
                rec = "E4A"
        elif kind == "cao":
            rec = "E41"
        elif kind == "home":
            rec = "E4A" if rng.random() < 0.75 else "E4B"
        elif kind == "indep":
            rec = "E5" if rng.random() < 0.7 else "E6"
        else:
            rec = kind
        care.finish(when, rec)

    def _proceedings(
        self, kid: _Kid, t0: int, plan: str | None = None, care: _Care | None = None
    ) -> _Care:
        """Care proceedings: (police protection / EPO / s20 first,) an interim care order
        (C1), then at the final hearing a care order (C2), a placement order (E1), an SGO,
        a child arrangements order, or a return home."""
        rng = self.rng
        age = kid.age(t0)
        if plan is None:
            if age < 1:
                plan = _PLAN_BABY(rng)
            elif age < 5:
                plan = _PLAN_UNDER5(rng)
            elif age < 10:
                plan = _PLAN_5_9(rng)
            else:
                plan = _PLAN_10(rng)
        if care is None:
            r = rng.random()
            prelude = "L1" if r < 0.05 else "L2" if r < 0.13 else "V2" if r < 0.33 else "C1"
            cin = CIN_PROCEEDINGS(rng)
            care = self._start(kid, t0, prelude, self._initial_regime(age, plan), cin)
            t = t0
            if prelude == "L1":
                t += rng.randint(1, 3)
                if rng.random() < 0.4:
                    care.legal(t, "L2")
                    t += rng.randint(2, 8)
            elif prelude == "L2":
                t += rng.randint(2, 8)
            elif prelude == "V2":
                nt = t + rng.randint(14, 180)
                self._drift(kid, care, t, nt)
                t = nt
            if t != t0:
                if t >= kid.b18:
                    care.finish(kid.b18, "E8")
                    return care
                if rng.random() < 0.25 and care.regime != "mbu":
                    self._move_to(
                        care, t, self._initial_regime(kid.age(t), plan), kid, "CARPL", ls="C1"
                    )
                else:
                    care.legal(t, "C1")
        else:
            t = t0
            care.legal(t, "C1")
        c1 = t
        weeks = min(90.0, max(14.0, rng.gauss(38.0, 11.0)))
        fh = c1 + int(weeks * 7)
        b18 = kid.b18
        if fh >= b18 - 30:
            self._end18(kid, care, t)
            return care
        # A mother-and-baby assessment lasts about 12 weeks, then a move.
        if care.regime == "mbu":
            tm = t + rng.randint(60, 100)
            if tm < fh - 7:
                nxt = (
                    "parents"
                    if plan in ("home", "co_parents") and rng.random() < 0.5
                    else ("ffa" if plan == "adoption" and rng.random() < 0.3 else "foster")
                )
                self._move_to(care, tm, nxt, kid, "CARPL")
                t = tm
        # A move during proceedings that the plan calls for.
        mid = t + int((fh - t) * rng.uniform(0.25, 0.85))
        if t < mid < fh:
            if (
                plan in ("home", "co_parents")
                and care.regime != "parents"
                and (rng.random() < 0.45)
            ):
                self._drift(kid, care, t, mid)
                self._move_to(care, mid, "parents", kid, "CARPL")
                t = mid
            elif (
                plan in ("sgo", "cao")
                and care.regime not in ("kin", "lt_kin")
                and (rng.random() < 0.5)
            ):
                self._drift(kid, care, t, mid)
                self._move_to(care, mid, "kin", kid, "CARPL")
                t = mid
        self._drift(kid, care, t, fh)
        t = fh
        regime = care.regime
        if plan == "adoption":
            self._adoption(kid, care, c1, fh)
        elif plan == "sgo":
            rec = "E45" if regime in ("kin", "lt_kin") else "E47" if rng.random() < 0.88 else "E48"
            care.finish(fh, rec)
        elif plan == "cao":
            care.finish(fh, "E41")
        elif plan == "home":
            care.finish(fh, "E4A" if rng.random() < 0.93 else "E4B")
        elif plan == "co_parents":
            if regime != "parents":
                self._move_to(care, fh, "parents", kid, "CARPL", ls="C2")
            else:
                care.legal(fh, "C2")
            stay = fh + 1 + int(rng.expovariate(1 / 650.0))
            r = rng.random()
            if stay >= b18:
                self._end18(kid, care, fh)
            elif r < 0.6:
                care.finish(stay, "E4A")
            else:
                self._move_to(care, stay, "foster", kid, rng.choice(("CARPL", "STAND", "OTHER")))
                self._long_term(kid, care, stay)
        else:  # care order
            care.legal(fh, "C2")
            self._long_term(kid, care, fh, match_now=rng.random() < 0.15)
        return care

    def _adoption(self, kid: _Kid, care: _Care, c1: int, fh: int) -> None:
        """The adoption route from the final hearing: ADM decision (before), placement
        order, match, placement with adopters, adoption order; or a reversal."""
        rng = self.rng
        decided = max(c1 + 14, fh - rng.randint(20, 110))
        pfa = [decided, None, ""]
        care.pfa.append(pfa)
        if rng.random() < 0.07:  # the court does not make a placement order
            pfa[1], pfa[2] = fh, "RD2"
            care.legal(fh, "C2")
            self._long_term(kid, care, fh)
            return
        care.legal(fh, "E1")
        t = fh
        by_carer = care.regime == "ffa" or (care.regime == "foster" and rng.random() < 0.1)
        carer = care.plc[PL_CARER]
        if rng.random() < 0.06:  # no adopters found: the decision is reversed
            rev = fh + rng.randint(300, 720)
            if rev < kid.b18 - 60:
                self._drift(kid, care, t, rev)
                pfa[1], pfa[2] = rev, ("RD3" if rng.random() < 0.7 else "RD1")
                care.legal(rev, "C2")
                self._long_term(kid, care, rev)
                return
        if by_carer:
            matched = fh + rng.randint(30, 150)
        else:
            matched = fh + self._days_lognormal(160, 0.6, 40, 700)
        self._drift(kid, care, t, matched)
        t = matched
        if by_carer and care.plc[PL_CARER] != carer:
            by_carer = False  # moved meanwhile
        if by_carer:
            placed = matched + rng.randint(0, 30)
            if placed > matched:
                self._drift(kid, care, matched, placed)
                if care.plc[PL_CARER] != carer:
                    by_carer = False
        else:
            placed = matched + rng.randint(7, 60)
            self._drift(kid, care, matched, placed)
        provider = PROVIDER["adopt"](rng)
        if by_carer:
            care.move(placed, self._same_carer(care.plc, "A5", "adopt", provider, NO_URN), "PLACE")
        else:
            self.carer_seq += 1
            post = rng.choice(self.away_posts if rng.random() < 0.5 else self.home_posts)
            care.move(placed, ("A6", provider, NO_URN, post, self.carer_seq, "adopt"), "CARPL")
            if rng.random() < 0.035:  # the adoptive placement breaks down
                broke = placed + rng.randint(30, 270)
                self._move_to(care, broke, "foster", kid, "CREQO")
                if rng.random() < 0.5:
                    matched = broke + rng.randint(120, 400)
                    self._drift(kid, care, broke, matched)
                    placed = matched + rng.randint(7, 45)
                    self._drift(kid, care, matched, placed)
                    self.carer_seq += 1
                    post = rng.choice(self.away_posts)
                    care.move(
                        placed, ("A6", provider, NO_URN, post, self.carer_seq, "adopt"), "CARPL"
                    )
                else:
                    rev = broke + rng.randint(60, 200)
                    self._drift(kid, care, broke, rev)
                    pfa[1], pfa[2] = rev, "RD1"
                    care.legal(rev, "C2")
                    self._long_term(kid, care, rev)
                    return
        adopted = placed + max(70, self._days_lognormal(230, 0.45, 70, 900))
        care.finish(adopted, "E12" if rng.random() < 0.85 else "E11")
        care.ad1 = (decided, matched, by_carer) + self._adopters()

    def _adopters(self) -> tuple[int, str, str]:
        rng = self.rng
        if rng.random() < 0.14:
            sex = "F1" if rng.random() < 0.85 else "M1"
            return 1, sex, "L0"
        r = rng.random()
        if r < 0.82:
            return 2, "MF", ("L11" if rng.random() < 0.75 else "L3")
        sex = "MM" if r < 0.9 else "FF"
        return 2, sex, _LS_SAME_SEX(rng)

    def _relinquished(self, kid: _Kid, t0: int) -> _Care:
        """A baby placed for adoption with parental consent (s20, then A3/A4, E11)."""
        rng = self.rng
        regime = "ffa" if rng.random() < 0.3 else "foster"
        care = self._start(kid, t0, "V2", regime, "N8" if rng.random() < 0.5 else "N5", 0.0)
        decided = t0 + rng.randint(20, 80)
        matched = decided + rng.randint(20, 120)
        placed = matched + rng.randint(3, 30)
        care.pfa.append([decided, None, ""])
        if regime == "ffa":
            care.move(placed, self._same_carer(care.plc, "A3", "adopt", None, NO_URN), "PLACE")
        else:
            self.carer_seq += 1
            post = rng.choice(self.home_posts)
            provider = PROVIDER["adopt"](rng)
            care.move(placed, ("A4", provider, NO_URN, post, self.carer_seq, "adopt"), "CARPL")
        adopted = placed + rng.randint(90, 250)
        care.finish(adopted, "E11")
        care.ad1 = (decided, matched, regime == "ffa") + self._adopters()
        return care

    def _s20(self, kid: _Kid, t0: int) -> _Care:
        """Accommodated under s20 (V2): mostly a return home, some into proceedings,
        some a long stay to 18."""
        rng = self.rng
        age = kid.age(t0)
        r = rng.random()
        if age < 1:
            if r < 0.06:
                return self._relinquished(kid, t0)
            plan = "proceedings" if r < 0.6 else "home"
        elif age < 10:
            plan = "proceedings" if r < 0.45 else "home" if r < 0.88 else "long"
        elif age < 16:
            plan = "proceedings" if r < 0.22 else "home" if r < 0.77 else "long"
        else:
            plan = "home" if r < 0.55 else "long"
        care = self._start(kid, t0, "V2", self._initial_regime(age), CIN_S20(rng))
        b18 = kid.b18
        if plan == "proceedings":
            tc = t0 + rng.randint(10, 200)
            if tc < b18 - 120:
                self._drift(kid, care, t0, tc)
                return self._proceedings(kid, tc, care=care)
            plan = "long"
        if plan == "home":
            te = t0 + self._days_lognormal(60, 1.1, 1, 1400)
            if te >= b18:
                self._end18(kid, care, t0)
            else:
                self._drift(kid, care, t0, te)
                r = rng.random()
                care.finish(te, "E4A" if r < 0.75 else "E4B" if r < 0.95 else "E13")
            return care
        self._long_term(kid, care, t0)
        return care

    def _uasc(self, kid: _Kid, t0: int) -> _Care:
        """An unaccompanied asylum-seeking child: s20, foster or supported accommodation;
        some transferred to another authority, most stay to 18."""
        rng = self.rng
        age = kid.age(t0)
        if age >= 16:
            regime = "supported" if rng.random() < 0.6 else "foster"
        else:
            regime = "foster" if rng.random() < 0.82 else "resi"
        care = self._start(kid, t0, "V2", regime, "N8", 0.4)
        r = rng.random()
        b18 = kid.b18
        if r < 0.12:
            te, rec = t0 + rng.randint(14, 90), "E3"
        elif r < 0.15:
            te, rec = t0 + rng.randint(20, 200), "E15"
        elif r < 0.16:
            te, rec = t0 + rng.randint(60, 700), "E16"
        elif r < 0.18:
            te, rec = t0 + rng.randint(30, 700), "E8"
        else:
            te, rec = b18, ""
        if te >= b18 or not rec:
            if kid.b16 < b18 and care.regime == "foster" and rng.random() < 0.3:
                ts = max(t0 + 30, kid.b16 + rng.randint(0, 300))
                if ts < b18 - 30:
                    self._drift(kid, care, t0, ts)
                    self._move_to(care, ts, "supported", kid, "CARPL")
                    t0 = ts
            self._end18(kid, care, t0)
        else:
            self._drift(kid, care, t0, te)
            care.finish(te, rec)
        return care

    def _youth_justice(self, kid: _Kid, t0: int) -> _Care:
        """Remand (J1), PACE (J2) or a youth rehabilitation order with residence (J3)."""
        rng = self.rng
        r = rng.random()
        b18 = kid.b18
        if r < 0.55:
            regime = _REMAND_PLACEMENT(rng)
            care = self._start(kid, t0, "J1", regime, "N6", 0.0)
            te = min(b18, t0 + rng.randint(3, 120))
            self._drift(kid, care, t0, te)
            r = rng.random()
            if te >= b18:
                care.finish(b18, "E8")
            elif r < 0.6:
                care.finish(te, "E14")
            elif r < 0.85:
                care.finish(te, "E9")
            else:  # remand ends, accommodated under s20 instead
                care.legal(te, "V2")
                if care.regime in ("secure", "yoi"):
                    self._move_to(care, te, "resi", kid, "CUSTOD", ls="V2")
                tr = te + self._days_lognormal(120, 1.0, 7, 1500)
                if tr >= b18:
                    self._end18(kid, care, te)
                else:
                    self._drift(kid, care, te, tr)
                    care.finish(tr, "E4A" if rng.random() < 0.7 else "E4B")
            return care
        if r < 0.9:
            regime = "foster" if rng.random() < 0.6 else "resi"
            care = self._start(kid, t0, "J2", regime, "N6", 0.0)
            care.finish(min(b18, t0 + rng.randint(1, 2)), "E8" if rng.random() < 0.5 else "E4A")
            return care
        regime = "foster" if rng.random() < 0.6 else "resi"
        care = self._start(kid, t0, "J3", regime, "N6", 0.0)
        te = t0 + rng.randint(90, 365)
        if te >= b18:
            self._end18(kid, care, t0)
        else:
            self._drift(kid, care, t0, te)
            care.finish(te, "E8" if rng.random() < 0.5 else "E4A")
        return care

    def _short_breaks(self, kid: _Kid, t0: int) -> list[_Care]:
        """A disabled child's agreed series of short breaks: V3, one short episode per
        break; or (fewer) V4, one episode per agreement. Each is its own period."""
        rng = self.rng
        b18 = kid.b18
        stop = min(b18, t0 + rng.randint(365, 6 * 365))
        r = rng.random()
        regime = "foster" if r < 0.6 else "resi"
        plc = self._placement(regime, t0, kid)
        if regime == "resi" and rng.random() < 0.3:
            plc = ("R1",) + plc[1:]
        plc = plc[:PL_REGIME] + ("sb",)
        home = rng.choice(self.home_posts)
        v4 = rng.random() < 0.15
        out = []
        t = t0
        while t < stop - 1:
            if v4:
                end = min(stop, t + rng.randint(90, 365))
            else:
                nights = rng.randint(1, 4) if rng.random() < 0.92 else 7
                end = min(stop, t + nights)
            if end <= t:
                break
            care = _Care(t, "V4" if v4 else "V3", plc, "N2", home)
            care.short_break = True
            care.finish(end, "E4A")
            out.append(care)
            t = end + (rng.randint(1, 60) if v4 else rng.randint(9, 45))
        return out

    # ------------------------------------------------------------------ children

    def _career(self, kid: _Kid, t0: int, route: str) -> None:
        """Simulate periods of care from the first entry on day t0, with re-entries."""
        rng = self.rng
        ye = self.ye
        prev_perm = ("Z1", "", "")
        if route != "sb" and kid.age(t0) >= 2:
            r = rng.random()
            kind = "P1" if r < 0.02 else "P2" if r < 0.035 else "P3" if r < 0.045 else ""
            if kind:
                when = rng.randint(kid.dob + 180, t0 - 180)
                la = OWN_LA if rng.random() < 0.6 else rng.choice(OTHER_LAS)
                prev_perm = (kind, la, date.fromordinal(when).strftime("%d/%m/%Y"))
        t = t0
        while True:
            if route == "sb":
                kid.periods.extend(self._short_breaks(kid, t))
                return
            if route == "uasc":
                care = self._uasc(kid, t)
            elif route == "yj":
                care = self._youth_justice(kid, t)
            elif route == "proceedings":
                care = self._proceedings(kid, t)
            else:
                care = self._s20(kid, t)
            care.prev_perm = prev_perm
            kid.periods.append(care)
            end = care.end
            if end is None or end >= ye or end >= kid.b18 - 60:
                return
            p = _REENTRY.get(care.rec, 0.0)
            if kid.uasc or rng.random() >= p:
                return
            t = end + self._days_lognormal(300, 0.9, 7, 3000)
            if t >= kid.b18 - 14 or t > ye:
                return
            if care.rec in ("E41", "E45", "E46", "E47", "E48"):
                kind = "P3" if care.rec == "E41" else "P2"
                prev_perm = (kind, OWN_LA, date.fromordinal(end).strftime("%d/%m/%Y"))
            else:
                prev_perm = ("Z1", "", "")
            age = kid.age(t)
            if age >= 12 and rng.random() < 0.05:
                route = "yj"
            else:
                route = "proceedings" if rng.random() < _p_proceedings(age) else "s20"

    def candidate(self) -> _Kid | None:
        """One simulated child, or None when no period of care reaches the window."""
        rng = self.rng
        r = rng.random()
        if r < 0.045:
            route = "sb"
            age = rng.uniform(4.0, 16.0)
        elif r < 0.105:
            route = "uasc"
            age = rng.uniform(14.0, 16.0) if rng.random() < 0.25 else rng.uniform(16.0, 17.9)
        elif r < 0.135:
            route = "yj"
            age = rng.uniform(12.0, 17.9)
        else:
            age = _entry_age(rng)
            route = "proceedings" if rng.random() < _p_proceedings(age) else "s20"
        # First entries arrive at a steady rate: a child of age `age` can only reach the
        # window if the entry is at most 18 - age years before it starts.
        span = self.ye - (self.ws - int((18.0 - age) * YEAR))
        if route == "sb":  # a series of short breaks lasts at most 6 years
            span = min(span, self.ye - (self.ws - 6 * 365 - 1))
        if rng.random() * self.span0 >= span:
            return None
        t0 = self.ye - rng.randrange(span)
        dob = date.fromordinal(t0 - int(age * YEAR))
        if route == "uasc":
            sex = 1 if rng.random() < 0.93 else 2
        else:
            sex = 1 if rng.random() < 0.55 else 2
        kid = _Kid(dob, sex)
        if t0 < kid.dob:
            return None
        kid.uasc = route == "uasc"
        kid.gap = (STABILITY_TEEN if age >= 12 else STABILITY)(rng)
        kid.missing_rate = {2000.0: 0.12, 1500.0: 0.2, 520.0: 0.7, 420.0: 0.9}.get(kid.gap, 3.0)
        kid.ethnic = (ETHNIC_UASC if kid.uasc else ETHNIC)(rng)
        self._career(kid, t0, route)
        ws, ye = self.ws, self.ye
        kept = [c for c in kid.periods if c.start <= ye and (c.end is None or c.end >= ws)]
        if not kept:
            return None
        kid.periods = kept
        return kid

    def child(self, index: int) -> SynthChild:
        while True:
            kid = self.candidate()
            if kid is not None:
                return self._record(kid, index)

    # ------------------------------------------------------------------ records

    def _record(self, kid: _Kid, index: int) -> SynthChild:
        rng = self.rng
        ye = self.ye
        fd = date.fromordinal
        child_id = str(1_000_000 + (index * 1_000_003 + self.id_offset) % 9_000_000)
        dob = fd(kid.dob)
        rec = SynthChild(
            child=child_id, sex=kid.sex, dob=dob, ethnic=kid.ethnic, upn=self._upn(dob),
            mother="", mc_dob=None, uasc=kid.uasc,
            duc=fd(kid.b18) if kid.uasc else None,
        )  # fmt: skip
        episodes = rec.episodes
        last_end = None
        for care in kid.periods:
            eps, end = care.episodes(ye)
            home = care.home_post
            for start, rne, ls, plc, e_end, e_rec, reason in eps:
                episodes.append(
                    SynthEpisode(
                        fd(start),
                        rne,
                        ls,
                        care.cin,
                        plc[PL_PLACE],
                        plc[PL_PROVIDER],
                        fd(e_end) if e_end is not None else None,
                        e_rec,
                        reason,
                        home,
                        plc[PL_POST] or home,
                        plc[PL_URN],
                    )  # fmt: skip
                )
            rec.periods.append(
                SynthPeriod(fd(care.start), fd(end) if end is not None else None, care.short_break)
            )
            last_end = end
            if care.short_break:
                continue
            stop = end if end is not None else ye + 1
            self._reviews(kid, care.start, stop, rec.reviews)
            self._missing(kid, care, care.start, stop, rec.missing)
            for decided, ceased, reason in care.pfa:
                if decided > ye:
                    continue
                if ceased is not None and ceased > ye:
                    ceased, reason = None, ""
                rec.placed_for_adoption.append(
                    SynthPlacedForAdoption(fd(decided), fd(ceased) if ceased else None, reason)
                )
            if care.ad1 is not None and end is not None and care.rec in ("E11", "E12"):
                decided, matched, by_carer, nb, sex, ls = care.ad1
                rec.adoption = SynthAdoption(
                    fd(decided), fd(matched), by_carer, nb, sex, ls, fd(end)
                )
            kind, la, when = care.prev_perm
            rec.previous_permanence.append(SynthPreviousPermanence(fd(care.start), kind, la, when))
        if not rec.previous_permanence:
            rec.previous_permanence.append(
                SynthPreviousPermanence(fd(kid.periods[0].start), "Z1", "", "")
            )
        self._outcomes(kid, rec)
        # Mothers: girls of 12 and over are recorded 0 or 1.
        if kid.sex == 2:
            ref = min(ye, last_end) if last_end is not None else ye
            age = kid.age(ref)
            if age >= 12:
                rec.mother = "0"
                if age >= 14.5 and rng.random() < (0.05 if age >= 16 else 0.015):
                    rec.mother = "1"
                    born = rng.randint(birthday(dob, 14).toordinal(), ref)
                    rec.mc_dob = fd(born)
        return rec

    def _upn(self, dob: date) -> str:
        """A unique pupil number of the DfE form (check letter, LA 999 which no council
        has, establishment, year allocated, serial): synthetic, never a real pupil's."""
        rng = self.rng
        body = (
            f"{OWN_LA}{rng.randint(1000, 7999):04d}{(dob.year + 4) % 100:02d}"
            f"{rng.randint(0, 999):03d}"
        )
        total = sum(int(ch) * w for ch, w in zip(body, range(2, 14), strict=True))
        return "ABCDEFGHJKLMNPQRTUVWXYZ"[total % 23] + body

    def _reviews(self, kid: _Kid, start: int, stop: int, out: list[SynthReview]) -> None:
        """Reviews of one period of care: the first within 20 working days (mostly on
        time), the second 3 months later, then every 6 months; some late, a few missed.
        Only while looked after (before `stop`, the DEC) and by the year end."""
        rng = self.rng
        wd = self.wd
        ye = self.ye
        months = self._months
        due = wd.after(start, 20)
        if rng.random() < 0.84:
            day = wd.on_or_after(rng.randint(min(start + 10, due), due))
            if day > due:
                day = due
        else:
            day = wd.on_or_after(due + rng.randint(1, 40))
        n = 0
        while day < stop and day <= ye:
            if day >= start:
                code = "PN0" if day < kid.b4 else REVIEW_CODE(rng)
                out.append(SynthReview(date.fromordinal(day), code))
            key = (day, 3 if n == 0 else 6)
            due = months.get(key)
            if due is None:
                due = months[key] = add_months(day, key[1])
            n += 1
            r = rng.random()
            if r < 0.86:
                day = wd.on_or_after(due - rng.randint(0, 21))
            elif r < 0.97:
                day = wd.on_or_after(due + rng.randint(1, 50))
            else:  # missed: the next one is held about six months on
                day = wd.on_or_after(add_months(due, 6) + rng.randint(-20, 40))
                n += 1

    def _missing(
        self, kid: _Kid, care: _Care, start: int, stop: int, out: list[SynthMissing]
    ) -> None:
        """Missing (M) or away without authorisation (A) spells of children 10 and over."""
        lo = max(start, kid.b10)
        hi = min(stop, self.ye + 1)
        if hi - lo < 2:
            return
        rng = self.rng
        rate = kid.missing_rate * (2.0 if care.regime in ("resi", "supported") else 1.0)
        n = self._poisson(rate * (hi - lo) / YEAR)
        if not n:
            return
        starts = sorted(rng.randrange(lo, hi - 1) for _ in range(n))
        last = -1
        for s in starts:
            if s <= last:
                continue
            r = rng.random()
            length = 0 if r < 0.3 else rng.randint(1, 3) if r < 0.8 else rng.randint(4, 30)
            e = min(s + length, stop - 1)
            kind = "M" if rng.random() < 0.7 else "A"
            if e > self.ye:
                out.append(SynthMissing(kind, date.fromordinal(s), None))
                return
            out.append(SynthMissing(kind, date.fromordinal(s), date.fromordinal(e)))
            last = e

    def _outcomes(self, kid: _Kid, rec: SynthChild) -> None:
        """oc2 for each collection year end at which the child had been looked after for
        12 months (short breaks aside); oc3 for care leavers around 19, 20 and 21."""
        periods = [(c.start, c.end) for c in kid.periods if not c.short_break]
        if not periods:
            return
        first = periods[0][0]
        for ye, ye_d in self.year_ends:
            if ye < first:
                break
            for s, e in periods:
                if s <= ye - 365 and (e is None or e > ye):
                    rec.health.append(self._health(kid, ye_d))
                    break
        rec.health.reverse()
        last_start, last_end = periods[-1]
        care = kid.periods[-1]
        if last_end is None or last_end > self.ye or care.short_break:
            return
        if last_end < kid.b17 or care.rec in ("E11", "E12", "E3", "E2", "E15", "E16", "E9"):
            return
        dob = date.fromordinal(kid.dob)
        for age in (19, 20, 21):
            b = birthday(dob, age)
            k = (
                self.year_end.year
                - b.year
                - (1 if (b.month, b.day) > (self.year_end.month, self.year_end.day) else 0)
            )
            if k < 0:
                continue
            ye_d = add_years(self.year_end, -k)
            if b <= ye_d:
                rec.care_leaver.append(self._care_leaver(care.rec, age, ye_d))
        rec.care_leaver.sort(key=lambda c: c.year_end)

    def _health(self, kid: _Kid, ye_d: date) -> SynthHealth:
        r = self.rng.random
        age = kid.age(ye_d.toordinal())
        if 4 <= age < 17 and r() < 0.8:
            score = min(40, max(0, int(self.rng.gauss(14, 7))))
            score_text, reason = _SCORES[score], ""
        else:
            score_text = ""
            reason = "SDQ1" if not 4 <= age < 17 else _SDQ_REASON(self.rng)
        older = age >= 10
        convicted = "1" if older and r() < 0.04 else "0"
        misuse = "1" if older and r() < 0.04 else "0"
        received = "1" if misuse == "1" and r() < 0.6 else "0"
        offered = "1" if misuse == "1" and r() < 0.8 else "0"
        checks = r()  # health check, immunisations, teeth, assessment: mostly all done
        return SynthHealth(
            ye_d, score_text, reason, convicted, "0" if checks < 0.06 else "1",
            "0" if 0.06 <= checks < 0.14 else "1", "0" if 0.14 <= checks < 0.30 else "1",
            "0" if 0.30 <= checks < 0.38 else "1", misuse, received, offered,
        )  # fmt: skip

    def _care_leaver(self, rec: str, age: int, ye_d: date) -> SynthCareLeaver:
        rng = self.rng
        in_touch = _IN_TOUCH(rng)
        if in_touch != "YES":
            return SynthCareLeaver(ye_d, in_touch, "", "")
        activ = _ACTIV(rng)
        accom = "Z1" if rec == "E17" and age == 19 and rng.random() < 0.6 else _ACCOM(rng)
        return SynthCareLeaver(ye_d, in_touch, activ, accom)


_SCORES = tuple(str(i) for i in range(41))
_SDQ_REASON = _W(("SDQ2", 20.0), ("SDQ3", 25.0), ("SDQ4", 35.0), ("SDQ5", 20.0))
_IN_TOUCH = _W(("YES", 88.0), ("NO", 5.0), ("REFU", 3.0), ("NREQ", 2.0), ("RHOM", 2.0))
_ACTIV = _W(
    ("F1", 8.0), ("P1", 1.0), ("F2", 22.0), ("P2", 4.0), ("F3", 14.0), ("P3", 9.0),
    ("G4", 12.0), ("G5", 8.0), ("G6", 22.0),
)  # fmt: skip
_ACCOM = _W(
    ("U1", 38.0), ("D1", 14.0), ("B1", 12.0), ("E1", 5.0), ("K1", 5.0), ("Y1", 5.0),
    ("T1", 3.0), ("U2", 5.0), ("V2", 2.0), ("X2", 2.0), ("Z1", 6.0), ("B2", 1.0),
    ("S2", 1.0), ("W2", 1.0),
)  # fmt: skip
_LS_SAME_SEX = _W(("L12", 50.0), ("L2", 25.0), ("L3", 25.0))
_REMAND_PLACEMENT = _W(("foster", 40.0), ("resi", 35.0), ("secure", 15.0), ("yoi", 10.0))

_PLAN_BABY = _W(
    ("adoption", 36.0),
    ("sgo", 22.0),
    ("care", 15.0),
    ("home", 10.0),
    ("cao", 5.0),
    ("co_parents", 12.0),
)
_PLAN_UNDER5 = _W(
    ("adoption", 22.0),
    ("sgo", 22.0),
    ("care", 27.0),
    ("home", 12.0),
    ("cao", 6.0),
    ("co_parents", 11.0),
)
_PLAN_5_9 = _W(
    ("adoption", 4.0),
    ("sgo", 18.0),
    ("care", 44.0),
    ("home", 18.0),
    ("cao", 5.0),
    ("co_parents", 11.0),
)
_PLAN_10 = _W(("sgo", 8.0), ("care", 55.0), ("home", 20.0), ("cao", 4.0), ("co_parents", 13.0))

# Chance of coming back into care after leaving for a given reason (before 17 or so).
_REENTRY = {
    "E4A": 0.2, "E4B": 0.35, "E13": 0.2, "E41": 0.05, "E45": 0.03, "E46": 0.03,
    "E47": 0.04, "E48": 0.04, "E14": 0.25, "E8": 0.15,
}  # fmt: skip


def _p_proceedings(age: float) -> float:
    if age < 1:
        return 0.72
    if age < 5:
        return 0.6
    if age < 10:
        return 0.5
    if age < 16:
        return 0.35
    return 0.08


_AGE_BANDS = _W(
    ((0.0, 1.0), 21.0),
    ((1.0, 5.0), 15.0),
    ((5.0, 10.0), 16.0),
    ((10.0, 16.0), 33.0),
    ((16.0, 17.9), 15.0),
)


def _entry_age(rng: random.Random) -> float:
    lo, hi = _AGE_BANDS(rng)
    if lo == 0.0 and rng.random() < 0.45:
        return rng.uniform(0.0, 10.0 / YEAR)  # at or just after birth
    return rng.uniform(lo, hi)


def generate_children(
    n_children: int, seed: int, year_end: date, years: int
) -> Iterator[SynthChild]:
    sim = Simulator(seed, year_end, years)
    for i in range(n_children):
        yield sim.child(i)
