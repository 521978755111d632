"""Numbers and dates on the pages are written the chosen language's way; cells keep values."""

import datetime as dt

import pandas as pd

from dashboards.ui import styled


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "edition_year": [2026, 2024],
            "official_score": [81.255, 1234.5],
            "submitted_on": [dt.date(2026, 3, 1), None],
            "validated_at": pd.to_datetime(["2026-03-01 12:30", None]),
            "entry_id": ["P-1", "P-2"],
        }
    )


def test_polish_writes_a_decimal_comma_and_day_first_dates():
    text = styled(_frame(), "pl").to_string()
    assert "81,26" in text or "81,25" in text
    assert "1\u00a0234,50" in text
    assert "01.03.2026" in text and "01.03.2026 12:30" in text
    assert "2026" in text and "2\u00a0026" not in text


def test_english_writes_a_decimal_point_and_iso_dates():
    text = styled(_frame(), "en").to_string()
    assert "1,234.50" in text
    assert "2026-03-01" in text and "2026-03-01 12:30" in text


def test_styling_keeps_the_values_for_sorting():
    frame = _frame()
    assert styled(frame, "pl").data["official_score"].tolist() == [81.255, 1234.5]
