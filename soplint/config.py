"""Configuration: `[tool.soplint]` in pyproject.toml or a `soplint.toml`, validated.

Discovery walks from the checked file's folder upward; in each folder a `soplint.toml` wins
over a `pyproject.toml`, and a pyproject.toml counts only when it has a `[tool.soplint]`
table. The closest file wins; it inherits from another only through `extend = "path"`
(relative to the file): the child's keys override, `extend-select` and `per-file-ignores`
add, tables (`severity`, `lexicon`, `service-standards`) merge key by key.

Keys: select, ignore, extend-select (codes or prefixes, or "ALL"); severity = {CODE =
"error" | "warning" | "info"}; per-file-ignores = {"glob" = [CODE, ...]}; profile
("permenpan" | "generic"); lang ("id" | "en", the language of the messages); fail-on;
timeout (seconds for reading and checking one document, 0 for no limit);
lexicon = {id = {"vague-verbs" = {extra = [...], remove = [...]}}, en = {...}}; and the
options the rule packs declare (`soplint_register_options`; the built-in pack's are
max-step-words, max-decisions and service-standards = {"<SOP title or number>" = "5 hari
kerja"}), validated by their pack. An unknown code gets a "did you mean". Per-file globs
are relative to the folder of the file that declares them and use fnmatch (`*` also
crosses folders); a glob without "/" matches the file name.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from fnmatch import fnmatchcase
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from soplint.errors import SoplintError
from soplint.files import FileProblem, absolute, read_regular
from soplint.names import shown
from soplint.rule import PROFILES as RULE_PROFILES
from soplint.rule import OptionError, Severity
from soplint.timelimit import MAX_SECONDS, valid_seconds

if TYPE_CHECKING:
    from soplint.model import Sop

CONFIG_FILES = ("soplint.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 1024 * 1024
PROFILES = RULE_PROFILES
LANGUAGES = ("id", "en")
LEVELS = tuple(str(s) for s in reversed(Severity))
ALL = "ALL"  # selects every code
_CODE = re.compile(r"^[A-Z]{1,4}\d{0,3}$")

Lexicon = Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]


class ConfigError(SoplintError):
    """A configuration that cannot be used: the message names the file and the key."""


def _frozen(value: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class PathIgnore:
    """Codes ignored for the files a glob matches, relative to `root` (the config's folder)."""

    root: Path
    glob: str
    codes: tuple[str, ...]

    def matches(self, path: str | os.PathLike[str]) -> bool:
        """Whether the checked `path` is one of the files the glob names."""
        checked = absolute(path)
        try:
            relative = checked.relative_to(self.root).as_posix()
        except ValueError:
            return False
        pattern = self.glob.removeprefix("./")
        return fnmatchcase(relative, pattern) or (
            "/" not in pattern and fnmatchcase(checked.name, pattern))


@dataclass(frozen=True)
class Config:
    """Validated settings; `source` is the file they come from (None: the defaults).

    `lexicon` maps "<lang>-<lexicon>" to (extra, removed) words; `options` holds the rule
    options in snake_case (max_step_words, service_standards).
    """

    source: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=_frozen)
    per_file_ignores: tuple[PathIgnore, ...] = ()
    profile: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    timeout: float | None = None
    lexicon: Lexicon = field(default_factory=_frozen)
    options: Mapping[str, Any] = field(default_factory=_frozen)

    def ignored_for(self, path: str | os.PathLike[str]) -> tuple[str, ...]:
        """The codes `per-file-ignores` ignores for the checked `path`."""
        return tuple(c for rule in self.per_file_ignores if rule.matches(path)
                     for c in rule.codes)

    def severities(self, codes: list[str]) -> dict[str, Severity]:
        """The configured severity of each of `codes` (the longest matching prefix wins)."""
        found: dict[str, Severity] = {}
        for code in codes:
            keys = [k for k in self.severity if code.startswith(k)]
            if keys:
                found[code] = self.severity[max(keys, key=len)]
        return found

    def rule_options(self, sop: Sop) -> dict[str, Any]:
        """Rule options for one document; with a service standard configured for its title
        or SOP number, also `service_standard_minutes`."""
        from soplint.recognize.timeparse import parse_time

        options = dict(self.options)
        names = {_normal(sop.title)} | {_normal(sop.meta[k].value)
                                        for k in ("nomor", "document_id") if k in sop.meta}
        for key, text in options.get("service_standards", {}).items():
            duration = parse_time(text)
            if _normal(key) in names and duration is not None:
                options["service_standard_minutes"] = duration.minutes
                break
        return options


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _shown(path: Path) -> str:
    try:
        return shown(str(path.relative_to(Path.cwd())))
    except ValueError:
        return shown(str(path))


class _Reader:
    """Validates the settings of one file, naming the file and key in every error."""

    def __init__(self, path: Path | None, pyproject: bool) -> None:
        self.path = path
        self.prefix = "[tool.soplint] " if pyproject else ""

    def fail(self, key: str, problem: str) -> ConfigError:
        where = _shown(self.path) if self.path else "<settings>"
        return ConfigError(f"{where}: {self.prefix}{key}: {problem}")

    def unknown(self, key: str, within: str = "") -> ConfigError:
        where = _shown(self.path) if self.path else "<settings>"
        scope = f"{within}: " if within else ""
        return ConfigError(f"{where}: {self.prefix}{scope}unknown key {key!r}")

    def table(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, got {_kind(value)}")
        return value

    def strings(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"expected a list of strings, got {_kind(value)}")
        return tuple(value)

    def choice(self, value: Any, key: str, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            raise self.fail(key, f"{value!r} is not one of {', '.join(allowed)}")
        return str(value)

    def codes(self, value: Any, key: str, known: Callable[[], frozenset[str]]) -> tuple[str, ...]:
        return tuple(self.code(c, key, known) for c in self.strings(value, key))

    def code(self, raw: str, key: str, known: Callable[[], frozenset[str]]) -> str:
        code = raw.strip().upper()
        if code != ALL and (not _CODE.match(code) or not any(k.startswith(code)
                                                             for k in known())):
            raise self.fail(key, f"{raw!r} is no rule code or prefix of one"
                                 f"{did_you_mean(code, known())} (see `soplint rules`)")
        return code


def did_you_mean(code: str, known: Iterable[str]) -> str:
    """"; did you mean TIM001?" for the closest known code, or ""."""
    close = get_close_matches(code.upper(), sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def _kind(value: Any) -> str:
    return type(value).__name__.replace("dict", "table").replace("str", "string")


def _known_codes() -> frozenset[str]:
    from soplint.engine import ENGINE_CODES
    from soplint.plugins import registered_rules, registered_set_rules

    return (frozenset(registered_rules()) | frozenset(registered_set_rules())
            | frozenset(ENGINE_CODES))


def _lexicon(reader: _Reader, value: Any) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    from soplint.language.lexicon import lexicon_names

    changes = {}
    for lang, lexicons in reader.table(value, "lexicon").items():
        reader.choice(lang, "lexicon", LANGUAGES)
        names = lexicon_names(lang)
        for name, change in reader.table(lexicons, f"lexicon.{lang}").items():
            key = f"lexicon.{lang}.{name}"
            if name not in names:
                raise reader.fail(key, f"no lexicon {name!r} for {lang!r} "
                                       f"(one of {', '.join(names)})")
            table = reader.table(change, key)
            for sub in table:
                if sub not in ("extra", "remove"):
                    raise reader.unknown(sub, key)
            changes[f"{lang}-{name}"] = (reader.strings(table.get("extra", []), f"{key}.extra"),
                                         reader.strings(table.get("remove", []), f"{key}.remove"))
    return changes


def _rule_option(reader: _Reader, key: str, value: Any) -> tuple[str, Any] | None:
    """(snake_case name, parsed value) of an option a rule pack declares, or None when no
    pack declares `key`."""
    from soplint.plugins import registered_options

    option = registered_options().get(key)
    if option is None:
        return None
    try:
        return option.key, option.parse(value)
    except OptionError as exc:
        raise reader.fail(f"{key}.{exc.key}" if exc.key else key, exc.problem) from None


_ADDED = ("extend_select", "per_file_ignores")


def _settings(raw: Mapping[str, Any], reader: _Reader, root: Path) -> dict[str, Any]:
    """The validated settings of one file, by Config field name (extend left out)."""
    out: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("select", "ignore", "extend-select"):
            out[key.replace("-", "_")] = reader.codes(value, key, _known_codes)
        elif key == "severity":
            out["severity"] = {
                reader.code(code, f"severity.{code}", _known_codes):
                    Severity(reader.choice(level, f"severity.{code}", LEVELS))
                for code, level in reader.table(value, key).items()}
        elif key == "per-file-ignores":
            out["per_file_ignores"] = [
                PathIgnore(root, glob, reader.codes(codes, f"per-file-ignores.{glob}",
                                                    _known_codes))
                for glob, codes in reader.table(value, key).items()]
        elif key in ("profile", "lang", "fail-on"):
            allowed = {"profile": PROFILES, "lang": LANGUAGES, "fail-on": LEVELS}[key]
            out[key.replace("-", "_")] = reader.choice(value, key, allowed)
        elif key == "timeout":
            if isinstance(value, bool) or not isinstance(value, int | float) or not (
                    valid_seconds(value)):
                raise reader.fail(key, f"expected a number of seconds from 0 (no limit) to "
                                       f"{MAX_SECONDS:.0f}, got {value!r}")
            out["timeout"] = float(value)
        elif key == "lexicon":
            out["lexicon"] = _lexicon(reader, value)
        elif key != "extend":
            parsed = _rule_option(reader, key, value)
            if parsed is None:
                raise reader.unknown(key)
            options[parsed[0]] = parsed[1]
    if options:
        out["options"] = options
    return out


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in own.items():
        if key in _ADDED and key in base:
            merged[key] = [*base[key], *value]
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


def _read(path: Path) -> tuple[dict[str, Any] | None, bool]:
    """The soplint settings in `path` (None: a pyproject.toml without them), and whether the
    file is a pyproject.toml."""
    pyproject = path.name == "pyproject.toml"
    try:
        data = tomllib.loads(read_regular(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except FileProblem as exc:
        raise ConfigError(f"{_shown(path)}: cannot read: {exc.problem}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{_shown(path)}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{_shown(path)}: invalid TOML: arrays or tables nested too "
                          "deeply") from None
    if not pyproject:
        return data, False
    section = data.get("tool", {}).get("soplint")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{_shown(path)}: [tool.soplint] must be a table")
    return section, True


def _load(path: Path, chain: tuple[Path, ...] = ()) -> dict[str, Any]:
    if path in chain:
        raise ConfigError(f"{_shown(path)}: extend: circular ({' -> '.join(map(str, chain))})")
    raw, pyproject = _read(path)
    if raw is None:
        raise ConfigError(f"{_shown(path)}: no [tool.soplint] table")
    reader = _Reader(path, pyproject)
    base: dict[str, Any] = {}
    if "extend" in raw:
        if not isinstance(raw["extend"], str):
            raise reader.fail("extend", "expected a path (string)")
        parent = absolute(path.parent / raw["extend"])
        if not _is(parent, stat.S_ISREG):
            raise reader.fail("extend", f"no such file {raw['extend']!r}")
        base = _load(parent, (*chain, path))
    return _merge(base, _settings(raw, reader, path.parent))


def _config(settings: dict[str, Any], source: Path | None) -> Config:
    values = dict(settings)
    for key in ("select", "ignore", "extend_select", "per_file_ignores"):
        if key in values:
            values[key] = tuple(values[key])
    for key in ("severity", "lexicon", "options"):
        if key in values:
            values[key] = _frozen(values[key])
    return Config(source=source, **values)


def discover(start: Path) -> Path | None:
    """The closest file with soplint settings in `start` (a file's folder) or above it."""
    folder = absolute(start)
    folder = folder if _is(folder, stat.S_ISDIR) else folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if _is(path, stat.S_ISREG) and _read(path)[0] is not None:
                return path
    return None


def _is(path: Path, kind: Callable[[int], bool]) -> bool:
    """Whether `path` is of `kind` (`stat.S_ISDIR`, `stat.S_ISREG`), False when it cannot be
    looked at (missing, a loop of links, a path too long for the system)."""
    try:
        return kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def load_config(path_checked: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration for `path_checked`: `explicit` if given, else the closest file found
    from its folder (or the working folder) upward, else the defaults."""
    found = absolute(explicit) if explicit else discover(Path(path_checked or Path.cwd()))
    if found is None:
        return Config()
    return _config(_load(found), found)


def config_from_mapping(settings: Mapping[str, Any], root: Path | None = None) -> Config:
    """A configuration from settings given in code (keys as in the file; per-file globs
    relative to `root`, default the working folder)."""
    folder = Path(root or Path.cwd()).resolve()
    reader = _Reader(None, pyproject=False)
    base: dict[str, Any] = {}
    if "extend" in settings:
        base = _load((folder / str(settings["extend"])).resolve())
    return _config(_merge(base, _settings(settings, reader, folder)), None)
