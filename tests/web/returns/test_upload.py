"""Uploading a return in the browser: good rows imported, bad rows listed by file, row and
field, and the same return again adds nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from permanence.synth import write_return
from permanence.web.accounts.models import Role
from permanence.web.audit.models import AuditEvent
from permanence.web.children import models
from tests.web.factories import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def return_files(tmp_path):
    write_return(tmp_path, n_children=12, seed=5)
    episodes = tmp_path / "episodes.csv"
    lines = episodes.read_text().splitlines()
    bad = lines[1].split(",")
    bad[1] = "31/02/2024"  # DECOM: not a real date
    episodes.write_text("\n".join([*lines, ",".join(bad)]) + "\n")
    return tmp_path, len(lines) + 1  # the bad row's line number


def upload(client, folder, profile="halton"):
    files = [
        SimpleUploadedFile(p.name, p.read_bytes(), content_type="text/csv")
        for p in sorted(folder.glob("*.csv"))
    ]
    return client.post(reverse("returns:upload"), {"files": files, "profile": profile})


def test_an_administrator_uploads_a_return_and_sees_the_bad_row(client, return_files):
    folder, bad_line = return_files
    client.force_login(person("admin", Role.ADMINISTRATOR))
    response = upload(client, folder)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.summary.children_added == 12 == models.Child.objects.count()
    assert set(models.Child.objects.values_list("profile", flat=True)) == {"halton"}
    bad = [p for p in result.problems if p.line == bad_line]
    assert bad and bad[0].file == "episodes.csv" and bad[0].field == "DECOM"
    page = response.content.decode()
    assert "episodes.csv" in page and "DECOM" in page and "31/02/2024" in page
    assert "permanence-upload-" not in page  # the server's folder is not shown
    imported = AuditEvent.objects.get(action="imported")
    assert imported.username == "admin" and "episodes.csv" in imported.summary

    again = upload(client, folder).context["result"].summary
    assert (again.children_added, again.episodes_added, again.reviews_added) == (0, 0, 0)


def test_a_file_that_is_not_a_return_is_refused_with_the_reason(client, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    client.force_login(person("admin", Role.ADMINISTRATOR))
    response = upload(client, tmp_path)
    assert response.status_code == 200 and response.context["result"].unusable
    assert models.Child.objects.count() == 0


def test_no_files_chosen_is_an_error_on_the_form(client):
    client.force_login(person("admin", Role.ADMINISTRATOR))
    response = client.post(reverse("returns:upload"), {"profile": "national"})
    assert response.status_code == 200
    assert response.context["form"].errors["files"] == ["Select the files of the return"]


def test_only_administrators_upload(client):
    client.force_login(person("sw", Role.SOCIAL_WORKER))
    assert client.get(reverse("returns:upload")).status_code == 403
