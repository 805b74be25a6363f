"""`soplint serve`: its options (argparse only, so that `soplint --help` stays fast) and the
command, which imports the web stack when it runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from soplint.argtypes import seconds
from soplint.errors import UsageError

LOOPBACK = "127.0.0.1"
MB = 1024 * 1024


def _megabytes(text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number of megabytes, got {text!r}") from None
    if not 0 < value <= 1024:
        raise argparse.ArgumentTypeError(f"expected 0 < MB <= 1024, got {text!r}")
    return int(value * MB)


MAX_WORKERS = 64  # threads checking at once: each holds a document's model while it works


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(
            f"expected a number of documents from 1 to {MAX_WORKERS}, got {text!r}")
    return value


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `soplint serve` and its options."""
    serve = sub.add_parser("serve", help="open a web page on this computer that checks the "
                           "documents dropped on it")
    serve.add_argument("--host", default=LOOPBACK,
                       help="interface to listen on (default 127.0.0.1, this computer only; "
                       "any other prints a warning)")
    serve.add_argument("--port", type=int, default=0,
                       help="port to listen on (default: a free one)")
    serve.add_argument("--no-browser", action="store_true",
                       help="do not open the page in the browser")
    serve.add_argument("--max-upload", type=_megabytes, default=20 * MB, metavar="MB",
                       help="largest upload accepted, in megabytes (default 20)")
    serve.add_argument("--timeout", type=seconds, default=60.0, metavar="SECONDS",
                       help="time one document may take to be checked (default 60)")
    serve.add_argument("--keep", type=seconds, default=600.0, metavar="SECONDS",
                       help="how long an upload is kept for its downloads (default 600; "
                       "0: deleted at once, no downloads)")
    serve.add_argument("--workers", type=_workers, default=2,
                       help="documents checked at once (default 2)")
    serve.add_argument("--config", metavar="FILE",
                       help="configuration file every check uses (default: the defaults)")


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def free_port(host: str, port: int = 0) -> int:
    """`port` if nothing listens on it at `host` now (0: any free port); a usage error, one
    line, when it cannot be listened on."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind((host, port))
            return int(probe.getsockname()[1])
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"cannot listen on {address(host, port)}: {reason}") from None


def address(host: str, port: int) -> str:
    """The page's address as a browser takes it."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def run(args: argparse.Namespace) -> int:
    """Start the server; return when it is stopped (Ctrl+C)."""
    try:
        import uvicorn

        from soplint.web.app import create_app
    except ImportError as exc:
        raise UsageError(f"soplint serve needs the web extra ({exc.name} is missing): "
                         "pip install 'soplint[web]'") from None
    from soplint.config import load_config
    from soplint.web.settings import Settings

    config = load_config(explicit=Path(args.config)) if args.config else None
    settings = Settings(max_upload=args.max_upload, timeout=args.timeout, keep=args.keep,
                        workers=args.workers, config=config)
    if not _is_loopback(args.host):
        print(f"soplint: warning: listening on {args.host}: anyone who can reach this "
              "computer on that interface can upload documents; soplint serve has no "
              "accounts (see the README on putting it behind a reverse proxy)",
              file=sys.stderr)
    port = free_port(args.host, args.port)
    url = address(args.host, port)
    print(f"soplint serve: {url}  (Ctrl+C to stop)", flush=True)
    if not args.no_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, (url,)).start()
    uvicorn.run(create_app(settings), host=args.host, port=port, log_level="warning")
    return 0
