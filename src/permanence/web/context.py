"""Template context for the layout: the service navigation a person's role opens."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from permanence.web.permissions import Page, can

# The top-level pages, in the order the service navigation shows them.
NAVIGATION: tuple[tuple[str, str, Page], ...] = (
    ("My work", "children:my-work", Page.MY_WORK),
    ("Team", "children:team", Page.TEAM),
    ("Reviews", "children:iro", Page.IRO_REVIEWS),
    ("Children", "children:find", Page.CHILDREN),
    ("Panels", "panels:list", Page.PANELS),
    ("Reports", "reports:index", Page.REPORTS),
    ("Upload a return", "returns:upload", Page.UPLOAD),
    ("Audit log", "audit:search", Page.AUDIT),
    ("Admin", "admin:index", Page.ADMIN_SITE),
)


def navigation(request: HttpRequest) -> dict[str, list[dict[str, object]]]:
    """`navigation`: [{"text", "href", "active", "current"}] for the pages the user opens.

    `active` when the current address is within the page's (so a child's page keeps
    "Children" lit; when several match, only the longest address), `current` when it is
    the page itself. Empty when nobody is signed in; a page whose address does not
    resolve is left out.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    items = []
    for text, url_name, page in NAVIGATION:
        if not can(user, page):
            continue
        try:
            href = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"text": text, "href": href, "active": False, "current": False})
    # Only the closest page is lit: "/children/" is a prefix of "/children/my-work/" too.
    within = [item for item in items if request.path.startswith(item["href"])]
    if within:
        closest = max(within, key=lambda item: len(item["href"]))
        closest["active"] = True
        closest["current"] = request.path == closest["href"]
    return {"navigation": items}
