"""Entry times as a reader wants them: short in the list, whole but readable in the view."""

from __future__ import annotations

from datetime import datetime

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _moment(published: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(published) if published else None
    except ValueError:
        return None


def short_time(published: str | None, today: str | None) -> str:
    """ "14:32" when the entry has a time on the briefing's newest day, "05 Sep" on another day
    of the newest day's year, "Sep 2004" in another year (so a list spanning years reads in
    order)."""
    moment = _moment(published)
    if moment is None or published is None:
        return (published or "")[:6]
    if "T" in published and (today is None or published[:10] == today):
        return f"{moment.hour:02d}:{moment.minute:02d}"
    if today is not None and published[:4] != today[:4]:
        return f"{_MONTHS[moment.month - 1]} {moment.year}"
    return f"{moment.day:02d} {_MONTHS[moment.month - 1]}"


def long_time(published: str | None) -> str:
    """ "Tue 25 Nov 2026, 06:30 +01:00" (or "Tue 25 Nov 2026" for a day alone): the stored
    ISO 8601 form, readable; names in English whatever the locale, as the rest of the app."""
    moment = _moment(published)
    if moment is None or published is None:
        return published or ""
    day = f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    if "T" not in published:
        return day
    offset = moment.strftime("%z")
    zone = "" if not offset else " UTC" if offset == "+0000" else f" {offset[:3]}:{offset[3:]}"
    return f"{day}, {moment.hour:02d}:{moment.minute:02d}{zone}"
