"""The probe statuses are stated once, in dbt_project/seeds/media/probe_statuses.csv: the
probe, the formal checks, the dashboards' labels and dbt's tests all follow that file."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from docs import generate_statuses
from expectations.rules import RULES_FILE, load_rules
from ingest.media import record, statuses
from vocabulary import words

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "dbt_project" / "models"


def _file_codes(set_by: str | None = None) -> set[str]:
    return {s.code for s in statuses.read_statuses() if set_by in (None, s.set_by)}


def _probe_status_columns() -> Iterator[tuple[str, dict]]:
    """Every probe_status column that a dbt yml file of the models describes."""
    for path in sorted(MODELS.rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for model in document.get("models", []):
            for column in model.get("columns", []):
                if column["name"] == "probe_status":
                    yield model["name"], column


@pytest.fixture
def clear_caches() -> Iterator[None]:
    def clear() -> None:
        statuses.probe_statuses.cache_clear()
        words._status_labels.cache_clear()

    clear()
    yield
    clear()


def test_the_probe_sets_exactly_the_files_probe_statuses():
    constants = {
        value
        for name, value in vars(record).items()
        if name.isupper() and isinstance(value, str) and name != "PROBE_BUG"
    }
    assert constants == set(record.PROBE_STATUSES) == _file_codes("probe")


def test_dbt_accepts_exactly_the_files_statuses():
    checked = {}
    for model, column in _probe_status_columns():
        for test in column.get("data_tests", []):
            assert "accepted_values" not in test, f"{model} lists probe statuses again"
            if "accepted_values_from_seed" in test:
                checked[model] = test["accepted_values_from_seed"]["arguments"]
    assert {"stg_raw__media", "fct_media"} <= set(checked)
    for arguments in checked.values():
        assert arguments == {"seed": "ref('probe_statuses')", "seed_column": "probe_status"}


def test_the_file_rules_take_their_value_sets_from_the_file():
    document = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    file_rules = [r for r in document["rules"] if r["column"] == "probe_status"]
    assert file_rules
    assert all(r["params"] == {"value_set_from": "probe_statuses"} for r in file_rules)
    book = load_rules()
    flagged: dict[str, set[str]] = {}
    for entry in file_rules:
        rule = book.rule(entry["rule_code"])
        value_set = set(rule.params["value_set"])
        passing = value_set if rule.expectation == "in_set" else _file_codes() - value_set
        flagged[rule.rule_code] = _file_codes() - passing
    # Each status but ok breaks exactly the one rule the file names for it.
    for status in statuses.read_statuses():
        breaks = {code for code, codes in flagged.items() if status.code in codes}
        assert breaks == ({status.formal_rule} if status.formal_rule else set()), status.code


def test_the_dashboards_label_every_status_from_the_file_and_nowhere_else(clear_caches):
    assert not set(words.CODES) & _file_codes(), "a status's words are restated in CODES"
    for status in statuses.read_statuses():
        assert words.code_label(status.code, "pl") == status.label_pl
        assert words.code_label(status.code, "en") == status.label_en


def test_a_status_added_or_relabelled_in_a_copy_of_the_file_is_followed(
    tmp_path, monkeypatch, clear_caches
):
    text = statuses.STATUSES_FILE.read_text(encoding="utf-8")
    text = text.replace(",uszkodzony,corrupt,", ",zepsuty,broken,")
    text += "quarantined,probe,FILE_MISSING,w kwarantannie,quarantined,odizolowany,set aside\n"
    copy = tmp_path / "probe_statuses.csv"
    copy.write_text(text, encoding="utf-8")
    monkeypatch.setattr(statuses, "STATUSES_FILE", copy)

    assert statuses.status_code("quarantined") == "quarantined"
    assert (words.code_label("quarantined", "pl"), words.code_label("corrupt", "en")) == (
        "w kwarantannie",
        "broken",
    )
    book = load_rules()
    assert "quarantined" in book.rule("FILE_MISSING").params["value_set"]
    # FILE_UNREADABLE lets through every status of another rule, the new one too.
    assert "quarantined" in book.rule("FILE_UNREADABLE").params["value_set"]
    assert "corrupt" not in book.rule("FILE_UNREADABLE").params["value_set"]


def test_a_status_listed_twice_or_of_an_unknown_origin_is_refused(tmp_path):
    lines = statuses.STATUSES_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    twice = tmp_path / "twice.csv"
    twice.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    with pytest.raises(ValueError, match="more than once: ok"):
        statuses.read_statuses(twice)
    unknown = tmp_path / "unknown.csv"
    unknown.write_text(lines[0] + "odd,dbt,,a,a,a,a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="set_by"):
        statuses.read_statuses(unknown)
    with pytest.raises(ValueError, match="no probe status 'renamed'"):
        statuses.status_code("renamed")


def test_the_readme_table_is_the_generated_one():
    current = generate_statuses.README.read_text(encoding="utf-8")
    assert generate_statuses.refreshed(current) == current, "run make analyst-docs"
    assert "| `corrupt` |" in generate_statuses.statuses_markdown()
