"""The Starlette app of `soplint serve`: the page, the check of uploads, the downloads.

    GET  /                                   the page: pick or drop documents
    POST /check                              multipart field `documents`: the results page
                                             (`?part=1`: only the results, for the page's
                                             script, which sends one document at a time)
    GET  /d/{token}/{doc}/{sop}/annotated.docx   the Word copy with review comments
    GET  /d/{token}/{doc}/{sop}/findings.csv     the findings as CSV (`?lang=id|en`)
    GET  /d/{token}/print                    every result of one upload, to print
    GET  /rule/{code}                        a rule's documentation (`?lang=id|en`)
    GET  /static/...                         the page's own script and stylesheet

Each document is read and checked in a worker thread, at most `Settings.workers` at once,
within `Settings.timeout` seconds. Every response forbids loading anything from elsewhere
(Content-Security-Policy), so the page works offline and leaks nothing.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import math
import pkgutil
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from functools import partial
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any, TypeVar
from urllib.parse import quote

import anyio
import anyio.to_thread
import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

import soplint
from soplint.checking import CheckOptions, check_sop
from soplint.model import Layout, Sop, Step
from soplint.plugins import registered_readers
from soplint.tree import Where
from soplint.web import uploads
from soplint.web.analysis import LANGS, Outcome, annotated_copy, check_upload
from soplint.web.ruledoc import rule_doc
from soplint.web.settings import Settings
from soplint.web.store import Store
from soplint.web.views import (
    document_view,
    page_lang,
    preferred_lang,
    say,
    size_text,
)

SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'none'; script-src 'self'; connect-src 'self'; "
                                "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
T = TypeVar("T")
BACKSTOP_SECONDS = 5.0
WARM_UP = {"id": "Memeriksa kelengkapan berkas usulan", "en": "Check the application form"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware adding `SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_secured)


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("soplint.web", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.globals.update(say=say, langs=LANGS)
    return env


_warming = threading.Lock()
_warm: list[bool] = []


def warm_up() -> None:
    """Import every module of soplint and check a one-step SOP in each language, once per
    process (callers wait for the first): the first upload then finds the language pipelines
    and the rules' matchers built, and no import is left to happen under a time limit,
    whose interruption could leave an import's lock held for the other threads."""
    with _warming:
        if _warm:
            return
        for module in pkgutil.walk_packages(soplint.__path__, "soplint.", onerror=str):
            if not module.name.endswith("__main__"):
                with contextlib.suppress(ImportError):  # an extra that is not installed
                    importlib.import_module(module.name)
        for lang, text in WARM_UP.items():
            step = Step(number="1", ordinal=0, text=text, where=Where(paragraph=0))
            check_sop(Sop(source="warm-up", layout=Layout.NARRATIVE, language=lang,
                          steps=(step,)), CheckOptions(lang=lang))
        _warm.append(True)


def _disposition(name: str, suffix: str) -> str:
    """An attachment header naming the download after the upload (as text only)."""
    stem = PurePath(name).stem or "document"
    wanted = f"{stem}-soplint{suffix}"
    ascii_name = "".join(c if (c.isascii() and c.isalnum()) or c in "-_." else "_"
                         for c in wanted)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(wanted)}"


class App:
    """The endpoints, with the settings, the kept uploads and the worker limit they share."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = Store(settings.keep)
        atexit.register(self.store.close)  # also when the server's thread is not shut down
        self.limiter = anyio.CapacityLimiter(max(1, settings.workers))
        self.env = _templates()
        readers = registered_readers()
        self.suffixes = frozenset(s for r in readers for s in r.suffixes if not r.missing())
        self.formats = ", ".join(dict.fromkeys(r.format for r in readers if not r.missing()))

    # -- pages -------------------------------------------------------------------------

    def _html(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("settings", self.settings)
        context.setdefault("formats", self.formats)
        context.setdefault("max_upload", size_text(self.settings.max_upload))
        context.setdefault("accept", ",".join(sorted(self.suffixes)))
        return HTMLResponse(self.env.get_template(template).render(**context),
                            status_code=status)

    async def index(self, request: Request) -> Response:
        lang = preferred_lang(request.headers.get("accept-language", ""))
        return self._html("index.html", lang=lang, documents=(), token=None, error=None)

    async def check(self, request: Request) -> Response:
        self.store.sweep()
        part = request.query_params.get("part") == "1"
        lang = preferred_lang(request.headers.get("accept-language", ""))
        length = request.headers.get("content-length", "")
        folder = uploads.private_folder(self.settings.temp_root)
        kept = False
        try:
            if length.isdigit() and int(length) > self.settings.max_upload:
                raise uploads.UploadError(413, "error.too-large")
            received = await uploads.receive(request.headers.get("content-type", ""),
                                             request.stream(), folder,
                                             self.settings.max_upload, self.suffixes)
            outcomes = await self._check_all(received)
            token = None
            if self.settings.keep > 0:
                for outcome in outcomes:
                    if not outcome.docx:
                        outcome.path.unlink(missing_ok=True)
                token = self.store.add(folder, outcomes)
                kept = True
        except uploads.UploadError as exc:
            error = say(exc.key, size=size_text(self.settings.max_upload),
                        count=uploads.MAX_FILES)
            return self._html("part.html" if part else "index.html", exc.status, lang=lang,
                              documents=(), token=None, error=error)
        finally:
            if not kept:
                uploads.remove(folder)
        return self._html("part.html" if part else "index.html",
                          lang=page_lang(outcomes, lang), token=token, error=None,
                          documents=[document_view(o) for o in outcomes])

    async def _check_all(self, received: list[uploads.Upload]) -> tuple[Outcome, ...]:
        """Check the uploads side by side (within the worker limit), in upload order."""
        found: list[Outcome | None] = [None] * len(received)

        async def one(index: int, upload: uploads.Upload) -> None:
            found[index] = await self._check_one(upload)

        async with anyio.create_task_group() as group:
            for index, upload in enumerate(received):
                group.start_soon(one, index, upload)
        return tuple(o for o in found if o is not None)

    async def _in_worker(self, function: Callable[[], T]) -> T:
        """`function` run in a worker thread once one of the `workers` places is free and the
        process is warm (`warm_up`). The function keeps its own time limit
        (`Settings.timeout`, counted from then, not from the wait); should it not return (a
        call into C that never ends cannot be interrupted), the page stops waiting some
        seconds later and raises TimeoutError, leaving the thread to end on its own and
        dropping its result."""
        timeout = self.settings.timeout
        backstop = timeout * 2 + BACKSTOP_SECONDS if timeout > 0 else math.inf
        async with self.limiter:
            await anyio.to_thread.run_sync(warm_up)
            with anyio.fail_after(backstop):
                return await anyio.to_thread.run_sync(function, abandon_on_cancel=True)

    async def _check_one(self, upload: uploads.Upload) -> Outcome:
        """One upload checked in a worker, or its time-out error."""
        try:
            return await self._in_worker(partial(check_upload, upload.path, upload.name,
                                                 self.settings.config,
                                                 self.settings.timeout))
        except TimeoutError:
            return Outcome(upload.name, upload.path, error=MappingProxyType(
                say("error.timeout", name=upload.name, seconds=self.settings.timeout)))

    # -- downloads ---------------------------------------------------------------------

    def _found(self, request: Request) -> tuple[Outcome, int] | Response:
        """The outcome and SOP index a download names, or the page saying it is gone."""
        entry = self.store.get(request.path_params["token"])
        doc, sop = request.path_params["doc"], request.path_params["sop"]
        if entry is None or doc >= len(entry.outcomes) or sop >= len(
                entry.outcomes[doc].checked):
            lang = preferred_lang(request.headers.get("accept-language", ""))
            return self._html("index.html", 404, lang=lang, documents=(), token=None,
                              error=say("error.expired"))
        return entry.outcomes[doc], sop

    async def annotated(self, request: Request) -> Response:
        found = self._found(request)
        if isinstance(found, Response):
            return found
        outcome, sop = found
        if not outcome.docx:
            return PlainTextResponse("not a .docx", status_code=404)
        target = outcome.path.with_name(f"annotated-{sop}.docx")
        try:
            written = await self._in_worker(partial(annotated_copy, outcome, sop, target,
                                                    self.settings.timeout))
            if not written:
                raise TimeoutError
            data = target.read_bytes()
        except TimeoutError:
            lang = preferred_lang(request.headers.get("accept-language", ""))
            return self._html("index.html", 504, lang=lang, documents=(), token=None,
                              error=say("error.timeout", name=outcome.name,
                                        seconds=self.settings.timeout))
        finally:
            target.unlink(missing_ok=True)
        return Response(data, media_type=DOCX,
                        headers={"content-disposition": _disposition(outcome.name, ".docx")})

    async def csv(self, request: Request) -> Response:
        from soplint.reporters import csv

        found = self._found(request)
        if isinstance(found, Response):
            return found
        outcome, sop = found
        checked = outcome.checked[sop]
        lang = request.query_params.get("lang", checked.lang)
        result = checked.result(lang if lang in LANGS else checked.lang)
        return Response(csv.render(result), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": _disposition(outcome.name, ".csv")})

    async def printable(self, request: Request) -> Response:
        entry = self.store.get(request.path_params["token"])
        if entry is None:
            lang = preferred_lang(request.headers.get("accept-language", ""))
            return self._html("index.html", 404, lang=lang, documents=(), token=None,
                              error=say("error.expired"))
        lang = request.query_params.get("lang", "")
        lang = lang if lang in LANGS else page_lang(entry.outcomes, "")
        return self._html("print.html", lang=lang, token=None, error=None,
                          documents=[document_view(o) for o in entry.outcomes])

    async def rule(self, request: Request) -> Response:
        wanted = request.query_params.get("lang", "")
        lang = wanted if wanted in LANGS else preferred_lang(
            request.headers.get("accept-language", ""))
        code = request.path_params["code"]
        doc = await anyio.to_thread.run_sync(rule_doc, code, lang)
        if doc is None:
            return self._html("index.html", 404, lang=lang, documents=(), token=None,
                              error=say("error.unknown-rule", code=code[:40]))
        return self._html("rule.html", lang=lang, doc=doc)

    # -- life --------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        """Warm the pipelines in the background; sweep expired uploads; delete every kept
        upload at shutdown."""
        async with anyio.create_task_group() as group:
            group.start_soon(partial(anyio.to_thread.run_sync, warm_up,
                                     abandon_on_cancel=True))
            group.start_soon(self._sweeper)
            try:
                yield
            finally:
                group.cancel_scope.cancel()
                self.store.close()

    async def _sweeper(self) -> None:
        interval = min(max(self.settings.keep / 4, 0.05), 30.0)
        while True:
            await anyio.sleep(interval)
            self.store.sweep()


def create_app(settings: Settings | None = None) -> Starlette:
    """The `soplint serve` app."""
    endpoints = App(settings or Settings())
    static = Path(__file__).with_name("static")
    routes = [
        Route("/", endpoints.index),
        Route("/check", endpoints.check, methods=["POST"]),
        Route("/d/{token}/{doc:int}/{sop:int}/annotated.docx", endpoints.annotated),
        Route("/d/{token}/{doc:int}/{sop:int}/findings.csv", endpoints.csv),
        Route("/d/{token}/print", endpoints.printable),
        Route("/rule/{code}", endpoints.rule),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=endpoints.lifespan)
    app.add_middleware(SecurityHeaders)
    app.state.endpoints = endpoints
    return app


__all__ = ["App", "create_app", "warm_up"]
