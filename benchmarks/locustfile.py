"""Concurrent users for `benchmarks/web.py` (which runs it; see there).

Each simulated user signs in as a different social worker, then alternates their
caseload page and the page of one of their looked-after children, with no wait between
requests. Any answer but 200 (a redirect to the sign-in page included) is a failure.

BENCH_INFO names the JSON file that `web.py _load` wrote: usernames, their shared
password and each worker's children. Like web.py, the requests carry
`X-Forwarded-Proto: https`, as a TLS-terminating proxy's would, because the server runs
with production settings (HTTPS only, Secure cookies).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import constant, task
from locust.contrib.fasthttp import FastHttpUser

INFO = json.loads(open(os.environ["BENCH_INFO"]).read())  # noqa: SIM115
WORKERS = [w for w, ids in INFO["caseloads"].items() if ids]
_next = itertools.count()
PROXY = {"X-Forwarded-Proto": "https"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class SocialWorker(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        n = next(_next)
        self.username = WORKERS[n % len(WORKERS)]
        self.children = INFO["caseloads"][self.username]
        self.rng = random.Random(n)
        self.sign_in()

    def _cookies_back_over_loopback(self) -> None:
        for cookie in self.client.cookiejar:
            cookie.secure = False

    def sign_in(self) -> None:
        origin = self.host.replace("http://", "https://")
        with self.client.get(
            "/accounts/sign-in/", headers=PROXY, name="sign in", catch_response=True
        ) as resp:
            token = TOKEN.search(resp.text or "")
            if resp.status_code != 200 or not token:
                resp.failure(f"sign-in page: {resp.status_code}, no CSRF token")
                return
        self._cookies_back_over_loopback()
        with self.client.post(
            "/accounts/sign-in/",
            data={
                "csrfmiddlewaretoken": token[1],
                "username": self.username,
                "password": INFO["password"],
            },
            headers={**PROXY, "Origin": origin, "Referer": origin + "/accounts/sign-in/"},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as resp:
            if resp.status_code != 302:
                resp.failure(f"signing in as {self.username}: {resp.status_code}")
        self._cookies_back_over_loopback()

    def page(self, path: str, name: str) -> None:
        with self.client.get(
            path, headers=PROXY, name=name, allow_redirects=False, catch_response=True
        ) as resp:
            if resp.status_code != 200:
                resp.failure(f"{name}: {resp.status_code}")

    @task
    def caseload_then_child(self) -> None:
        self.page("/children/my-work/", "caseload")
        self.page(f"/children/{self.rng.choice(self.children)}/", "child")
