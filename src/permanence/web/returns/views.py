from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from permanence.web.permissions import Page, requires
from permanence.web.returns.forms import UploadForm
from permanence.web.returns.services import import_uploaded


@requires(Page.UPLOAD)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = import_uploaded(
            form.cleaned_data["files"], user=request.user, profile=form.cleaned_data["profile"]
        )
        return render(request, "returns/result.html", {"result": result})
    return render(request, "returns/upload.html", {"form": form})
