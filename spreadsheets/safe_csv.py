"""CSV downloads that a spreadsheet cannot mistake for formulas (CSV injection).

Entrants write category, organization and essay text themselves; a cell starting with
`=`, `+`, `-` or `@` would run as a formula when an organizer opens the file in Excel or
LibreOffice, so such text cells get a leading apostrophe. Numbers stay numbers.
"""

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_cell(value: object) -> object:
    """The value, with a text that a spreadsheet would read as a formula made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_safe_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with a BOM, so Excel reads Polish letters) of frame, formulas neutralised."""
    safe = frame.copy()
    safe.columns = [neutralize_cell(str(column)) for column in safe.columns]
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralize_cell)
    return safe.to_csv(index=False).encode("utf-8-sig")
