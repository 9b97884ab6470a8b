"""The baseline for first-paint timing: a minimal Textual app (Static + Footer)."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Baseline(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Brief baseline ready")
        yield Footer()


if __name__ == "__main__":
    Baseline().run()
