"""What a reader returns: a header, rows with the line each starts on, and findings."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """A problem a reader found: status, message, and the line it concerns (None: the file)."""

    status: str
    message: str
    row: int | None = None


@dataclass
class RawRows:
    """Cells as text, each row with the line (CSV) or sheet row (XLSX) it starts on."""

    header: list[str]
    rows: list[list[str | None]]
    lines: list[int]
    findings: list[Finding] = field(default_factory=list)
