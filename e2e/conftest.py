"""Browser tests: a real Xiezuo (server + worker processes) on a fresh database, driven through Debian's chromium.

The session starts, once:

1. a fresh database — SQLite in a temp dir, or, when ``XIEZUO_DATABASE_URL`` is set (CI's PostgreSQL run),
   a PostgreSQL database ``xiezuo_e2e_<pid>`` on the same server, created and dropped;
2. ``xiezuo demo --no-serve`` (migrate, regions, demo data) into it, with media files in the temp dir;
3. ``xiezuo serve --port <free port>`` and ``xiezuo worker`` as subprocesses (jobs are *not* eager: the worker
   process runs imports exactly as in production);
4. chromium (``/usr/bin/chromium``) through Playwright's sync API.

Every test gets a fresh browser context (no cookies), Chinese locale, 15 s default timeout.

No Django test database: pytest-django is installed in the venv and configures Django in this process (from
``DJANGO_SETTINGS_MODULE`` in pyproject), but it only creates its test database for tests that request the
``db``/``transactional_db``/``live_server`` fixtures or the ``django_db`` marker. Nothing here does — the code
under test runs in the subprocesses — and ``pytest_collection_modifyitems`` below refuses any e2e test that would.

Environment:
  XIEZUO_E2E_BASE_URL   test an already running site instead of starting one (it must hold the demo data)
  XIEZUO_E2E_CHROMIUM   the browser binary (default /usr/bin/chromium)
  XIEZUO_E2E_DB_NAME    the PostgreSQL database to (re)create (default xiezuo_e2e_<pid>)
  XIEZUO_E2E_KEEP=1     keep the temp dir (database, media, logs) and the PostgreSQL database afterwards
  XIEZUO_E2E_ARTIFACTS  where a failed test leaves a screenshot and the page's HTML (default: <temp>/xiezuo-e2e-artifacts)
  XIEZUO_E2E_HEADED=1   show the browser (needs a display)
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PASSWORD = "xiezuo2026"
# The site's processes print in the default language whatever the machine's LANG (the browser picks its own).
os.environ["XIEZUO_LANGUAGE"] = "zh-hans"
CHROMIUM = os.environ.get("XIEZUO_E2E_CHROMIUM", "/usr/bin/chromium")
# The machine's network is closed: without these chromium waits on connections it will never get.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 15_000
SERVER_START_TIMEOUT_S = 90
E2E_DIR = Path(__file__).resolve().parent
KEEP = os.environ.get("XIEZUO_E2E_KEEP", "").lower() in ("1", "true", "yes", "on")
DJANGO_DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
                      "django_db_setup", "live_server", "admin_client", "admin_user"}


def _is_e2e(item) -> bool:
    return E2E_DIR in Path(str(item.path)).resolve().parents


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Mark every e2e test, keep pytest-django's test database out of them, and run them last.

    Running them last matters when one `pytest tests e2e` runs both suites: while Playwright's sync API is
    running, this process has a running asyncio loop and Django's ORM refuses to work in it
    (SynchronousOnlyOperation), so no in-process database test may come after the browser has started.
    """
    for item in items:
        if not _is_e2e(item):
            continue
        if item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.e2e)  # so that `-m "not e2e"` leaves out every browser test
        # With parallel processes (`-n 2 --dist loadgroup`), every browser test runs in one of them: one site is
        # started, and that process gets them last, after every database test was handed out.
        item.add_marker(pytest.mark.xdist_group("e2e"))
        wanted = DJANGO_DB_FIXTURES & set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") is not None or wanted:
            raise pytest.UsageError(
                f"{item.nodeid}: e2e tests talk to the real server over HTTP; they must not use pytest-django's "
                f"test database ({', '.join(sorted(wanted)) or 'django_db marker'})")
    items.sort(key=_is_e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    if report.failed and _is_e2e(item) and _SITE is not None:
        for name, text in _SITE.log_tails().items():
            report.sections.append((f"xiezuo {name} (last lines)", text))
    return report


# --------------------------------------------------------------------------------------------------------------
# The site under test


@dataclass
class Site:
    base_url: str
    workdir: Path | None = None
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    logs: dict[str, Path] = field(default_factory=dict)

    def log_tails(self, chars: int = 6000) -> dict[str, str]:
        out = {}
        for name, path in self.logs.items():
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            out[name] = text[-chars:]
        return out

    def check_alive(self) -> None:
        for name, proc in self.processes.items():
            if proc.poll() is not None:
                raise RuntimeError(f"xiezuo {name} exited with {proc.returncode}:\n{self.log_tails().get(name, '')}")


_SITE: Site | None = None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_url(source_url: str, name: str) -> str:
    """(Re)create database `name` on the server of `source_url`; return the URL of the new database."""
    import psycopg

    parts = urllib.parse.urlsplit(source_url)
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise ValueError(f"unsafe database name {name!r}")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def _drop_postgres(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _site_env(workdir: Path) -> tuple[dict[str, str], str | None]:
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "xiezuo.settings",
        "XIEZUO_VAR_DIR": str(workdir),
        "XIEZUO_MEDIA_ROOT": str(workdir / "media"),
        "XIEZUO_DEBUG": "1",
        "XIEZUO_JOBS_EAGER": "0",  # the real worker process runs the jobs
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
    })
    pg_url = None
    source = os.environ.get("XIEZUO_DATABASE_URL", "").strip()
    if source:
        # One database per run, so two runs on one server (two checkouts, CI beside a developer) never collide.
        pg_url = _postgres_url(source, os.environ.get("XIEZUO_E2E_DB_NAME", f"xiezuo_e2e_{os.getpid()}"))
        env["XIEZUO_DATABASE_URL"] = pg_url
    else:
        env.pop("XIEZUO_DATABASE_URL", None)
        env["XIEZUO_SQLITE_PATH"] = str(workdir / "xiezuo-e2e.sqlite3")
    return env, pg_url


def _wait_until_up(site: Site, url: str) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    last = None
    while time.monotonic() < deadline:
        site.check_alive()
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as exc:
            last = exc
        time.sleep(0.2)
    raise RuntimeError(f"xiezuo serve did not answer {url} within {SERVER_START_TIMEOUT_S} s ({last}):\n"
                       f"{site.log_tails().get('serve', '')}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def site():
    """The running site: a fresh database with the demo data, a server and a worker."""
    global _SITE
    external = os.environ.get("XIEZUO_E2E_BASE_URL", "").strip()
    if external:
        _SITE = Site(base_url=external.rstrip("/"))
        yield _SITE
        _SITE = None
        return

    workdir = Path(tempfile.mkdtemp(prefix="xiezuo-e2e-"))
    (workdir / "media").mkdir()
    env, pg_url = _site_env(workdir)
    port = _free_port()
    site = Site(base_url=f"http://127.0.0.1:{port}", workdir=workdir)
    failed = True
    try:
        demo_log = workdir / "demo.log"
        site.logs["demo"] = demo_log
        started = time.monotonic()
        with demo_log.open("wb") as out:
            done = subprocess.run([sys.executable, "-m", "xiezuo.cli", "demo", "--no-serve"], env=env,
                                  stdout=out, stderr=subprocess.STDOUT, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"xiezuo demo --no-serve failed ({done.returncode}):\n{site.log_tails()['demo']}")
        print(f"\n[e2e] demo data loaded in {time.monotonic() - started:.1f} s "
              f"({'PostgreSQL ' + pg_url if pg_url else 'SQLite in ' + str(workdir)})")

        commands = {
            "serve": ["serve", "--host", "127.0.0.1", "--port", str(port)],
            "worker": ["worker", "--poll", "0.5"],
        }
        for name, args in commands.items():
            log = workdir / f"{name}.log"
            site.logs[name] = log
            with log.open("wb") as out:
                site.processes[name] = subprocess.Popen([sys.executable, "-m", "xiezuo.cli", *args], env=env,
                                                        stdout=out, stderr=subprocess.STDOUT,
                                                        stdin=subprocess.DEVNULL)
        started = time.monotonic()
        _wait_until_up(site, site.base_url + "/login/")
        print(f"[e2e] {site.base_url} answered after {time.monotonic() - started:.1f} s")
        _SITE = site
        yield site
        site.check_alive()
        failed = False
    finally:
        _SITE = None
        for proc in site.processes.values():
            _stop(proc)
        if failed:
            for name, text in site.log_tails().items():
                print(f"\n----- xiezuo {name} log ({site.logs[name]}) -----\n{text}", file=sys.stderr)
        if pg_url and not KEEP:
            try:
                _drop_postgres(pg_url)
            except Exception as exc:  # the run's result matters more than the clean-up
                print(f"[e2e] could not drop {pg_url}: {exc}", file=sys.stderr)
        if KEEP or failed:
            print(f"[e2e] kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site.base_url


# --------------------------------------------------------------------------------------------------------------
# The browser


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=DEFAULT_TIMEOUT_MS)
    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def browser(playwright_instance, site):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    headed = os.environ.get("XIEZUO_E2E_HEADED", "").lower() in ("1", "true", "yes", "on")
    args = [a for a in CHROMIUM_ARGS if not (headed and a == "--headless")]
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=args, headless=not headed)
    try:
        yield browser
    finally:
        browser.close()


@dataclass
class PageProblems:
    """What went wrong in the page without failing an action: broken static files, script errors."""

    failed_assets: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    # What the Content-Security-Policy blocked (an inline script, a handler, a file from elsewhere): every
    # test fails on one, so a template that slips one in is caught on whatever page shows it.
    csp_violations: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser, base_url, request):
    context = browser.new_context(base_url=base_url, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  accept_downloads=True, viewport={"width": 1400, "height": 900})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    problems = PageProblems()

    def on_response(response):
        if "/static/" in response.url and response.status >= 400:
            problems.failed_assets.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda exc: problems.script_errors.append(str(exc)))

    def on_console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            problems.csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.problems = problems
    try:
        yield page
        assert not problems.csp_violations, f"the Content-Security-Policy blocked: {problems.csp_violations}"
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            _save_artifacts(page, request.node)
        context.close()


def _save_artifacts(page, node) -> None:
    target = Path(os.environ.get("XIEZUO_E2E_ARTIFACTS") or Path(tempfile.gettempdir()) / "xiezuo-e2e-artifacts")
    target.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", node.nodeid)
    try:
        page.screenshot(path=str(target / f"{stem}.png"), full_page=True)
        (target / f"{stem}.html").write_text(page.content(), encoding="utf-8")
        print(f"\n[e2e] {node.nodeid}: screenshot and HTML of {page.url} in {target}", file=sys.stderr)
    except Exception as exc:  # the page may be gone
        print(f"[e2e] could not save artifacts: {exc}", file=sys.stderr)


@pytest.fixture
def login():
    """`login(page, "gd_admin")` signs in through the login form, as a person would."""
    from playwright.sync_api import expect

    def sign_in(page, username: str, password: str = PASSWORD):
        page.goto("/login/")
        form = page.locator("main form")
        form.locator("#id_username").fill(username)
        form.locator("#id_password").fill(password)
        form.locator("button[type=submit]").click()
        expect(page.locator("#sidebar")).to_be_visible()
        expect(page).not_to_have_url(re.compile(r"/login/"))
        return page

    return sign_in
