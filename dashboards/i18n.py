"""The dashboards' own words in Polish and English, and the language a session chose; the
warehouse's codes and columns in words are the shared vocabulary (vocabulary/words.py)."""

from dataclasses import dataclass

from vocabulary import words
from vocabulary.words import LANGUAGES


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
    "no_category": ("bez kategorii", "no category"),
    "all": ("Wszystkie", "All"),
    "download_csv": ("Pobierz CSV", "Download CSV"),
    "download_xlsx": ("Pobierz XLSX (Excel)", "Download XLSX (Excel)"),
    "download_pdf": ("Pobierz PDF do podpisu", "Download PDF for signing"),
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
    # Accounts (dashboards/signin.py)
    "sign_in": ("Logowanie", "Sign in"),
    "username": ("Nazwa użytkownika", "Username"),
    "account_password": ("Hasło", "Password"),
    "sign_in_button": ("Zaloguj", "Sign in"),
    "sign_out": ("Wyloguj", "Sign out"),
    "signed_in_as": ("Zalogowano: {name} ({role})", "Signed in: {name} ({role})"),
    "signed_out": ("Wylogowano.", "Signed out."),
    "role_organizer": ("organizator", "organizer"),
    "role_jury_chair": ("przewodniczący jury", "jury chair"),
    "wrong_login": (
        "Nieprawidłowa nazwa użytkownika lub hasło.",
        "Wrong username or password.",
    ),
    "account_locked": (
        "Konto jest zablokowane: {attempts} nieudanych prób logowania z rzędu blokuje je na "
        "{minutes} min. Spróbuj później.",
        "This account is locked: {attempts} failed sign-ins in a row lock it for {minutes} "
        "minutes. Try again later.",
    ),
    "account_removed": (
        "Tego konta nie ma już w pliku użytkowników: zaloguj się ponownie.",
        "This account is no longer in the users file: sign in again.",
    ),
    "accounts_unusable": (
        "Nie można użyć pliku kont (PODIUM_USERS), więc dane nie są pokazywane: {reason}",
        "The accounts file (PODIUM_USERS) cannot be used, so no data is shown: {reason}",
    ),
    "lockout_unusable": (
        "Nie można zapisać nieudanych logowań w {path}, więc dane nie są pokazywane: {reason}",
        "Failed sign-ins cannot be recorded in {path}, so no data is shown: {reason}",
    ),
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
        "Czas trwania nagrań a limit {minutes} min",
        "Recording durations against the {minutes}-minute limit",
    ),
    "durations_no_limit": ("Czas trwania nagrań", "Recording durations"),
    "minutes": ("minuty", "minutes"),
    "recordings": ("Nagrania", "Recordings"),
    "over_limit": ("Powyżej {minutes} min", "Over {minutes} min"),
    "over_limit_calls": (
        "Nagrania powyżej limitu {minutes} min",
        "Recordings over the {minutes}-minute limit",
    ),
    "limits_differ": (
        "Nagrania mają różne limity czasu (limit i liczba nagrań): {limits}. Każde "
        "nagranie porównano z limitem kategorii swojego zgłoszenia; nagłówki podają najczęstszy.",
        "The recordings have different time limits (limit and number of recordings): "
        "{limits}. Each recording is compared with its entry's category's limit; the headings "
        "give the most common one.",
    ),
    "download_all_recordings": (
        "Pobierz CSV wszystkich nagrań",
        "Download CSV of every recording",
    ),
    "limit_minutes": ("limit {minutes} min", "{minutes}-min limit"),
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
    "yes": ("tak", "yes"),
    "no": ("nie", "no"),
    "category_unrecognised": ("nierozpoznana: „{written}”", "not recognised: “{written}”"),
    "surcharge_of": ("tak, {minutes} min", "yes, {minutes} min"),
    "no_result": ("Zgłoszenie nie ma wyniku.", "The entry has no result."),
    "for_analysts": ("Dla analityków: klucze i kolumny źródłowe", "For analysts: keys and sources"),
    "link_not_found": (
        "Link prowadzi do zgłoszenia {link}, którego nie ma w hurtowni.",
        "The link leads to entry {link}, which is not in the warehouse.",
    ),
    "link_note": (
        "Link do tego zgłoszenia: [{link}]({url}). Tabele z listą zgłoszeń prowadzą tutaj "
        "przez numer zgłoszenia.",
        "A link to this entry: [{link}]({url}). Tables listing entries lead here through the "
        "entry id.",
    ),
    # Sponsors
    "sponsor_note": (
        "Tylko dane zbiorcze; liczby poniżej 3 są ukryte.",
        "Aggregates only; counts under 3 are suppressed.",
    ),
    "by_size_band": ("Zgłoszenia według wielkości organizacji", "Entries by organization size"),
    "other_tables": ("Inne zestawienia", "Other aggregates"),
}


def language() -> str:
    """The chosen language code, Polish until the switch says otherwise."""
    # Imported here: the CLI and the protocol read the texts with no page, and importing
    # Streamlit costs a second of every `podium` command.
    import streamlit as st

    chosen = st.session_state.get(LANGUAGE_KEY, "pl")
    return chosen if chosen in LANGUAGES else "pl"


def t(key: str, **values: object) -> str:
    """The text for key in the chosen language."""
    polish, english = TEXTS[key]
    text = polish if language() == "pl" else english
    return text.format(**values) if values else text


def column_label(column: str, chosen: str | None = None) -> str:
    """The header of a column in the given language, else the session's."""
    return words.column_label(column, chosen or language())


def code_label(value: object, chosen: str | None = None) -> object:
    """A code of the marts in words of the given language, else the session's."""
    return words.code_label(value, chosen or language())
