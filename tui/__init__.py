"""The Textual reader. Everything here shows a Briefing; nothing here parses text."""
