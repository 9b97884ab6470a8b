"""Dates and time stamps as briefings write them, turned into ISO 8601."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# German, French, Spanish, Italian, Dutch, Portuguese and Polish months, written out ("30.
# November 2026", "1er décembre 2026", "1 de diciembre de 2026", "28 września 2020": Polish
# dates name the month in its genitive, listed beside its nominative), for briefings in those
# languages.
_FOREIGN_MONTHS = (
    "januar jänner janvier enero gennaio januari janeiro styczeń stycznia",
    "februar février fevrier febrero febbraio februari fevereiro luty lutego",
    "märz maerz mars marzo maart março marco marzec marca",
    "avril abril aprile kwiecień kwietnia",
    "mai mayo maggio mei maio maj maja",
    "juni juin junio giugno junho czerwiec czerwca",
    "juli juillet julio luglio julho lipiec lipca",
    "août aout agosto augustus sierpień sierpnia",
    "septembre septiembre setiembre settembre setembro wrzesień września",
    "oktober octobre octubre ottobre outubro październik października",
    "novembre noviembre novembro listopad listopada",
    "dezember décembre decembre diciembre dicembre dezembro grudzień grudnia",
)
MONTHS.update({name: number for number, names in enumerate(_FOREIGN_MONTHS, start=1) for name in names.split()})
_FOREIGN_WEEKDAY_NAMES = (
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag lundi mardi mercredi jeudi "
    "vendredi samedi dimanche lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag segunda terça quarta quinta sexta "
    "poniedziałek wtorek środa czwartek piątek sobota niedziela"
)
_FOREIGN_WEEKDAYS = _FOREIGN_WEEKDAY_NAMES.split()

TIME_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 60, "WEST": 60, "CET": 60, "CEST": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
    "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "JST": 540, "KST": 540, "HKT": 480,
    "SGT": 480, "AEST": 600, "AEDT": 660,
}  # fmt: skip

_FOREIGN_MONTH_NAMES = "|".join(sorted((name for names in _FOREIGN_MONTHS for name in names.split()), key=len, reverse=True))
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# The other languages write the day first, so only day-first patterns look for their months.
_ANY_MONTH = _MONTH.replace(")\\.?", f"|{_FOREIGN_MONTH_NAMES})\\.?")
_FOREIGN_WEEKDAY = "|".join(sorted(_FOREIGN_WEEKDAYS, key=len, reverse=True))
_WEEKDAY = rf"(?:(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?|{_FOREIGN_WEEKDAY})\.?,?\s+)?"
# "30. November", "1er décembre", "1º de dezembro de 2026": other languages' day marks and "de".
_DAY_MARK = r"(?:st|nd|rd|th|er|\.|º|°)?"
_DAY_FIRST = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})" + _DAY_MARK + r"\s+(?:de\s+)?" + _ANY_MONTH + r",?\s+(?:de\s+)?(?P<year>(?:19|20)\d{2})\b", re.I
)
_MONTH_FIRST = re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b", re.I)
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# Counting dates over a whole file starts from each year ("2025"), rare in prose, and looks
# just before it for the rest of the date; the weekday is left out (it does not change the
# date). Trying every date pattern at every character was a fifth of all plain-text parsing.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}\b")
_DAY_FIRST_BEFORE_YEAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})" + _DAY_MARK + r"\s+(?:de\s+)?" + _ANY_MONTH + r",?\s+(?:de\s+)?(?P<year>(?:19|20)\d{2})\Z", re.I
)
_MONTH_FIRST_BEFORE_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\Z", re.I)

# Zones named without a fixed offset ("ET" is EST or EDT by season): recognised, offset unknown.
LOOSE_ZONES = ("ET", "PT", "CT", "MT", "local time", "local")
_TZ_NAMES = "|".join(sorted([*(name for name in TIME_ZONES if len(name) > 1), *LOOSE_ZONES], key=len, reverse=True))
_TIME = re.compile(
    r"^\s*(?:(?:update|updated|breaking|latest|new|posted|published)\b\s*[:\-–—]?\s*)?(?:(?:at|à|um|a las|alle|om|às)\s+)?[\[(]?"
    r"(?P<hour>[01]?\d|2[0-3])[.:h](?P<minute>[0-5]\d)"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?|\s*uhr\b)?"
    rf"(?:\s*(?P<tz>{_TZ_NAMES})\b(?P<shift>[+-](?:1[0-4]|0?\d)(?::?(?:00|30|45))?)?)?[\])]?"
    r"(?P<rest>.*)$",
    re.I,
)
_STAMP_PREFIX = re.compile(r"(?:updated|posted|published)(?:\s+(?:on|at))?\s*:?\s+(?=\w)", re.I)
_LEADING_SEPARATOR = re.compile(r"^\s*(?:[-–—:|•·,]\s*)?")


_STAMP_STARTS = frozenset(
    {name[:3] for name in MONTHS}
    | {day[:3] for day in (*WEEKDAYS, *_FOREIGN_WEEKDAYS)}
    | {"upd", "bre", "lat", "new", "at ", "pos", "pub"}
)
_RELATIVE = re.compile(r"^\s*(?:\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)|just now|moments?)(?:\s+ago)?\s*$", re.I)
_RELATIVE_THEN_TEXT = re.compile(
    r"^\s*(?:\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)\s+ago|just now)\s+(?=[A-Z])", re.I
)
""""2h ago Ferry links to resume": a relative stamp and a headline copied onto one line."""


@dataclass(frozen=True)
class TimeStamp:
    """A time of day found at the start of a line, with what followed it."""

    hour: int
    minute: int
    offset_minutes: int | None
    rest: str
    day: date | None = None
    has_time: bool = True
    """False for a line that only gives a date (it dates what follows, it starts no post)."""
    known: bool = True
    """False for a relative stamp ("2h ago"): it marks a post, but gives no time of day."""
    seasonal: int | None = None
    """Standard-time offset of a US zone named without its season ("2:45 p.m. ET"): the day
    decides whether daylight saving time adds an hour."""


def _date_from_match(match: re.Match[str]) -> date | None:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text) or MONTHS.get(month_text[:3], 0)
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


_NUMERIC = r"(?<![\w.\/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})"
_NUMERIC_DATE = re.compile(_NUMERIC + r"(?!\w|[./-]\d)")
_NUMERIC_BEFORE_YEAR = re.compile(_NUMERIC + r"\Z")
_YEAR_FIRST_SLASHED = re.compile(r"(?<![\d/])(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])")


def _numeric_date(match: re.Match[str]) -> date | None:
    """"24.11.2026", "24/11/2026", "11/24/2026": dots are always day first; with slashes or
    dashes the order must show (a number over 12), else the date is left unread, not guessed."""
    first, second = int(match.group("a")), int(match.group("b"))
    if match.group("sep") == "." or first > 12:
        day, month = first, second
    elif second > 12:
        month, day = first, second
    else:
        return None
    try:
        return date(int(match.group("year")), month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first calendar date written in ``text``, with its span."""
    best: tuple[date, int, int] | None = None
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _ISO_DATE, _YEAR_FIRST_SLASHED, _NUMERIC_DATE):
        match = pattern.search(text)
        if match:
            found = _numeric_date(match) if pattern is _NUMERIC_DATE else _date_from_match(match)
            if found and (best is None or match.start() < best[1]):
                best = (found, match.start(), match.end())
    return best


def _date_at_start(text: str) -> tuple[date, int, int] | None:
    """What ``find_date`` gives when the date it finds opens ``text``, else None: each pattern
    is tried at the start only, not searched for along the line."""
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _ISO_DATE, _YEAR_FIRST_SLASHED, _NUMERIC_DATE):
        match = pattern.match(text)
        if match:
            found = _numeric_date(match) if pattern is _NUMERIC_DATE else _date_from_match(match)
            if found:
                return found, 0, match.end()
    return None


def briefing_date(text: str, window: int = 50_000) -> date | None:
    """The date a briefing is about: the date written most often near its start and its end
    (a live blog's dateline can be at the top, or at the bottom in its first post). On a tie,
    a date in the first few lines (a report's header) wins — "Next report: 13 March" at the
    foot does not date it — and then the latest: a date in passing ("a ruling of 3 May 2021")
    loses to the dateline."""
    sample = text if len(text) <= 2 * window else f"{text[:window]}\n{text[-window:]}"
    header_end = _header_end(sample)
    in_header: set[date] = set()
    counts: dict[date, int] = {}
    for year in _YEAR.finditer(sample):
        start, end = year.span()
        match = (
            _ISO_DATE.match(sample, start)
            or _DAY_FIRST_BEFORE_YEAR.search(sample, max(0, start - 40), end)
            or _MONTH_FIRST_BEFORE_YEAR.search(sample, max(0, start - 40), end)
        )
        numeric = None if match else _NUMERIC_BEFORE_YEAR.search(sample, max(0, start - 6), end)
        found = _date_from_match(match) if match else _numeric_date(numeric) if numeric else None
        if found:
            counts[found] = counts.get(found, 0) + 1
            if start < header_end:
                in_header.add(found)
    if not counts:
        return None
    return max(counts, key=lambda day: (counts[day], day in in_header, day))


def _header_end(text: str, lines: int = 4) -> int:
    """Where the first ``lines`` non-empty lines end (at most 400 characters in)."""
    seen = 0
    position = 0
    for line in text[:400].splitlines(keepends=True):
        position += len(line)
        if line.strip():
            seen += 1
            if seen == lines:
                break
    return min(position, 400)


def parse_time_stamp(line: str) -> TimeStamp | None:
    """A time stamp leading ``line`` ("14.32 BST", "UPDATE 09:15 — …", "Fri 5 Sep 2025 10.02").

    The rest of the line must not continue a sentence (a lowercase word or a number would).
    """
    text = line.strip().lstrip("[(")
    day: date | None = None
    if _RELATIVE.match(text):
        # "2h ago", "Just now": a post starts here, at a time the saved text no longer knows.
        return TimeStamp(0, 0, None, "", None, has_time=True, known=False)
    relative = _RELATIVE_THEN_TEXT.match(text)
    if relative is not None:
        return TimeStamp(0, 0, None, text[relative.end() :].strip(), None, has_time=True, known=False)
    if not text[:1].isdigit() and text[:3].lower() not in _STAMP_STARTS:
        return None
    said = _STAMP_PREFIX.match(text)
    if said is not None and (text[said.end() :][:1].isdigit() or text[said.end() :][:3].lower() in _STAMP_STARTS):
        text = text[said.end() :]  # "Posted 23 November 2026, 09:30": the date and time follow
    numeric = (
        text[:2].isdigit() and text[2:3] in ".:h" and text[3:4].isdigit() and "-" not in text[:8] and not _NUMERIC_DATE.match(text)
    )  # "14.32", but not "30. November"
    dated = None if numeric else _date_at_start(text)  # "14.32 BST" is a time; "24.11.2026 14:05" a date
    if dated:
        day = dated[0]
        text = text[dated[2] :].lstrip(" ,")
        if not text:
            return TimeStamp(0, 0, None, "", day, has_time=False) if len(line.strip()) < 40 else None
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    ampm = (match.group("ampm") or "").lower()
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    rest_raw = match.group("rest")
    if rest_raw[:1].isalnum() and not match.group("tz") and not ampm:
        return None  # "12.50 per cent", "10.30am" handled above
    rest = _LEADING_SEPARATOR.sub("", rest_raw, count=1).strip()
    if rest and (rest[0].islower() or rest[0].isdigit() or rest[0] in "%"):
        return None
    tz = match.group("tz")
    offset = TIME_ZONES.get(tz.upper()) if tz and len(tz) <= 4 else None
    shift = match.group("shift")
    if offset is not None and shift:  # "GMT+3", "UTC-05:30", "UTC+0530"
        digits = shift[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        offset += (1 if shift[0] == "+" else -1) * (int(hours) * 60 + int(minutes))
    seasonal = _US_STANDARD.get(tz.upper()) if tz and offset is None else None
    return TimeStamp(hour, minute, offset, rest, day, seasonal=seasonal)


_US_STANDARD = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}


def _us_daylight(day: date) -> bool:
    """US daylight saving time (since 2007): from the second Sunday of March to the first
    Sunday of November."""
    march = date(day.year, 3, 1)
    start = march + timedelta(days=(6 - march.weekday()) % 7 + 7)
    november = date(day.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    return start <= day < end


def with_time_of(published: str | None, moment: str | None) -> str | None:
    """``moment`` (a page's declared time, an email's Date:) where ``published`` is unknown or
    only the same day; else ``published``, which is more precise about its own post."""
    return moment if moment and published in (None, moment[:10]) else published


def combine(day: date | None, stamp: TimeStamp | None) -> str | None:
    """ISO 8601 for a day and a time stamp: a date-time when both, a date when only the day."""
    if stamp is not None and stamp.day is not None:
        day = stamp.day
    if day is None:
        return None
    if stamp is None or not stamp.has_time or not stamp.known:
        return day.isoformat()
    moment = datetime(day.year, day.month, day.day, stamp.hour, stamp.minute)
    offset = stamp.offset_minutes
    if offset is None and stamp.seasonal is not None:
        offset = stamp.seasonal + (60 if _us_daylight(day) else 0)
    if offset is not None:
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return moment.isoformat()


_EPOCH_TEXT = re.compile(r"\d+(?:\.\d+)?")


def epoch_moment(value: object) -> str | None:
    """Seconds or milliseconds since 1970 ("1763971200", 1763971200123, Slack's
    "1764000000.000100"), as pages' data attributes and JSON exports give times, as ISO 8601
    in UTC to the second; None for anything else."""
    if isinstance(value, str) and _EPOCH_TEXT.fullmatch(value):
        number: float = float(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = value
    else:
        return None
    if 1e12 <= number < 1e13:
        number /= 1000
    if not 1e9 <= number < 1e10:
        return None
    return datetime.fromtimestamp(int(number), tz=UTC).isoformat()


_TWELVE_HOUR = re.compile(r"\d[ \t\u202f\xa0]*[ap]\.?m\b\.?", re.I)


def normalise_datetime(value: str | None) -> str | None:
    """Any date a feed or page gives (RFC 822, ISO 8601, "5 September 2025") as ISO 8601."""
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    iso = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return date.fromisoformat(iso).isoformat()
        moment = datetime.fromisoformat(iso)
        return moment.isoformat()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime  # RFC 822 dates are rare: not at start-up

        # RFC 822 has no AM/PM: its lenient reader took "4:05 PM" for 04:05 (Outlook's
        # "Thursday, November 12, 2026 4:05 PM"), so a twelve-hour time is read below.
        sent: datetime | None = None if _TWELVE_HOUR.search(value) else parsedate_to_datetime(value)
        if sent is not None:
            return sent.isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_date(value)
    if found:
        stamp = parse_time_stamp(value[found[2] :].lstrip(" ,T"))
        return combine(found[0], stamp)
    return None


def sort_key(published: str | None) -> str:
    """A key that orders ISO strings chronologically enough for a reading list."""
    if not published:
        return ""
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat()
