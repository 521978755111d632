"""Polish and English labels of the dashboards: Polish first, as the contest documents."""

from dataclasses import dataclass

import streamlit as st

LANGUAGES = {"pl": "Polski", "en": "English"}


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers and dates: Polish has a decimal comma."""

    decimal: str
    thousands: str
    date: str
    datetime: str


NUMBER_STYLES = {
    "pl": NumberStyle(decimal=",", thousands="\u00a0", date="%d.%m.%Y", datetime="%d.%m.%Y %H:%M"),
    "en": NumberStyle(decimal=".", thousands=",", date="%Y-%m-%d", datetime="%Y-%m-%d %H:%M"),
}
LANGUAGE_KEY = "language"

# Texts of the interface, (Polish, English).
TEXTS: dict[str, tuple[str, str]] = {
    "app_title": ("Podium — organizatorzy", "Podium — organizers"),
    "sponsor_title": ("Podium — sponsorzy", "Podium — sponsors"),
    "language": ("Język / Language", "Język / Language"),
    "filters": ("Filtry", "Filters"),
    "contest": ("Konkurs", "Contest"),
    "edition": ("Edycja", "Edition"),
    "category": ("Kategoria", "Category"),
    "all": ("Wszystkie", "All"),
    "download_csv": ("Pobierz CSV", "Download CSV"),
    "download_xlsx": ("Pobierz XLSX (Excel)", "Download XLSX (Excel)"),
    "no_rows": ("Brak wierszy dla wybranych filtrów.", "No rows for the chosen filters."),
    "page": ("Strona (z {pages})", "Page (of {pages})"),
    "rows_of": ("Wiersze {first}-{last} z {total}", "Rows {first}-{last} of {total}"),
    "missing_table": (
        "Tabela {table} nie jest jeszcze w opublikowanej hurtowni: ta sekcja pojawi się, "
        "gdy zostanie zbudowana.",
        "Table {table} is not in the published warehouse yet: this section appears once it "
        "is built.",
    ),
    "no_warehouse": (
        "Nie opublikowano jeszcze hurtowni {path}. Uruchom `make build`.",
        "No warehouse has been published at {path} yet. Run `make build`.",
    ),
    "category_not_applied": (
        "Filtr kategorii nie dotyczy tej tabeli.",
        "The category filter does not apply to this table.",
    ),
    "password": ("Hasło organizatora", "Organizer password"),
    "wrong_password": ("Nieprawidłowe hasło.", "Wrong password."),
    # Pages
    "page_participation": ("Udział", "Participation"),
    "page_formal": ("Kontrola formalna", "Formal check"),
    "page_scores": ("Oceny i wyniki", "Scores and results"),
    "page_entry": ("Zgłoszenie", "Entry"),
    # Participation
    "entries": ("Zgłoszenia", "Entries"),
    "participants": ("Uczestnicy", "Participants"),
    "organizations": ("Organizacje", "Organizations"),
    "by_edition": ("Zgłoszenia według edycji", "Entries by edition"),
    "by_category": ("Zgłoszenia według kategorii", "Entries by category"),
    "by_family": ("Zgłoszenia według rodziny kategorii", "Entries by category family"),
    "lineage": (
        "2024 a 2026: rodowód kategorii",
        "2024 vs 2026 through the category lineage",
    ),
    "timeline": ("Harmonogram zgłoszeń", "Submission timeline"),
    "returning": ("Powracające organizacje", "Returning organizations"),
    "returning_orgs": ("Powracające", "Returning"),
    "new_orgs": ("Nowe", "New"),
    # Formal check
    "violations_by_rule": (
        "Naruszenia według reguły i kategorii",
        "Violations by rule and category",
    ),
    "violations": ("Naruszenia", "Violations"),
    "invalid_entries": ("Zgłoszenia niespełniające warunków", "Formally invalid entries"),
    "invalid_count": ("Niespełniające warunków", "Formally invalid"),
    "surcharges": ("Dopłaty", "Surcharges due"),
    "surcharge_count": ("Z dopłatą", "With a surcharge"),
    "durations": (
        "Czas trwania nagrań a limit 20 minut",
        "Recording durations against the 20-minute limit",
    ),
    "minutes": ("minuty", "minutes"),
    "recordings": ("Nagrania", "Recordings"),
    "over_limit": ("Powyżej 20 min", "Over 20 min"),
    "over_limit_calls": ("Nagrania powyżej limitu 20 minut", "Recordings over the 20-minute limit"),
    "download_all_recordings": (
        "Pobierz CSV wszystkich nagrań",
        "Download CSV of every recording",
    ),
    "limit_20": ("limit 20 min", "20-min limit"),
    "data_docs": ("Raport Great Expectations (Data Docs)", "Great Expectations Data Docs"),
    "data_docs_missing": (
        "Raport Data Docs nie został jeszcze wygenerowany w {path}.",
        "The Data Docs have not been generated at {path} yet.",
    ),
    "media_status": ("Pliki według statusu odczytu", "Files by probe status"),
    "decided_violations": (
        "Decyzje organizatora i odwołania",
        "Organizer decisions and appeals",
    ),
    "overturned_count": ("Naruszenia uchylone w odwołaniu", "Violations overturned"),
    "excepted_count": ("Naruszenia objęte wyjątkiem", "Violations excepted"),
    "upheld_count": ("Naruszenia utrzymane", "Violations upheld"),
    "disqualified_count": ("Dyskwalifikacje", "Disqualifications"),
    "not_applied_count": ("Decyzje niezastosowane", "Decisions not applied"),
    # Scores
    "leaderboard": ("Ranking w kategoriach", "Leaderboards per category"),
    "ranked": ("Sklasyfikowane", "Ranked"),
    "awarded": ("Nagrodzone", "Awarded"),
    "top_places": ("Miejsca pokazane w każdej kategorii", "Places shown per category"),
    "top_note": (
        "Miejsca 1-{top} według wyniku znormalizowanego lub surowego; pełny ranking jest w CSV.",
        "Places 1-{top} by normalized or raw score; the CSV holds the full leaderboard.",
    ),
    "raw_vs_normalized": (
        "Wynik surowy a znormalizowany",
        "Raw vs normalized score",
    ),
    "severity": ("Surowość jurorów", "Juror severity"),
    "agreement": ("Zgodność jurorów", "Juror agreement"),
    "conflicts": ("Wyłączone konflikty interesów", "Conflicts of interest excluded"),
    "jury_violations": ("Naruszenia zasad oceny", "Jury rule violations"),
    "sensitivity": ("Wrażliwość podium", "Medal sensitivity"),
    "not_ranked": ("Niesklasyfikowane", "Not ranked"),
    "conflict_bias": ("Stronniczość w konflikcie interesów", "Conflict bias"),
    "conflict_bias_note": (
        "Odchylenie: suma jurora dla zgłoszenia minus średnia suma pozostałych uwzględnionych "
        "jurorów, w jednostkach edycji (punkty lub procent); średnia po ocenach w konflikcie "
        "(wykluczonych lub uwzględnionych) i po pozostałych.",
        "Deviation: a juror's total for the entry minus the mean total of the entry's other "
        "counted jurors, in the edition's units (points or percent); averaged over conflicted "
        "evaluations (excluded or counted) and over the others.",
    ),
    "conflict_bias_jurors": ("Jurorzy w konflikcie interesów", "Jurors with conflicts"),
    "protocol": ("Protokół z prac jury", "Jury protocol"),
    "protocol_note": (
        "Protokół {edition}: ranking, oceniający, naruszenia formalne i decyzje każdej "
        "kategorii. PDF do podpisu: `make protocol`.",
        "The protocol of {edition}: each category's ranking, panel, formal violations and "
        "decisions. The PDF for signing: `make protocol`.",
    ),
    "protocol_choose_edition": (
        "Wybierz konkurs i edycję w panelu bocznym, aby pobrać ich protokół.",
        "Choose a contest and an edition in the sidebar to download their protocol.",
    ),
    # Entry
    "choose_entry": ("Wybierz zgłoszenie", "Choose an entry"),
    "search_entry": (
        "Szukaj: numer zgłoszenia, organizacja lub kategoria",
        "Search: entry id, organization or category",
    ),
    "matches_limited": (
        "Pokazano pierwsze {shown} z {total} pasujących zgłoszeń: zawęź wyszukiwanie.",
        "Showing the first {shown} of {total} matching entries: narrow the search.",
    ),
    "entry_details": ("Zgłoszenie", "Entry"),
    "cases": ("Sprawy klienckie", "Client cases"),
    "files": ("Pliki i pomiary", "Files and measurements"),
    "scores": ("Oceny", "Scores"),
    "result": ("Wynik", "Result"),
    "no_entries": ("Brak zgłoszeń dla wybranych filtrów.", "No entries for the chosen filters."),
    "file_missing": (
        "Pliku nie ma w folderze zgłoszeń: {path}",
        "The file is not in the drop folder: {path}",
    ),
    "file_outside": (
        "Ścieżka wychodzi poza folder edycji i nie zostanie otwarta: {path}",
        "The path leads outside the edition folder and is not opened: {path}",
    ),
    "open_pdf": ("Otwórz PDF", "Open the PDF"),
    "entry_conflicts": ("Konflikty interesów jurorów", "Jurors' conflicts of interest"),
    "entry_decisions": ("Decyzje organizatora", "Organizer decisions"),
    # Sponsors
    "sponsor_note": (
        "Tylko dane zbiorcze; liczby poniżej 3 są ukryte.",
        "Aggregates only; counts under 3 are suppressed.",
    ),
    "by_size_band": ("Zgłoszenia według wielkości organizacji", "Entries by organization size"),
    "other_tables": ("Inne zestawienia", "Other aggregates"),
}

# Column headers shown in tables, (Polish, English); unknown columns keep their names.
COLUMNS: dict[str, tuple[str, str]] = {
    "contest_code": ("konkurs", "contest"),
    "edition_year": ("edycja", "edition"),
    "category_code": ("kod kategorii", "category code"),
    "category_name": ("kategoria", "category"),
    "family_name": ("rodzina kategorii", "category family"),
    "entries": ("zgłoszenia", "entries"),
    "participants": ("uczestnicy", "participants"),
    "organizations": ("organizacje", "organizations"),
    "entry_id": ("numer zgłoszenia", "entry id"),
    "organization_name": ("organizacja", "organization"),
    "participant_name": ("uczestnik", "participant"),
    "rule_code": ("reguła", "rule"),
    "severity": ("waga naruszenia", "severity"),
    "observed_value": ("wartość stwierdzona", "observed"),
    "limit_value": ("limit", "limit"),
    "message": ("uzasadnienie", "reason"),
    "violations": ("naruszenia", "violations"),
    "surcharge_minutes": ("minuty dopłaty", "surcharge minutes"),
    "rank_in_category": ("miejsce", "rank"),
    "award_level": ("nagroda", "award"),
    "raw_score": ("wynik surowy", "raw score"),
    "normalized_score": ("wynik znormalizowany", "normalized score"),
    "official_score": ("wynik oficjalny", "official score"),
    "result_source": ("źródło wyniku", "result source"),
    "raw_rank_in_category": ("miejsce wg wyniku surowego", "raw rank"),
    "raw_award_level": ("nagroda wg wyniku surowego", "raw award"),
    "jurors_counted": ("liczba jurorów", "jurors counted"),
    "juror_name": ("juror", "juror"),
    "reason": ("uzasadnienie", "reason"),
    "is_suppressed": ("ukryte (mała liczba)", "suppressed (small count)"),
    "size_band": ("wielkość organizacji", "organization size"),
    "is_returning": ("powracająca", "returning"),
    "relation": ("relacja", "relation"),
    "from_category": ("kategoria wcześniejsza", "earlier category"),
    "to_category": ("kategoria późniejsza", "later category"),
    "from_entries": ("zgłoszenia wcześniej", "entries before"),
    "to_entries": ("zgłoszenia później", "entries after"),
    "duration_seconds": ("czas trwania [s]", "duration [s]"),
    "recordings": ("nagrania", "recordings"),
    "median_seconds": ("mediana [s]", "median [s]"),
    "p95_seconds": ("95. percentyl [s]", "95th percentile [s]"),
    "max_seconds": ("najdłuższe [s]", "longest [s]"),
    "over_limit": ("powyżej 20 min", "over 20 min"),
    "detected_format": ("format", "format"),
    "probe_status": ("status odczytu", "probe status"),
    "relative_path": ("ścieżka", "path"),
    "submitted_at": ("data zgłoszenia", "submitted at"),
    # Jury protocol and conflict bias
    "juror_id": ("identyfikator jurora", "juror id"),
    "panel_status": ("status oceny", "evaluation"),
    "exclusion_reason": ("powód", "why"),
    "conflict_source": ("źródło konfliktu", "conflict source"),
    "conflict_kind": ("rodzaj konfliktu", "conflict kind"),
    "trimmed_criteria": ("pominięta jako skrajna w kryteriach", "trimmed on criteria"),
    "not_ranked_reason": ("powód braku miejsca", "why not ranked"),
    "decision_id": ("numer decyzji", "decision id"),
    "subject": ("przedmiot", "subject"),
    "decision": ("decyzja", "decision"),
    "decision_reason": ("uzasadnienie decyzji", "decision's reason"),
    "decided_by": ("decyzję podjął", "decided by"),
    "decided_at": ("data decyzji", "decided at"),
    "appeal_received_at": ("wpływ odwołania", "appeal received"),
    "is_applied": ("zastosowana", "applied"),
    "not_applied_reason": ("powód niezastosowania", "why not applied"),
    "was_formally_valid": ("spełniało warunki przed", "valid before"),
    "is_formally_valid": ("spełnia warunki formalne", "formally valid"),
    "rank_before": ("miejsce przed", "rank before"),
    "rank_after": ("miejsce po", "rank after"),
    "is_waived": ("naruszenie uchylone", "waived"),
    "sheet": ("arkusz", "sheet"),
    "aggregation": ("agregacja", "aggregation"),
    "trim_highest": ("pomijane najwyższe", "highest trimmed"),
    "trim_lowest": ("pomijane najniższe", "lowest trimmed"),
    "decimals": ("miejsca po przecinku", "decimals"),
    "rounding": ("zaokrąglanie", "rounding"),
    "total": ("jednostka wyniku", "total in"),
    "normalization": ("normalizacja", "normalization"),
    "conflict_policy": ("zasada konfliktu interesów", "conflict policy"),
    "min_evaluations": ("najmniej ocen", "minimum evaluations"),
    "former_employer_years": ("lata od byłego pracodawcy", "former employer years"),
    "score_unit": ("jednostka", "unit"),
    "conflicted_evaluations": ("oceny w konflikcie", "conflicted evaluations"),
    "mean_deviation": ("średnie odchylenie w konflikcie", "mean deviation, conflicted"),
    "other_evaluations": ("pozostałe oceny", "other evaluations"),
    "other_mean_deviation": ("średnie odchylenie pozostałych", "mean deviation, others"),
    "other_mean_abs_deviation": (
        "typowa odległość pozostałych od panelu",
        "others' typical distance from the panel",
    ),
    "conflict_deviation": ("odchylenie w konflikcie", "conflict deviation"),
    "conflicts_excluded": ("wykluczone za konflikt", "excluded for conflicts"),
}


def language() -> str:
    """The chosen language code, Polish until the switch says otherwise."""
    chosen = st.session_state.get(LANGUAGE_KEY, "pl")
    return chosen if chosen in LANGUAGES else "pl"


def t(key: str, **values: object) -> str:
    """The text for key in the chosen language."""
    polish, english = TEXTS[key]
    text = polish if language() == "pl" else english
    return text.format(**values) if values else text


def column_label(column: str, chosen: str | None = None) -> str:
    """The header of a column in the given language, else the chosen one."""
    if column not in COLUMNS:
        return column
    polish, english = COLUMNS[column]
    return polish if (chosen or language()) == "pl" else english
