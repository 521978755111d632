"""Polish and English labels of the dashboards: Polish first, as the contest documents."""

from dataclasses import dataclass
from functools import cache

from expectations.rules import load_rules

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

# Codes of the marts in words, (Polish, English); a code missing here is shown as written.
# A formal rule's code reads as its title (expectations/rules.yml).
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
    "missing_criterion": ("brak oceny kryterium", "criterion not scored"),
    "duplicate_juror": ("powtórzony juror", "duplicate juror"),
    "juror_without_id": ("juror bez identyfikatora", "juror without an id"),
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
    # fct_decisions.decision and subject, and the violation a disqualification adds
    "upheld": ("utrzymano", "upheld"),
    "overturned": ("uchylono", "overturned"),
    "exception_granted": ("przyznano wyjątek", "exception granted"),
    "disqualified": ("dyskwalifikacja", "disqualified"),
    "result": ("wynik", "result"),
    "DECISION_DISQUALIFIED": ("Dyskwalifikacja decyzją organizatora", "Disqualified by decision"),
    # fct_results.not_ranked_reason and result_source
    "unknown_category": ("nieznana kategoria", "unknown category"),
    "not_formally_valid": ("niespełnione warunki formalne", "not formally valid"),
    "no_scores": ("brak ocen", "no scores"),
    "too_few_jurors": ("za mało ocen", "too few jurors"),
    "not_in_published_results": ("brak w opublikowanych wynikach", "not in published results"),
    "computed": ("obliczony z ocen", "computed from the scores"),
    "published": ("opublikowany", "published"),
    # category_lineage.relation
    "same": ("bez zmian", "unchanged"),
    "renamed": ("zmiana nazwy", "renamed"),
    "split_into": ("podział", "split"),
    "dropped": ("zniesiona", "dropped"),
    "new": ("nowa", "new"),
    # fct_violations.severity
    "error": ("błąd", "error"),
    "warning": ("ostrzeżenie", "warning"),
    # fct_juror_severity.severity_label
    "harsh": ("surowy", "harsh"),
    "balanced": ("wyważony", "balanced"),
    "lenient": ("łagodny", "lenient"),
    # fct_medal_sensitivity.scenario_code
    "raw": ("wynik surowy", "raw score"),
    "normalized": ("wynik znormalizowany", "normalized score"),
    "without_juror": ("bez jednego jurora", "without one juror"),
    # The edition's scoring method: conflict_policy and score_unit
    "exclude": ("wykluczenie ocen", "scores excluded"),
    "count_and_flag": ("ocena uwzględniona i oznaczona", "counted and flagged"),
    "points": ("punkty", "points"),
    "percent": ("procent", "percent"),
    # fct_media.kind (probe_status labels: the statuses' file, _status_labels)
    "video": ("film", "video"),
    "document": ("dokument", "document"),
}

# Columns whose values are codes: tables show them in words (code_label).
CODED_COLUMNS = frozenset(
    {
        "rule",
        "severity",
        "severity_label",
        "decision",
        "subject",
        "conflict_source",
        "conflict_kind",
        "exclusion_reason",
        "not_ranked_reason",
        "result_source",
        "scenario_code",
        "conflict_policy",
        "score_unit",
        "kind",
        "probe_status",
        "panel_status",
        "relation",
    }
)

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
    "rule": ("reguła", "rule"),
    "rule_code": ("kod reguły", "rule code"),
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
    "size_band_name": ("wielkość organizacji", "organization size"),
    "size_band_code": ("kod wielkości organizacji", "organization size code"),
    "family_code": ("kod rodziny kategorii", "category family code"),
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
    "over_limit": ("powyżej limitu", "over the limit"),
    "detected_format": ("format", "format"),
    "probe_status": ("status odczytu", "probe status"),
    "relative_path": ("ścieżka", "path"),
    "submitted_at": ("data zgłoszenia", "submitted at"),
    "submitted_on": ("dzień zgłoszenia", "submitted on"),
    "country": ("kraj", "country"),
    "field": ("pole", "field"),
    "value": ("wartość", "value"),
    # Entry page
    "case_no": ("sprawa", "case"),
    "interaction_no": ("interakcja", "interaction"),
    "direction": ("kierunek kontaktu", "contact direction"),
    "client_type": ("typ klienta", "client type"),
    "language": ("język", "language"),
    "interactions": ("interakcje", "interactions"),
    "unreadable_files": ("pliki nieczytelne", "unreadable files"),
    "sequence_duration_seconds": ("czas ciągu rozmów [s]", "call sequence [s]"),
    "longest_recording_seconds": ("najdłuższe nagranie [s]", "longest recording [s]"),
    "is_duration_complete": ("czas znany w całości", "duration complete"),
    "kind": ("rodzaj pliku", "file kind"),
    "has_video": ("z obrazem", "has video"),
    "size_bytes": ("rozmiar [B]", "size [B]"),
    "probe_error": ("błąd odczytu", "probe error"),
    "files": ("pliki", "files"),
    "criterion_name": ("kryterium", "criterion"),
    "score_as_written": ("ocena, jak zapisano", "score as written"),
    "score": ("ocena", "score"),
    "is_excluded": ("wykluczona", "excluded"),
    "jurors_conflicted": ("jurorzy w konflikcie", "jurors in conflict"),
    "not_ranked_detail": ("szczegóły", "details"),
    "surcharge_due": ("dopłata", "surcharge"),
    # Participation
    "day_number": ("dzień naboru", "day of the call"),
    "cumulative_entries": ("zgłoszenia narastająco", "entries so far"),
    "cumulative_share": ("udział narastająco", "share so far"),
    "returning_organizations": ("powracające", "returning"),
    "new_organizations": ("nowe", "new"),
    "from_edition_year": ("edycja wcześniejsza", "earlier edition"),
    "to_edition_year": ("edycja późniejsza", "later edition"),
    # Scores
    "juror_severity": ("surowość", "severity"),
    "entries_scored": ("ocenione zgłoszenia", "entries scored"),
    "normalized_severity": ("surowość po normalizacji", "normalized severity"),
    "spread": ("rozrzut ocen", "spread"),
    "severity_label": ("ocena surowości", "severity label"),
    "evaluations_rejected": ("oceny odrzucone", "evaluations rejected"),
    "entries_rated": ("ocenione zgłoszenia", "entries rated"),
    "jurors": ("jurorzy", "jurors"),
    "krippendorff_alpha_raw": ("alfa Krippendorffa, wyniki surowe", "Krippendorff's alpha, raw"),
    "krippendorff_alpha_normalized": (
        "alfa Krippendorffa, wyniki znormalizowane",
        "Krippendorff's alpha, normalized",
    ),
    "scores_excluded": ("oceny wykluczone", "scores excluded"),
    "scenario_code": ("scenariusz", "scenario"),
    "left_out_juror_id": ("pominięty juror", "juror left out"),
    "podium": ("podium", "podium"),
    "official_podium": ("podium oficjalne", "official podium"),
    "podium_changed": ("zmiana podium", "podium changed"),
    "winner_changed": ("zmiana zwycięzcy", "winner changed"),
    "deviation": ("odchylenie", "deviation"),
    "evaluations": ("oceny", "evaluations"),
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
    """The header of a column in the given language, else the chosen one."""
    if column not in COLUMNS:
        return column
    polish, english = COLUMNS[column]
    return polish if (chosen or language()) == "pl" else english


@cache
def _rule_titles() -> dict[str, tuple[str, str]]:
    # Read once: the rules file does not change while the app runs.
    return {rule.rule_code: (rule.title_pl, rule.title_en) for rule in load_rules().rules}


@cache
def _status_labels() -> dict[str, tuple[str, str]]:
    # Imported here: the statuses' reader sits in the probe package, which pages need only
    # for these words.
    from ingest.media.statuses import probe_statuses

    return {status.code: (status.label_pl, status.label_en) for status in probe_statuses()}


def code_label(value: object, chosen: str | None = None) -> object:
    """A code of the marts (or a formal rule's code) in words of the given, else the chosen,
    language; anything else as given."""
    if not isinstance(value, str):
        return value
    words = CODES.get(value) or _status_labels().get(value) or _rule_titles().get(value)
    if words is None:
        return value
    polish, english = words
    return polish if (chosen or language()) == "pl" else english
