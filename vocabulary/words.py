"""The warehouse's codes and columns in Polish and English: Polish first, as the contest
documents. One vocabulary for every place a person reads them: the dashboards, the jury
protocol and `podium check`."""

from functools import cache

from expectations.rules import load_rules

LANGUAGES = {"pl": "Polski", "en": "English"}

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


def column_label(column: str, language: str) -> str:
    """The header of a column in the language; unknown columns keep their names."""
    if column not in COLUMNS:
        return column
    polish, english = COLUMNS[column]
    return polish if language == "pl" else english


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


def code_label(value: object, language: str) -> object:
    """A code of the marts (or a formal rule's code) in words of the language; anything else
    as given."""
    if not isinstance(value, str):
        return value
    words = CODES.get(value) or _status_labels().get(value) or _rule_titles().get(value)
    if words is None:
        return value
    polish, english = words
    return polish if language == "pl" else english
