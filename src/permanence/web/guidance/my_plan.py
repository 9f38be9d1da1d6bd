"""The permanence plan in words a child can read ("My plan").

Bolton's young people asked for "Forever Planning", to know how long the plan is for and
who they will live with, and to be told early about a move (Bolton Permanence Strategy
1.3); Halton asks that the plan be "set out in writing in a way that everybody affected can
contribute and understand" (Halton, 4 The Process). No professional shorthand: legal status
and placements are said in plain words. Three ways of saying it, by age: under 8 (short
sentences), 8 to 12, and 13 and over (fuller, with the pathway plan and Staying Put).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from permanence.domain.care import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    KINSHIP_PLACEMENTS,
    RESIDENTIAL_PLACEMENTS,
)
from permanence.rules.engine import Status
from permanence.web.children import models
from permanence.web.children.selectors import ChildSummary

YOUNG, MIDDLE, OLDER = "under_8", "8_to_12", "13_and_over"

# Meetings about the child's plan (not panels, not the review): the rules that set them.
PLAN_MEETINGS = frozenset(
    {
        "bolton.ppm_before_second_review",
        "bolton.ltf_match_before_third_review",
        "bolton.delay_cpm",
        "bolton.fgc",
        "blackburn.care_planning_6_weeks",
        "blackburn.final_care_planning",
        "luton.ppm",
    }
)

# Who the child will live with, by plan and age band.
LIVE_WITH = {
    "home": {
        YOUNG: "You will live at home with your mum or dad.",
        MIDDLE: "The plan is for you to live at home with your parents.",
        OLDER: "The plan is for you to live at home with your parents, with help for your "
        "family for as long as it is needed.",
    },
    "kinship_order": {
        YOUNG: "You will live with people from your family, or friends of your family.",
        MIDDLE: "The plan is for you to live with people from your family, or family friends "
        "who know you well. A judge will make an order so that they can look after you.",
        OLDER: "The plan is for you to live with people from your family, or family friends "
        "who know you well. A judge will make an order that gives them the right to look "
        "after you and make everyday decisions for you.",
    },
    "sgo": {
        YOUNG: "You will live with grown-ups who will be your special guardians. They will "
        "look after you.",
        MIDDLE: "The plan is for you to live with your special guardian. A judge gives a "
        "special guardian the right to look after you and make everyday decisions for you.",
        OLDER: "The plan is for you to live with your special guardian. A judge makes a "
        "special guardianship order, which gives them the right to look after you and make "
        "everyday decisions for you. Your parents are still your parents.",
    },
    "cao": {
        YOUNG: "You will live with the grown-up a judge has said you live with.",
        MIDDLE: "The plan is for you to live with the person a judge names in an order. The "
        "order says who you live with.",
        OLDER: "The plan is for you to live with the person named in a child arrangements "
        "order. A judge makes the order; it says who you live with and gives that person the "
        "right to make everyday decisions for you.",
    },
    "adoption": {
        YOUNG: "You will live with a new family who will adopt you. They will be your family.",
        MIDDLE: "The plan is for you to be adopted. This means a new family will become your "
        "family.",
        OLDER: "The plan is for you to be adopted. A new family will become your family, in "
        "law as well as in everyday life.",
    },
    "long_term_fostering": {
        YOUNG: "You will live with your foster family.",
        MIDDLE: "The plan is for you to live with a foster family who will look after you "
        "while you grow up.",
        OLDER: "The plan is for you to live with a foster family who will look after you "
        "while you grow up. The council stays involved to support you and them.",
    },
    "residential": {
        YOUNG: "You will live in a children's home, with grown-ups who look after you.",
        MIDDLE: "The plan is for you to live in a children's home, with staff who look after you.",
        OLDER: "The plan is for you to live in a children's home, with staff who look after "
        "you and help you get ready for what comes next.",
    },
}

# Where the child lives now, from the placement, in plain words.
LIVES_NOW = [
    (frozenset({"P1"}), "at home with your parents"),
    (KINSHIP_PLACEMENTS, "with family or friends who look after you as foster carers"),
    (FOSTER_PLACEMENTS - KINSHIP_PLACEMENTS, "with foster carers"),
    (ADOPTION_PLACEMENTS, "with the family who plan to adopt you"),
    (RESIDENTIAL_PLACEMENTS, "in a children's home"),
    (frozenset({"H5", "K3"}), "in supported accommodation, with staff to help you"),
    (frozenset({"P2"}), "in your own place"),
]

# Why the child lives where they do: the legal status, with no shorthand.
WHY = {
    "C1": "A judge is still deciding what is best for you. Until then, the council helps to "
    "look after you and keep you safe.",
    "C2": "A judge has made a care order. This means the council shares the job of making big "
    "decisions about you with your parents.",
    "D1": "A judge has said that you can live with a family who will adopt you.",
    "E1": "A judge has said that you can live with a family who will adopt you.",
    "V2": "Your parents and the council agreed that you should live away from home for now.",
    "L1": "You had to move quickly to keep you safe. This was decided for a short time only.",
    "L2": "You had to move quickly to keep you safe. A judge decided this for a short time only.",
    "L3": "A judge asked for you to stay away from home for a short time while people check "
    "that you are well.",
    "J1": "A court decided where you should stay for now.",
    "J2": "The police decided where you should stay for now.",
    "J3": "A court decided where you should stay for now.",
    "V3": "You come for short breaks that your parents agreed with the council.",
    "V4": "You come for short breaks that your parents agreed with the council.",
}


# Shorter words for a child under 8, where the sentence above is long.
WHY_YOUNG = {
    "C1": "A judge is deciding what is best for you. Until then, the council helps to keep you "
    "safe.",
    "C2": "A judge decided that the council helps your parents to look after you.",
    "V2": "Your parents and the council agreed that you live here for now.",
}


@dataclass
class MyPlan:
    band: str
    title: str
    age: int | None
    has_plan: bool
    lives_now: str = ""
    live_with: str = ""
    how_long: str = ""
    why: str = ""
    backup: str = ""
    voice: str = ""
    next_steps: list[str] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)
    worried: list[str] = field(default_factory=list)
    moving: str = ""
    growing_up: list[str] = field(default_factory=list)


def band_of(age: int | None) -> str:
    if age is None:
        return MIDDLE
    if age < 8:
        return YOUNG
    return MIDDLE if age <= 12 else OLDER


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _eighteen(summary: ChildSummary, band: str) -> str:
    when = summary.case.child.birthday(18)
    if band == YOUNG or when is None:
        return "until you are 18 and grown up"
    return f"until you are 18 (in {when:%B %Y})"


def how_long(kind: str, summary: ChildSummary, band: str) -> str:
    to_18 = _eighteen(summary, band)
    if kind == "home":
        return "This is your forever plan: you stay at home for good."
    if kind == "adoption":
        if band == YOUNG:
            return "For always. Your new family will be your family forever."
        return "Forever. Adoption means you belong to your new family for the rest of your life."
    if kind in ("kinship_order", "sgo"):
        if band == YOUNG:
            return f"They will look after you {to_18}."
        return f"The order lasts {to_18}. The people who care for you can go on supporting you after that."
    if kind == "cao":
        sixteen = summary.case.child.birthday(16)
        if band == YOUNG or sixteen is None:
            return "The order lasts until you are 16, or 18 if the judge says so."
        return f"The order lasts until you are 16 (in {sixteen:%B %Y}), or until you are 18 if the judge says so."
    if kind == "long_term_fostering":
        return f"You will stay with them {to_18}."
    if kind == "residential":
        return (
            "For as long as it is right for you. At each review people check it is still the "
            "best place for you, and you can say what you think."
        )
    return ""


def lives_now(placement: str) -> str:
    for codes, words in LIVES_NOW:
        if placement in codes:
            return f"You live {words} now."
    return ""


def _next_steps(summary: ChildSummary, band: str) -> list[str]:
    steps = []
    review = summary.next_review
    what = (
        "a meeting about how you are and what you want"
        if band == YOUNG
        else "a meeting to check how you are and that your plan is still right for you"
    )
    if review is not None and review.due is not None:
        if review.status is Status.OVERDUE:
            steps.append(f"Your next review should happen soon. A review is {what}.")
        else:
            steps.append(f"Your next review is by {long_date(review.due)}. A review is {what}.")
    meeting = next(
        (
            o
            for o in summary.result.obligations
            if o.rule in PLAN_MEETINGS and o.status is Status.UPCOMING and o.due is not None
        ),
        None,
    )
    if meeting is not None:
        steps.append(
            f"There will be a meeting about your plan by {long_date(meeting.due)}."
            + ("" if band == YOUNG else " Your social worker will tell you what was decided.")
        )
    steps.append(
        "You can tell us what you think at any time, not only at your review."
        if band != YOUNG
        else "You can tell us what you think at any time."
    )
    return steps


def _helpers(child: models.Child, band: str) -> list[str]:
    out = []
    if child.social_worker_id:
        out.append(
            f"{child.social_worker} is your social worker."
            + ("" if band == YOUNG else " They visit you and make sure your plan happens.")
        )
    else:
        out.append("You will be told soon who your social worker is.")
    if child.iro_id:
        out.append(
            f"{child.iro} runs your review meetings and checks everyone does what they said."
            if band == YOUNG
            else f"{child.iro} is your Independent Reviewing Officer. They run your review "
            "meetings and check that your plan is right for you."
        )
    return out


def _either(items: list[str]) -> str:
    """'a, b or c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _worried(child: models.Child, band: str) -> list[str]:
    names = [str(p) for p in (child.social_worker, child.iro) if p is not None]
    if band == YOUNG:
        return [
            "If you are worried or sad, tell a grown-up you trust: "
            + _either(["your carer", "your teacher", *names])
            + ".",
            "You can also call Childline on 0800 1111. It is free.",
        ]
    return [
        "If you are worried about anything, or you do not agree with your plan, talk to "
        + _either([*names, "an adult you trust"])
        + ".",
        "You can ask for an advocate: someone who helps you say what you think and makes sure "
        "you are listened to.",
        "You can call Childline free on 0800 1111 at any time, or talk to them online at "
        "childline.org.uk.",
    ]


def _growing_up(kind: str, age: int | None, placement: str) -> list[str]:
    out = []
    if age is not None and age >= 16:
        out.append(
            "Now that you are 16 or over, you and your social worker make a pathway plan "
            "together. It is your plan for growing up: where you live, school, college or "
            "work, money and health."
        )
    else:
        out.append(
            "When you are 16, you and your social worker will make a pathway plan together. "
            "It is your plan for growing up: where you live, school, college or work, money "
            "and health."
        )
    if kind == "long_term_fostering" or placement in FOSTER_PLACEMENTS:
        out.append(
            "If you live with foster carers, you may be able to stay with them after you are "
            "18. This is called Staying Put. Ask your social worker about it."
        )
    return out


def my_plan(summary: ChildSummary, plan: models.PermanencePlan | None) -> MyPlan:
    """The plan in words for the child, from the recorded permanence plan."""
    child = summary.child
    age = summary.age
    band = band_of(age)
    title = "My forever plan" if child.profile == "bolton" else "My plan"
    out = MyPlan(band=band, title=title, age=age, has_plan=plan is not None)
    out.lives_now = lives_now(summary.placement)
    out.why = (WHY_YOUNG if band == YOUNG else {}).get(summary.legal_status) or WHY.get(
        summary.legal_status, ""
    )
    if plan is not None:
        out.live_with = LIVE_WITH.get(plan.primary, {}).get(band, "")
        out.how_long = how_long(plan.primary, summary, band)
        if plan.contingency and band != YOUNG:
            backup = LIVE_WITH.get(plan.contingency, {}).get(band, "")
            if backup:
                out.backup = (
                    "If this plan cannot happen, there is a back-up plan. "
                    + backup.replace("The plan is for you to", "You would")
                )
        out.voice = (plan.childs_voice or plan.wishes_and_feelings).strip()
    out.next_steps = _next_steps(summary, band)
    out.helpers = _helpers(child, band)
    out.worried = _worried(child, band)
    out.moving = (
        "If you have to move, we will tell you as early as we can. You will meet new carers "
        "before you move to live with them."
        if band == YOUNG
        else "If you are going to move, we will tell you as early as we can, even if it is hard "
        "news, so that you have time to get ready. If you are moving to live with people you do "
        "not know, you will meet them before you move."
    )
    if band == OLDER:
        out.growing_up = _growing_up(plan.primary if plan else "", age, summary.placement)
    return out
