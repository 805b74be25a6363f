"""Numbers as each language writes them: "1.645" and "27,4" in Indonesian, "1,645" and "27.4"
in English (thousands grouped, at most the decimals asked for, no trailing zeros)."""

from __future__ import annotations

# (thousands separator, decimal separator)
SEPARATORS = {"id": (".", ","), "en": (",", ".")}


def format_number(value: float, lang: str, spec: str = "") -> str:
    """`value` with the language's separators. `spec` is a `format()` spec (".1f", "d"...);
    without one, integers are grouped and other numbers get at most one decimal."""
    thousands, decimal = SEPARATORS.get(lang, SEPARATORS["en"])
    if spec:
        text = format(value, spec)
    elif float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
