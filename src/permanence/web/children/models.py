"""Children's records in the database: what a return gives, and what people record.

Each model mirrors a class of `permanence.domain.model`, so that `domain.domain_child`
can hand the rules engine the same `Child` a return would. Every record keeps its history
(who changed what, when) through django-simple-history. A row from a return says so in
`origin`; an import never changes a row recorded in the application.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from permanence.domain import roles
from permanence.profiles import PROFILE_NAMES


class Origin(models.TextChoices):
    RETURN = "ssda903", "SSDA903 return"
    APPLICATION = "application", "Recorded in Permanence"


class Child(models.Model):
    child_id = models.CharField("CHILD", max_length=20, unique=True)
    dob = models.DateField("date of birth", null=True, blank=True)
    sex = models.CharField(max_length=2, blank=True)
    ethnicity = models.CharField(max_length=8, blank=True)
    uasc_ceased = models.DateField(null=True, blank=True)
    profile = models.CharField(
        max_length=16, choices=[(p, p) for p in PROFILE_NAMES], default="national"
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
    )
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_children",
        verbose_name="IRO",
    )
    # The family network drawn as a genogram (bolton.genogram): the date it was completed.
    genogram_completed = models.DateField(null=True, blank=True)
    recording_since = models.DateField(
        null=True,
        blank=True,
        help_text="The day Permanence began recording for this child (the import that "
        "brought them in). What was due before it and is not recorded is 'not known', "
        "not overdue.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child_id"]
        verbose_name_plural = "children"

    def __str__(self) -> str:
        return self.child_id


class Episode(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="episodes")
    start = models.DateField("DECOM")
    reason_new = models.CharField("RNE", max_length=2)
    legal_status = models.CharField("LS", max_length=2)
    placement = models.CharField("PLACE", max_length=4)
    end = models.DateField("DEC", null=True, blank=True)
    reason_end = models.CharField("REC", max_length=4, blank=True)
    cin = models.CharField("CIN", max_length=2, blank=True)
    provider = models.CharField("PLACE_PROVIDER", max_length=4, blank=True)
    reason_place_change = models.CharField("REASON_PLACE_CHANGE", max_length=8, blank=True)
    urn = models.CharField("URN", max_length=10, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.RETURN)
    source = models.CharField(max_length=300, blank=True)  # file and line it came from
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "start"]
        constraints = [models.UniqueConstraint(fields=["child", "start"], name="one_episode_a_day")]


class Review(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField()
    code = models.CharField("REVIEW_CODE", max_length=4, blank=True)
    plan_ratified = models.BooleanField(null=True, blank=True)
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.APPLICATION)
    source = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "date"]
        constraints = [models.UniqueConstraint(fields=["child", "date"], name="one_review_a_day")]


class AdoptionDecision(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="adoption_decisions")
    decided = models.DateField(null=True, blank=True)
    matched = models.DateField(null=True, blank=True)
    by_foster_carer = models.BooleanField(null=True, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.RETURN)
    history = HistoricalRecords()


class PlacedForAdoption(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="placed_for_adoption")
    decided = models.DateField(null=True, blank=True)
    ceased = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=4, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.RETURN)
    history = HistoricalRecords()


# What people record in the application. The kind strings are the ones the rules read
# (permanence.rules: meetings_of, decisions_of, assessment kinds); a test keeps them so.


class DeciderRole(models.TextChoices):
    """The role someone made a decision or chaired a meeting in (permanence.domain.roles)."""

    SOCIAL_WORKER = roles.SENIORITY[0], "Social worker"
    TEAM_MANAGER = roles.SENIORITY[1], "Team manager"
    SERVICE_MANAGER = roles.SENIORITY[2], "Service manager"
    HEAD_OF_SERVICE = roles.SENIORITY[3], "Head of service"
    ASSISTANT_DIRECTOR = roles.SENIORITY[4], "Assistant director"
    DIRECTOR = roles.SENIORITY[5], "Director"
    ADM = roles.ADM, "Agency decision maker"
    IRO = roles.IRO, "Independent reviewing officer"
    NOMINATED_OFFICER = roles.NOMINATED_OFFICER, "Nominated officer"
    PANEL_ADMINISTRATOR = roles.PANEL_ADMINISTRATOR, "Panel administrator"


class Meeting(models.Model):
    class Kind(models.TextChoices):
        PERMANENCE_PLANNING = "permanence_planning", "Permanence planning meeting"
        CARE_PLANNING = "care_planning", "Care planning meeting"
        PLACEMENT_PLANNING = "placement_planning", "Placement planning meeting"
        STABILITY = "stability", "Stability meeting"
        DISRUPTION = "disruption", "Unplanned ending and disruption meeting"
        FAMILY_GROUP_CONFERENCE = "family_group_conference", "Family group conference"
        FINAL_CARE_PLANNING = "final_care_planning", "Final care planning meeting"
        PLO = "plo", "Pre-proceedings (PLO) meeting"
        GATEWAY_PANEL = "gateway_panel", "Gateway panel"
        PERMANENCE_PANEL = "permanence_panel", "Permanence panel"
        LASTING_HOMES_PANEL = "lasting_homes_panel", "Lasting homes (long-term matching) panel"
        LEGAL_GATEWAY_PANEL = "legal_gateway_panel", "Legal gateway panel"
        PERMANENCY_REVIEW_PANEL = "permanency_review_panel", "Permanency review panel"
        FOSTERING_PANEL = "fostering_panel", "Fostering panel"
        TRACKING = "tracking", "Permanence tracking meeting"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    held = models.DateField()
    chair_role = models.CharField(max_length=32, blank=True, choices=DeciderRole.choices)
    note = models.TextField(blank=True)
    return_by = models.DateField(
        null=True, blank=True, help_text="A panel asked to see the child again by this date."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "held"]


class Decision(models.Model):
    class Kind(models.TextChoices):
        ENTERING_CARE = "entering_care", "Decision that the child enters care"
        PRE_PROCEEDINGS = "pre_proceedings", "Pre-proceedings agreed at the legal gateway panel"
        PRE_PROCEEDINGS_LETTER = "pre_proceedings_letter", "Pre-proceedings letter sent"
        ADM_RATIFICATION = (
            "adm_ratification",
            "Permanence plan ratified by the agency decision maker",
        )
        LTF_UNDER_5 = "ltf_under_5", "Long-term fostering for a child under 5 approved"
        RESIDENTIAL_ENDORSED = (
            "residential_endorsed",
            "Residential plan endorsed at the permanence panel",
        )
        RESIDENTIAL_APPROVED = "residential_approved", "Long-term residential care approved"
        REUNIFICATION_RATIFIED = (
            "reunification_ratified",
            "Plan of return home ratified at a review",
        )
        REDUCED_CARE_PLANNING = "reduced_care_planning", "Fewer care planning meetings approved"
        REG24_PLACEMENT_AGREED = (
            "reg24_placement_agreed",
            "Placement with a connected person agreed",
        )
        CONNECTED_PERSON_APPROVED = (
            "connected_person_approved",
            "Connected person approved as foster carer",
        )
        REG25_EXTENSION = "reg25_extension", "Temporary approval extended (regulation 25)"
        LONG_TERM_MATCH = "long_term_match", "Long-term foster match ratified"
        STAYING_PUT_DISCUSSED = "staying_put_discussed", "Staying Put considered"

    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        NOT_APPROVED = "not_approved", "Not approved"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    made = models.DateField()
    role = models.CharField(max_length=32, choices=DeciderRole.choices)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.APPROVED)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "made"]


class PlanKind(models.TextChoices):
    """Routes to permanence, as domain.model.PermanencePlan names them."""

    HOME = "home", "Return home to parents"
    KINSHIP_ORDER = "kinship_order", "Living with family or friends under an order"
    SGO = "sgo", "Special guardianship order"
    CAO = "cao", "Child arrangements order"
    ADOPTION = "adoption", "Adoption"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    RESIDENTIAL = "residential", "Residential care"


# The six elements a plan must name (Halton, rules.halton.PLAN_ELEMENTS): text field ->
# element key the rules read, with the words a practitioner sees.
REQUIRED_ELEMENTS: dict[str, tuple[str, str]] = {
    "objectives_and_tasks": ("objectives", "Objectives and key tasks"),
    "timescales": ("timescales", "Timescales"),
    "responsible": ("responsible", "Who is responsible"),
    "success_criteria": ("success_criteria", "Success criteria"),
    "contingency_plan": ("contingency", "The contingency plan"),
    "childs_voice": ("childs_voice", "The child's voice"),
}
# What good practice asks a plan to cover besides.
PRACTICE_ELEMENTS: dict[str, tuple[str, str]] = {
    "stability": ("stability", "Stability"),
    "birth_family": ("birth_family", "Relationships with the birth family"),
    "support": ("support", "Support"),
    "legal": ("legal", "Legal"),
    "culture_and_identity": ("culture_and_identity", "Culture and identity"),
    "transition": ("transition", "Transition"),
    "wishes_and_feelings": ("wishes_and_feelings", "Wishes and feelings"),
}
PLAN_ELEMENTS = {**REQUIRED_ELEMENTS, **PRACTICE_ELEMENTS}


class PermanencePlan(models.Model):
    """One version of a child's permanence plan; a change is a new version (a new row),
    and the current plan is the latest version."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="plans")
    version = models.PositiveIntegerField(default=1)
    agreed = models.DateField()
    primary = models.CharField(max_length=32, choices=PlanKind.choices)
    contingency = models.CharField(max_length=32, blank=True, choices=PlanKind.choices)
    objectives_and_tasks = models.TextField(blank=True)
    timescales = models.TextField(blank=True)
    responsible = models.TextField(blank=True)
    success_criteria = models.TextField(blank=True)
    contingency_plan = models.TextField(blank=True)
    childs_voice = models.TextField(blank=True)
    stability = models.TextField(blank=True)
    birth_family = models.TextField(blank=True)
    support = models.TextField(blank=True)
    legal = models.TextField(blank=True)
    culture_and_identity = models.TextField(blank=True)
    transition = models.TextField(blank=True)
    wishes_and_feelings = models.TextField(blank=True)
    # The element keys the rules read; derived from the texts filled in.
    elements = models.JSONField(default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "version"]
        constraints = [
            models.UniqueConstraint(fields=["child", "version"], name="one_plan_version")
        ]

    def __str__(self) -> str:
        return f"{self.child} plan version {self.version}"

    def derived_elements(self) -> list[str]:
        """The element keys whose text is filled in, in the order of PLAN_ELEMENTS."""
        return [key for name, (key, _) in PLAN_ELEMENTS.items() if getattr(self, name).strip()]


class Assessment(models.Model):
    """A completed assessment (domain.model.Assessment). Sibling and viability assessments
    are usually recorded with the brother or sister and the family member they are about."""

    class Kind(models.TextChoices):
        CHILD_AND_FAMILY = "child_and_family", "Child and family assessment"
        BALANCE_SHEET = "balance_sheet", "Balance sheet of the realistic options (Re B-S)"
        SIBLING = "sibling", "Together or apart (sibling) assessment"
        VIABILITY = "viability", "Viability assessment of a family member"
        CONNECTED_PERSON = "connected_person", "Connected person (kinship) assessment"
        SPECIAL_GUARDIANSHIP = "special_guardianship", "Special guardianship assessment"
        PARENTING = "parenting", "Parenting assessment"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="assessments")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    completed = models.DateField()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "completed"]


class FamilyTime(models.Model):
    """An arrangement for the child to spend time with someone in their family."""

    class Contact(models.TextChoices):
        DIRECT = "direct", "Direct (in person, by phone or video)"
        INDIRECT = "indirect", "Indirect (letters, cards, messages)"

    class Supervision(models.TextChoices):
        SUPERVISED = "supervised", "Supervised"
        FACILITATED = "facilitated", "Facilitated"
        UNSUPERVISED = "unsupervised", "Unsupervised"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="family_time")
    with_whom = models.CharField(max_length=200)
    contact = models.CharField(max_length=16, choices=Contact.choices)
    supervision = models.CharField(max_length=16, choices=Supervision.choices)
    frequency = models.CharField(max_length=100)
    starts = models.DateField()
    ends = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "starts"]
        verbose_name_plural = "family time"


class Sibling(models.Model):
    """A brother or sister, and whether they live together; the together-or-apart
    assessment feeds the rules as an assessment of kind "sibling"."""

    class Placed(models.TextChoices):
        TOGETHER = "together", "Together"
        APART = "apart", "Apart"
        NOT_KNOWN = "not_known", "Not known"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="siblings")
    name = models.CharField(max_length=200, blank=True)
    sibling_child_id = models.CharField("sibling's CHILD id", max_length=20, blank=True)
    same_group = models.BooleanField("in the same sibling group", default=True)
    placed = models.CharField(max_length=16, choices=Placed.choices, default=Placed.NOT_KNOWN)
    assessment_completed = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "id"]

    def __str__(self) -> str:
        return self.name or self.sibling_child_id


class LifeStoryWork(models.Model):
    """The child's life story work: one record a child, changed as it goes on."""

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="life_story")
    started = models.DateField(null=True, blank=True)
    book_given = models.DateField("life story book given", null=True, blank=True)
    later_life_letter = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "life story work"


class FamilyMember(models.Model):
    """Someone in the child's family network (a genogram member), and whether they have
    been assessed as a carer (a viability assessment)."""

    class Outcome(models.TextChoices):
        POSITIVE = "positive", "Positive: go on to a full assessment"
        NEGATIVE = "negative", "Negative: not to be taken further"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="family_members")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=100)
    viability_completed = models.DateField("viability assessment completed", null=True, blank=True)
    viability_outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship})"
