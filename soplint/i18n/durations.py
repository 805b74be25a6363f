"""A number of minutes written out for people: "1.645 menit = 27,4 jam = 3,4 hari kerja"."""

from __future__ import annotations

from dataclasses import dataclass

from soplint.i18n import ENGINE

WORKING_DAY = 8 * 60


@dataclass(frozen=True)
class Minutes:
    """A duration in minutes (`low` the lower bound of a range), spoken in any language in
    minutes, then hours from an hour, then working days (480 minutes) from one."""

    minutes: float
    low: float | None = None

    def speak(self, lang: str) -> str:
        """The duration in `lang`, a range as "low to high"."""
        high = self._one(self.minutes, lang)
        if self.low is None or self.low >= self.minutes:
            return high
        return ENGINE.say("duration.range", lang, low=self._one(self.low, lang), high=high)

    @staticmethod
    def _one(minutes: float, lang: str) -> str:
        parts = [ENGINE.say("duration.minutes", lang, value=round(minutes, 1))]
        if minutes >= 60:
            parts.append(ENGINE.say("duration.hours", lang, value=round(minutes / 60, 1)))
        if minutes >= WORKING_DAY:
            parts.append(ENGINE.say("duration.working-days", lang,
                                    value=round(minutes / WORKING_DAY, 1)))
        return " = ".join(parts)
