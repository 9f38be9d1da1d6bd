"""The child's page links to the options guidance and the plan written for the child."""

from django import template

register = template.Library()


@register.inclusion_tag("guidance/_child_section.html")
def child_options(summary, user):
    return {"summary": summary, "user": user}
