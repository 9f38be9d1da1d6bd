"""The child's page links to the options guidance and the plan written for the child."""

from django import template

from permanence.web.guidance import selectors
from permanence.web.permissions import Page, can

register = template.Library()


@register.inclusion_tag("guidance/_child_section.html")
def child_options(summary, user):
    """Links to the options page, the balance sheet (for those who may record one for this
    child) and "My plan", with the latest balance sheet's date."""
    child = summary.child
    latest = selectors.latest_balance_sheet(child)
    assessed = selectors.balance_sheet_assessments(child)
    return {
        "summary": summary,
        "child": child,
        "latest": latest,
        "latest_assessment": assessed[-1] if assessed else None,
        "may_options": can(user, Page.CHILD_OPTIONS),
        "may_record": selectors.may_record_balance_sheet(user, child),
        "may_plan": can(user, Page.CHILD_PLAN),
    }
