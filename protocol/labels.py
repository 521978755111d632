"""Words of the protocol document in Polish and English. Column headers are the dashboards'
(dashboards.i18n), so a table reads the same on screen and on paper."""

from dashboards.i18n import LANGUAGES, column_label

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

# Codes of the marts in words, (Polish, English); a code missing here is shown as written.
CODES: dict[str, tuple[str, str]] = {
    # How an evaluation (one juror's scores of one entry) entered the result.
    "counted": ("uwzględniona", "counted"),
    "trimmed": ("pominięta jako skrajna", "trimmed"),
    "excluded": ("wykluczona", "excluded"),
    "recused": ("wyłączenie (konflikt interesów)", "recused (conflict of interest)"),
    # fct_scores.exclusion_reason and fct_jury_violations.rule_code
    "unknown_entry": ("nieznane zgłoszenie", "unknown entry"),
    "unknown_juror": ("nieznany juror", "unknown juror"),
    "conflict_of_interest": ("konflikt interesów", "conflict of interest"),
    "conflict_of_interest_counted": (
        "konflikt interesów (ocena uwzględniona)",
        "conflict of interest (score counted)",
    ),
    "entry_category_unknown": ("nieznana kategoria zgłoszenia", "entry's category unknown"),
    "unknown_criterion": ("nieznane kryterium", "unknown criterion"),
    "criterion_not_applicable": ("kryterium nie dotyczy kategorii", "criterion not applicable"),
    "score_not_a_number": ("ocena nie jest liczbą", "score not a number"),
    "score_out_of_scale": ("ocena poza skalą", "score out of scale"),
    "score_off_scale_step": ("ocena poza krokiem skali", "score off the scale's step"),
    "duplicate_score": ("powtórzona ocena", "duplicate score"),
    "incomplete_evaluation": ("niepełna ocena", "incomplete evaluation"),
    # conflict_source and conflict_kind
    "detected": ("wykryty", "detected"),
    "declared": ("zgłoszony", "declared"),
    "same_organization": ("ta sama organizacja", "same organization"),
    "former_employer": ("były pracodawca", "former employer"),
    "professional": ("zawodowy", "professional"),
    "personal": ("osobisty", "personal"),
    "trainer": ("szkolił(a) uczestnika", "trained the participant"),
    "financial": ("finansowy", "financial"),
    "opt_out": ("rezygnacja z oceny", "opt-out"),
    "other": ("inny", "other"),
    # fct_decisions.decision
    "upheld": ("utrzymano", "upheld"),
    "overturned": ("uchylono", "overturned"),
    "exception_granted": ("przyznano wyjątek", "exception granted"),
    "disqualified": ("dyskwalifikacja", "disqualified"),
    "result": ("wynik", "result"),
    # fct_results.not_ranked_reason
    "unknown_category": ("nieznana kategoria", "unknown category"),
    "not_formally_valid": ("niespełnione warunki formalne", "not formally valid"),
    "no_scores": ("brak ocen", "no scores"),
    "too_few_jurors": ("za mało ocen", "too few jurors"),
    "not_in_published_results": ("brak w opublikowanych wynikach", "not in published results"),
    # fct_violations.severity
    "error": ("błąd", "error"),
    "warning": ("ostrzeżenie", "warning"),
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
