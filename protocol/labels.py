"""Words of the protocol document in Polish and English. Column headers and codes in words are
the shared vocabulary's (vocabulary/words.py), as on the dashboards, so a table reads the same
on screen and on paper."""

from vocabulary.words import CODES, LANGUAGES, column_label

# Texts of the document, (Polish, English).
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Protokół z prac jury", "Protocol of the jury's work"),
    "summary": ("Podsumowanie", "Summary"),
    "edition": ("Edycja", "Edition"),
    "contest": ("Konkurs", "Contest"),
    "scoring_method": ("Sposób oceny", "Scoring method"),
    "categories": ("Kategorie", "Categories"),
    "entries": ("Zgłoszenia", "Entries"),
    "valid": ("Spełniające warunki formalne", "Formally valid"),
    "invalid": ("Niespełniające warunków formalnych", "Formally invalid"),
    "evaluated": (
        "Ocenione (co najmniej jedna uwzględniona ocena)",
        "Evaluated (a counted evaluation)",
    ),
    "ranked": ("Sklasyfikowane", "Ranked"),
    "awarded": ("Nagrodzone", "Awarded"),
    "jurors": ("Jurorzy", "Jurors"),
    "conflicts": ("Konflikty interesów (ocen)", "Conflicts of interest (evaluations)"),
    "violations": ("Naruszenia warunków formalnych", "Formal violations"),
    "decisions": ("Decyzje organizatora", "Organizer's decisions"),
    "decisions_applied": ("Decyzje zastosowane", "Decisions applied"),
    "generated_at": ("Wygenerowano", "Generated at"),
    "item": ("Pozycja", "Item"),
    "value": ("Wartość", "Value"),
    "ranking": ("Ranking", "Ranking"),
    "panel": (
        "Oceniający: uwzględnieni, wykluczeni, wyłączeni",
        "The panel: counted, excluded, recused",
    ),
    "formal": ("Naruszenia warunków formalnych i decyzje", "Formal violations and decisions"),
    "no_category": ("Bez kategorii", "Without a category"),
    "none": ("Brak.", "None."),
    "signatures": ("Podpisy", "Signatures"),
    "attest": (
        "Jury konkursu {contest}, edycja {edition}, zatwierdza wyniki i decyzje tego protokołu.",
        "The jury of {contest}, edition {edition}, approves the results and decisions above.",
    ),
    "chair": ("Przewodniczący(-a) jury", "Jury chair"),
    "members": ("Członkowie jury", "Jury members"),
    "place_date": ("Miejscowość i data", "Place and date"),
    "page": ("Strona {page}", "Page {page}"),
    "yes": ("tak", "yes"),
    "no": ("nie", "no"),
}


def text(key: str, language: str, **values: object) -> str:
    """The document's text for key in language."""
    polish, english = TEXTS[key]
    chosen = polish if language == "pl" else english
    return chosen.format(**values) if values else chosen


def code(value: object, language: str) -> object:
    """A code of the marts in words; anything else as given."""
    if not isinstance(value, str) or value not in CODES:
        return value
    polish, english = CODES[value]
    return polish if language == "pl" else english


def header(column: str, language: str) -> str:
    return column_label(column, language)


def check_language(language: str) -> str:
    """The language code, if the dashboards know it."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
    return language
