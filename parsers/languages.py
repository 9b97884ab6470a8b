"""Which language an entry is written in, and the function words of the languages whose
capitalisation would otherwise pass for names (German capitalises every noun; French,
Spanish, Italian, Dutch and Portuguese open sentences with articles, Polish with prepositions
and adverbs, that look like names' first words). English needs nothing from here: its rules live in ``words`` and ``actors``."""

from __future__ import annotations

from collections.abc import Sequence

ENGLISH = "en"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ENGLISH_MARKERS = _words("the and of to for that with said by from has have are were it as at this")
"""Frequent English words that are not also frequent words of the other languages ("in", "is",
"was", "will", "on" are)."""

ARTICLES: dict[str, frozenset[str]] = {
    "de": _words(
        "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines "
        "im am beim zum zur vom ins dieser diese dieses diesem diesen jeder jede jedes jedem jeden "
        "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere euer eure"
    ),
    "fr": _words("le la les l un une des du au aux ce cet cette ces son sa ses leur leurs"),
    "es": _words("el la los las un una unos unas del al este esta estos estas su sus"),
    "it": _words("il lo la i gli le l un una uno del della dei degli delle al alla ai agli alle"),
    "nl": _words("de het een des der den dit dat deze die zijn haar hun"),
    "pt": _words("o a os as um uma uns umas do da dos das no na nos nas ao aos"),
    "pl": _words("ten ta to te ci tego tej temu tym tę tych tymi ów każdy każda każde jego jej ich swój swoja swoje"),
}
"""Articles and determiners (Polish has no articles: its demonstratives and possessives):
before a German capitalised word they make it a noun."""

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    language: articles | _words(words)
    for language, (articles, words) in {
        "de": (
            ARTICLES["de"],
            "und oder aber doch auch noch nur schon nicht nach bei laut wie wenn als ob dass da so nun dann hier "
            "dort heute gestern morgen jetzt zudem außerdem dabei damit deshalb darum daher trotzdem seit trotz "
            "wegen während unter über mit von vor für gegen ohne um in an auf aus zu bis durch es er sie wir ich "
            "man dies zunächst bislang bisher inzwischen unterdessen demnach allerdings zuvor später mehr viele "
            "alle einige andere neue neuen erste ersten ist sind war waren wird werden wurde wurden hat haben "
            "sich uns euch ihm ihn ihnen sehr ganz gar immer wieder bereits etwa eben sowie sowohl allem darüber "
            "hinaus dazu davon dafür was wer wo wann warum kann können muss müssen soll sollen will wollen gibt",
        ),
        "fr": (
            ARTICLES["fr"],
            "et ou mais donc car ni selon pour dans avec sans après avant depuis pendant lors par sur sous entre "
            "vers chez en à de il elle ils elles on nous vous je qui que quand comme si ainsi enfin alors puis "
            "aujourd hier demain cependant pourtant toutefois déjà encore aussi plus est sont était a ont",
        ),
        "es": (
            ARTICLES["es"],
            "y o pero según para con sin tras antes después desde durante por en de a él ella ellos ellas se "
            "que como cuando si así hoy ayer mañana también además sin embargo ya aún más es son fue era ha han",
        ),
        "it": (
            ARTICLES["it"],
            "e o ma secondo per con senza dopo prima durante tra fra su in di da a che come quando se così oggi "
            "ieri domani anche inoltre già ancora più è sono era ha hanno egli lei loro si",
        ),
        "nl": (
            ARTICLES["nl"],
            "en of maar volgens voor met zonder na tijdens door op in van aan bij naar uit om over tot hij zij "
            "wij ik ze men er ook nog al als dan wanneer vandaag gisteren morgen is zijn was waren heeft hebben",
        ),
        "pt": (
            ARTICLES["pt"],
            "e ou mas segundo para com sem após antes depois desde durante por em de ele ela eles elas se que "
            "como quando se assim hoje ontem amanhã também além já ainda mais é são foi era tem têm",
        ),
        "pl": (
            ARTICLES["pl"],
            "i oraz a ale lub albo czy że iż bo gdy kiedy jeśli jeżeli aby żeby w we z ze na do od po za przed "
            "przez pod nad o u dla bez przy między według wobec jak już jeszcze tylko także też również nie tak "
            "jest są był była było byli będzie ma mają się on ona ono oni one my wy ja dziś dzisiaj wczoraj jutro "
            "teraz potem tam tu więc jednak zatem ponadto ostatecznie natomiast wtedy gdzie co kto który która "
            "które którzy dopóki dopiero chociaż choć skoro ponieważ dlatego zwłaszcza właśnie",
        ),
    }.items()
}
"""Words that never begin a name in that language (articles, prepositions, pronouns…)."""

_MARKERS: dict[str, frozenset[str]] = {
    "de": _words("der die das und nicht mit sich auf für ist den dem des ein eine im wird wurde auch bei nach hat"),
    "fr": _words("le la les et des est une du dans pour qui que pas au sur aux avec ce ont sont été"),
    "es": _words("el la los las y es una del que en por con para se al lo su fue han"),
    "it": _words("il lo gli e è di che per con una del della non sono ha alla nel"),
    "nl": _words("de het een en van is niet met op voor dat die zijn naar ook werd"),
    "pt": _words("o os e é do da dos das em um uma que para com não foi são"),
    "pl": _words("i w na nie się z do że jest jak po dla od za przez są"),
}
"""Frequent words telling each language apart (shared ones like "la" count for several)."""

_POLISH_LETTERS = frozenset("ąćęłńśźżĄĆĘŁŃŚŹŻ")
"""Letters Polish writes and the other languages here do not (ó is Spanish too)."""

_SAMPLE = 120
"""Tokens read to tell the language (words and punctuation): a paragraph's worth."""

GERMAN_TITLE_ENDINGS = (
    "präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "chef", "chefin",
    "sprecher", "sprecherin", "meister", "meisterin", "vorsitzende", "vorsitzender", "botschafter",
    "botschafterin", "gesandte", "gesandter", "vertreterin", "vertreter", "direktor", "direktorin",
)  # fmt: skip
"""A German title written before a name ("Bundeskanzler", "Außenministerin", "Regierungschef")."""


def language_of(tokens: Sequence[str]) -> str:
    """The entry's language by its most frequent function words; English when unsure.

    It runs on every entry, so the usual answer (English) comes from one C-level count.
    """
    if len(tokens) < 15:
        # Too few words to count; Polish letters still tell ("W Lesznie zaczął padać deszcz.").
        return "pl" if any(_POLISH_LETTERS.intersection(token) for token in tokens) else ENGLISH
    # A fifth of English tokens are markers: forty tell English from the rest.
    if sum(map(_ENGLISH_MARKERS.__contains__, map(str.lower, tokens[:40]))) >= 3:
        return ENGLISH
    sample = list(map(str.lower, tokens[:_SAMPLE]))
    english = sum(map(_ENGLISH_MARKERS.__contains__, sample))
    # One token in 25 (punctuation counted): English, or mostly; one marker alone in a short
    # entry is not enough (Polish writes "to", Portuguese "as").
    if english * 25 >= len(sample) and english >= 2:
        return ENGLISH
    scores = {language: sum(map(markers.__contains__, sample)) for language, markers in _MARKERS.items()}
    best = max(scores, key=lambda language: scores[language])
    return best if scores[best] * 15 >= len(sample) and scores[best] > 2 * english else ENGLISH
