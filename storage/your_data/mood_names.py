"""Other apps' mood names onto Tend's five moods (1 Awful … 5 Great): what can be placed, and a guess for the rest.

Only Daylio's five English defaults are placed without asking. Every other name (a renamed or added mood, or
Daylio in another language) is shown once on a mapping step with a guess: the app's default names in the common
languages, then a few telling words, else the middle. Nothing is imported until the person confirms the mapping.
"""

import unicodedata
from dataclasses import dataclass

PLACED = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
"""Daylio's English defaults: these mean the same five levels in every English export."""

_DEFAULT_NAMES: dict[int, tuple[str, ...]] = {
    5: ("rad", "super", "génial", "genial", "excellent", "fantastico", "fantástico", "ottimo", "radiante",
        "ótimo", "otimo", "geweldig", "świetnie", "swietnie", "wspaniale", "супер", "отлично", "最高",
        "great", "amazing", "awesome", "excellent", "sehr gut", "très bien", "muy bien", "benissimo", "prima"),
    4: ("good", "gut", "bien", "bene", "bem", "bom", "goed", "dobrze", "хорошо", "良い", "いい", "good",
        "buono", "bueno", "dobry", "fine", "happy", "content"),
    3: ("meh", "ok", "okay", "okey", "naja", "geht so", "mittel", "bof", "moyen", "normal", "regular", "así así",
        "asi asi", "così così", "cosi cosi", "mais ou menos", "normal", "matig", "gaat wel", "tak sobie",
        "przeciętnie", "przecietnie", "так себе", "нормально", "普通", "まあまあ", "average", "neutral",
        "fine-ish"),
    2: ("bad", "schlecht", "mies", "mal", "male", "slecht", "źle", "zle", "плохо", "悪い", "sad", "low", "down",
        "triste", "traurig"),
    1: ("awful", "schrecklich", "furchtbar", "scheiße", "horrible", "affreux", "terrible", "fatal", "pésimo",
        "pesimo", "terribile", "malissimo", "orribile", "horrível", "horrivel", "péssimo", "pessimo",
        "vreselijk", "verschrikkelijk", "okropnie", "fatalnie", "strasznie", "ужасно", "最悪", "awful",
        "depressed", "miserable", "rotten"),
}
_WORDS = (("not so good", 2), ("not good", 2), ("mierda", 1), ("terrib", 1), ("horrib", 1), ("awful", 1),
          ("depress", 1), ("worst", 1), ("helpless", 1), ("lifeless", 1), ("hopeless", 1), ("very bad", 1),
          ("super", 5), ("great", 5), ("amazing", 5), ("awesome", 5), ("excellent", 5), ("bliss", 5), ("laugh", 5),
          ("ecstatic", 5), ("very good", 5), ("bad", 2), ("sad", 2), ("anxi", 2), ("ansios", 2), ("tired", 2),
          ("exhaust", 2), ("müde", 2), ("fatigu", 2), ("cansad", 2), ("stanc", 2), ("sin animo", 2),
          ("sin ánimo", 2), ("angry", 2), ("frustrat", 2), ("sick", 2), ("pain", 2), ("cry", 2), ("stress", 2),
          ("good", 4), ("bien", 4), ("happy", 4), ("content", 4), ("calm", 4), ("grateful", 4), ("optimist", 4),
          ("motivad", 4), ("motivat", 4), ("refresh", 4), ("rested", 4), ("ok", 3), ("meh", 3), ("average", 3),
          ("neutral", 3))
"""Telling parts of a custom name, the first that matches wins: "not so good" before "good"."""


@dataclass(frozen=True)
class MoodName:
    """One mood name a file uses: as written first, how many entries use it, and Tend's guess (1–5)."""

    name: str
    entries: int
    guess: int


class MoodsToConfirm(Exception):
    """The file uses mood names Tend can't place by itself: nothing was written; ask, then import with `moods`."""

    def __init__(self, names: list[MoodName]):
        self.names = names
        super().__init__(f"{len(names)} mood names need a Tend mood: " + ", ".join(name.name for name in names))


def key(name: str) -> str:
    """How a mood name is matched: without surrounding or repeated spaces, case or composed accents."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


_GUESS_OF = {key(name): level for level, names in _DEFAULT_NAMES.items() for name in names}


def placed(name: str) -> int | None:
    """The Tend mood of a name every export means the same way, or None."""
    return PLACED.get(key(name))


def guess(name: str) -> int:
    """Tend's best guess for a mood name: a known default in a common language, a telling word, else Okay."""
    found = _GUESS_OF.get(key(name))
    if found:
        return found
    known = _GUESS_OF.get(key(name).strip(" []()+-!.:"))
    if known:
        return known
    return next((level for word, level in _WORDS if word in key(name)), 3)


def mood_names(counted: dict[str, tuple[str, int]]) -> list[MoodName]:
    """The names (by key: as first written, entries) with their guesses, best guessed first, then by use."""
    names = [MoodName(written, entries, guess(written)) for written, entries in counted.values()]
    return sorted(names, key=lambda mood: (-mood.guess, -mood.entries, key(mood.name)))


def needs_confirming(counted: dict[str, tuple[str, int]]) -> bool:
    """Whether any name (by key) is one Tend can't place by itself."""
    return any(placed(name) is None for name in counted)


def parse_mapping(text: str) -> dict[str, int]:
    """"super=5,gut=4" as {key: level}; ValueError naming the part that isn't NAME=1..5."""
    mapping = {}
    for part in (part for part in text.split(",") if part.strip()):
        name, equals, level = part.rpartition("=")
        if not equals or not name.strip() or level.strip() not in {"1", "2", "3", "4", "5"}:
            raise ValueError(f"“{part.strip()}” should be a mood name, “=” and a Tend mood from 1 to 5.")
        mapping[key(name)] = int(level)
    return mapping
