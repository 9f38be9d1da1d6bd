"""The front door: send each person to the page their work starts from."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from permanence.web.permissions import home_page

HOME_URLS = {
    "my_work": "children:my-work",
    "team": "children:team",
    "children": "children:find",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect(HOME_URLS[home_page(request.user)])
