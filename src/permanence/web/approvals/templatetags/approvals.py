"""The child's page shows the approval checklists that apply to the child."""

from django import template

from permanence.web.approvals.selectors import views_of

register = template.Library()


@register.inclusion_tag("approvals/_child_section.html")
def child_checklists(summary, user):
    return {"summary": summary, "user": user, "checklists": views_of(user, summary)}
