"""Organizer decisions (decisions.csv) through the real pipeline, on a small PCCA drop folder.

Seven entries of category CX (one client case, one real MP3 each), scored by three jurors
alike, in the order E1 > E3 > E2 > E5 > E7 > E4 > E6. By the formal checks alone E3, E4, E5
and E6 are invalid (a wrong contact direction and/or client type), so E1, E2 and E7 rank 1, 2
and 3. The decisions: E1 is disqualified; E3's direction violation is upheld, then overturned
on appeal; E4's direction is overturned but its client type still disqualifies; E5 gets an
exception for its client type; E6's direction is upheld. After them E3, E2, E5 and E7 rank
1 to 4, and E1 wins nothing. Six more rows cannot be applied and are ingest issues.
"""

import csv
from pathlib import Path

import duckdb
import pytest

from tests.pipeline.test_marts_small_drop import _csv, _mp3
from tests.pipeline.test_sponsor_privacy import names_found
from tests.warehouse_builds import build_warehouse

SEEDS = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "scoring"
EDITION = "PCCA-2026"
CATEGORY = "Customer experience"
JURORS = ("J1", "J2", "J3")
# entry: (direction, client type, score every juror gives on every criterion)
ENTRIES = {
    "E1": ("IN", "external", 10),
    "E2": ("OUT", "external", 8),
    "E3": ("SIDEWAYS", "external", 9),
    "E4": ("SIDEWAYS", "alien", 5),
    "E5": ("IN", "alien", 7),
    "E6": ("SIDEWAYS", "external", 4),
    "E7": ("IN", "external", 6),
}
DIRECTION = "PCCA_CONTACT_DIRECTION"
CLIENT_TYPE = "PCCA_CLIENT_TYPE"
DISQUALIFICATION = "Nagranie pochodzi z innego konkursu."
DECIDERS = ("Komisja Odwoławcza Testowa", "Organizator Testowy")
DECISIONS = [
    [
        "decision_id",
        "entry_id",
        "subject",
        "decision",
        "reason",
        "decided_by",
        "decided_at",
        "appeal_received_at",
    ],
    ["D1", "E1", "result", "disqualified", DISQUALIFICATION, DECIDERS[1], "2026-05-20", ""],
    ["D2", "E3", DIRECTION, "upheld", "Kierunek jest błędny.", DECIDERS[1], "2026-05-01", ""],
    # Written in lower case: the subject is a rule code however it is cased.
    [
        "D3",
        "E3",
        DIRECTION.lower(),
        "overturned",
        "Nagranie potwierdza kierunek OUT.",
        DECIDERS[0],
        "2026-06-01",
        "2026-05-05",
    ],
    ["D4", "E4", DIRECTION, "overturned", "Kierunek OUT.", DECIDERS[0], "2026-06-01", ""],
    ["D5", "E5", CLIENT_TYPE, "exception_granted", "Klient B2B.", DECIDERS[1], "2026-06-01", ""],
    ["D6", "E6", DIRECTION, "upheld", "Kierunek jest błędny.", DECIDERS[0], "2026-06-01", ""],
    # Not applicable, line 8 onwards.
    ["D7", "E7", "result", "disqualified", "", DECIDERS[1], "2026-06-01", ""],
    ["D8", "E99", "result", "disqualified", "Nie ma takiego.", DECIDERS[1], "2026-06-01", ""],
    ["D9", "E7", "PCCA_LANGUAGE", "overturned", "Język PL.", DECIDERS[1], "2026-06-01", ""],
    ["D10", "E6", DIRECTION, "pardoned", "Łaska.", DECIDERS[1], "2026-06-01", ""],
    ["D11", "E2", "result", "overturned", "Wynik zmieniony.", DECIDERS[1], "2026-06-01", ""],
    ["D12", "E2", "result", "upheld", "Wynik utrzymany.", DECIDERS[1], "32.13.2026", ""],
]


def _criteria() -> list[str]:
    """The built-in rubric's criteria a PCCA voice category is scored on in 2026."""
    with (SEEDS / "scoring_criteria.csv").open(encoding="utf-8") as handle:
        return [
            row["criterion_code"]
            for row in csv.DictReader(handle)
            if row["contest_code"] == "PCCA"
            and "voice" in row["interaction_forms"].split("|")
            and row["sales_only"] == "false"
            and int(row["valid_from_year"]) <= 2026
            and (not row["valid_to_year"] or int(row["valid_to_year"]) >= 2026)
        ]


def _drop_folder(root: Path) -> Path:
    edition = root / EDITION
    _csv(
        edition / "entries.csv",
        [["entry_id", "category", "participant_name", "organization", "submitted_at"]]
        + [
            [entry, CATEGORY, f"Uczestnik {entry}", f"Firma {entry}", "2026-03-01T10:00:00"]
            for entry in ENTRIES
        ],
    )
    _csv(
        edition / "cases.csv",
        [["entry_id", "case_no", "direction", "client_type", "language"]]
        + [
            [entry, "1", direction, client, "PL"]
            for entry, (direction, client, _) in ENTRIES.items()
        ],
    )
    _csv(
        edition / "files.csv",
        [["entry_id", "case_no", "interaction_no", "kind", "path"]]
        + [[entry, "1", "1", "", f"media/{entry}.mp3"] for entry in ENTRIES],
    )
    (edition / "media").mkdir()
    for number, entry in enumerate(ENTRIES):
        # Lengths differ so that no two recordings share their content.
        (edition / "media" / f"{entry}.mp3").write_bytes(_mp3(2.0 + number / 4))
    _csv(
        edition / "jurors.csv",
        [["juror_id", "juror_name", "organization"]]
        + [[juror, f"Sędzia {juror}", f"Jury {juror}"] for juror in JURORS],
    )
    _csv(
        edition / "scores.csv",
        [["entry_id", "juror_id", "criterion_code", "score"]]
        + [
            [entry, juror, criterion, str(score)]
            for entry, (_, _, score) in ENTRIES.items()
            for juror in JURORS
            for criterion in _criteria()
        ],
    )
    _csv(edition / "decisions.csv", DECISIONS)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("decisions")
    return build_warehouse(_drop_folder(root / "drop"), root / "warehouse")


@pytest.fixture(scope="module")
def marts(built):
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        yield con


def test_decisions_change_validity_as_they_say(marts):
    rows = dict(
        marts.execute(
            "select entry_id, is_formally_valid from marts.fct_entries order by entry_id"
        ).fetchall()
    )
    assert rows == {
        "E1": False,  # valid, disqualified
        "E2": True,
        "E3": True,  # its only error overturned on appeal
        "E4": False,  # one of its two errors overturned
        "E5": True,  # exception granted
        "E6": False,  # upheld
        "E7": True,  # every decision about it is invalid
    }


def test_decided_violations_stay_with_the_decision_beside_them(marts):
    rows = marts.execute(
        "select entry_id, rule_code, severity, decision_id, decision, is_waived "
        "from marts.fct_violations order by entry_id, rule_code"
    ).fetchall()
    assert rows == [
        ("E1", "DECISION_DISQUALIFIED", "error", "D1", "disqualified", False),
        ("E3", DIRECTION, "error", "D3", "overturned", True),
        ("E4", CLIENT_TYPE, "error", None, None, False),
        ("E4", DIRECTION, "error", "D4", "overturned", True),
        ("E5", CLIENT_TYPE, "error", "D5", "exception_granted", True),
        ("E6", DIRECTION, "error", "D6", "upheld", False),
    ]
    disqualification = marts.execute(
        "select message_pl, message_en, decision_reason, cast(decided_at as date)::varchar "
        "from marts.fct_violations where rule_code = 'DECISION_DISQUALIFIED'"
    ).fetchone()
    assert disqualification == (DISQUALIFICATION, DISQUALIFICATION, DISQUALIFICATION, "2026-05-20")


def test_ranks_and_awards_follow_the_decisions(marts):
    rows = marts.execute(
        "select entry_id, rank_in_category, award_level, not_ranked_reason "
        "from marts.fct_results order by entry_id"
    ).fetchall()
    assert rows == [
        ("E1", None, None, "not_formally_valid"),
        ("E2", 2, "second_place", None),
        ("E3", 1, "first_place", None),
        ("E4", None, None, "not_formally_valid"),
        ("E5", 3, "third_place", None),
        ("E6", None, None, "not_formally_valid"),
        ("E7", 4, None, None),
    ]


def test_every_decision_is_kept_with_validity_and_rank_before_and_after(marts):
    rows = marts.execute(
        "select decision_id, subject, is_applied, was_formally_valid, is_formally_valid, "
        "rank_before, rank_after from marts.fct_decisions order by decision_id"
    ).fetchall()
    by_id = {row[0]: row[1:] for row in rows}
    assert len(rows) == len(DECISIONS) - 1
    assert {row[0] for row in rows if row[2]} == {"D1", "D3", "D4", "D5", "D6"}
    assert by_id["D1"] == ("result", True, True, False, 1, None)
    assert by_id["D2"] == (DIRECTION, False, False, True, None, 1)
    assert by_id["D3"] == (DIRECTION, True, False, True, None, 1)
    assert by_id["D4"] == (DIRECTION, True, False, False, None, None)
    assert by_id["D5"] == (CLIENT_TYPE, True, False, True, None, 3)
    assert by_id["D6"] == (DIRECTION, True, False, False, None, None)
    assert by_id["D7"] == ("result", False, True, True, 3, 4)
    assert by_id["D8"] == ("result", False, None, None, None, None)
    assert by_id["D11"][:2] == ("result", False)
    (superseded,) = marts.execute(
        "select not_applied_reason from marts.fct_decisions where decision_id = 'D2'"
    ).fetchone()
    assert (
        superseded
        == "superseded by decision D3 (PCCA-2026/decisions.csv line 4, decided 2026-06-01)"
    )


def test_decisions_that_cannot_apply_are_ingest_issues_saying_why(marts):
    rows = marts.execute(
        "select source_row, entry_id, status, message from marts.fct_ingest_issues "
        "where source_table = 'decisions' order by source_row"
    ).fetchall()
    assert [row[:3] for row in rows] == [
        (8, "E7", "decision_reason_missing"),
        (9, "E99", "unknown_entry"),
        (10, "E7", "violation_not_found"),
        (11, "E6", "invalid_value"),
        (12, "E2", "decision_not_applicable"),
        (13, "E2", "invalid_date"),
    ]
    messages = {row[0]: row[3] for row in rows}
    assert messages[8].startswith(
        "PCCA-2026/decisions.csv line 8: decision D7 on entry E7 is not applied: "
    )
    assert "no reason is given" in messages[8]
    assert "no entry of PCCA 2026 has entry id 'E99'" in messages[9]
    assert "no violation of rule 'PCCA_LANGUAGE' (its violations: none)" in messages[10]
    assert "decision 'pardoned' is not one of: " in messages[11]
    assert "disqualified, exception_granted, overturned, upheld" in messages[11]
    assert "only an earlier disqualification of the entry can be overturned" in messages[12]
    assert "decided_at '32.13.2026' is not a date" in messages[13]


def test_who_decided_never_reaches_the_sponsor_file(built):
    with duckdb.connect(str(built.sponsor_warehouse), read_only=True) as con:
        assert names_found(con, set(DECIDERS)) == []
