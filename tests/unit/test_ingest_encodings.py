"""CSV encodings told apart: the same names arrive identical from every encoding organizers use."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ingest.contract import ENTRIES
from ingest.drop_folder import discover_editions
from ingest.readers.encodings import ENCODING_STATUSES, decode
from ingest.tables import TableRead, read_table

ROOT = Path(__file__).resolve().parents[2]
HEADER = "entry_id,category,participant_name,organization,submitted_at\n"
POLISH = ("Zażółć gęślą jaźń", "Łódź", "Świętokrzyska Ściana Źródeł", "Ąśź ĄŚŹ")
# Cyrillic is in none of the single-byte code pages Polish files come in (Windows-1250,
# ISO-8859-2 and Mac Central European are Latin alphabets only): Ukrainian names can arrive in
# UTF-8 and UTF-16 alone, so only those are tried with them.
UKRAINIAN = ("Олена Шевченко", "Київстар", "Ґанна Їжакевич", "Євген Під'ячий")

UNICODE = [  # (how the bytes are written, the statuses reading them reports)
    pytest.param(lambda text: text.encode("utf-8"), [], id="utf-8"),
    pytest.param(lambda text: text.encode("utf-8-sig"), ["byte_order_mark"], id="utf-8-bom"),
    pytest.param(
        lambda text: b"\xff\xfe" + text.encode("utf-16-le"), ["utf16_encoding"], id="utf-16-le-bom"
    ),
    pytest.param(
        lambda text: b"\xfe\xff" + text.encode("utf-16-be"), ["utf16_encoding"], id="utf-16-be-bom"
    ),
    pytest.param(lambda text: text.encode("utf-16-le"), ["utf16_encoding"], id="utf-16-le"),
    pytest.param(lambda text: text.encode("utf-16-be"), ["utf16_encoding"], id="utf-16-be"),
]
SINGLE_BYTE = [
    pytest.param("cp1250", "windows_1250_encoding", id="windows-1250"),
    pytest.param("iso-8859-2", "iso_8859_2_encoding", id="iso-8859-2"),
    pytest.param("mac_latin2", "mac_central_european_encoding", id="mac-central-european"),
]


def _csv(names: tuple[str, ...]) -> str:
    rows = (f"E{n},Sprzedaż,{name},Bank Północny,2026-03-0{n}\n" for n, name in enumerate(names, 1))
    return HEADER + "".join(rows)


def _read(tmp_path: Path, data: bytes) -> TableRead:
    folder = tmp_path / "ENC-2026"
    folder.mkdir()
    (folder / "entries.csv").write_bytes(data)
    (edition,) = discover_editions(tmp_path)
    return read_table(edition, ENTRIES)


def _arrived(read: TableRead) -> list[str]:
    return read.frame["participant_name"].to_list()


@pytest.mark.parametrize(("write", "statuses"), UNICODE)
def test_polish_and_ukrainian_names_arrive_identical_from_unicode(tmp_path, write, statuses):
    names = POLISH + UKRAINIAN
    read = _read(tmp_path, write(_csv(names)))
    assert _arrived(read) == list(names)
    assert read.frame["organization"].unique().to_list() == ["Bank Północny"]
    assert [issue.status for issue in read.issues] == statuses


@pytest.mark.parametrize(("codec", "status"), SINGLE_BYTE)
def test_polish_names_arrive_identical_from_each_code_page(tmp_path, codec, status):
    read = _read(tmp_path, _csv(POLISH).encode(codec))
    assert _arrived(read) == list(POLISH)
    assert [issue.status for issue in read.issues] == [status]


@pytest.mark.parametrize("codec", ["cp1250", "iso-8859-2", "mac_latin2"])
def test_no_single_byte_code_page_holds_ukrainian(codec):
    with pytest.raises(UnicodeEncodeError):
        "".join(UKRAINIAN).encode(codec)


def test_iso_8859_2_is_not_taken_for_windows_1250():
    # Every one of these bytes decodes in Windows-1250 too: ą ś ź Ą Ś Ź as ± ¶ Ľ ˇ ¦ ¬.
    text = _csv(("Zażółć gęślą jaźń", "Ąśź ĄŚŹ"))
    assert text.encode("iso-8859-2").decode("cp1250") != text
    read, findings = decode(text.encode("iso-8859-2"), "entries.csv")
    assert read == text
    assert [(f.status, f.message) for f in findings] == [
        (
            "iso_8859_2_encoding",
            "entries.csv is not UTF-8; it was read as ISO-8859-2: as Windows-1250 it would read "
            "'¶' for 'ś', '±' for 'ą', 'Ľ' for 'ź' (first on line 2)",
        )
    ]


def test_windows_1250_letters_iso_8859_2_lacks_are_read_as_windows_1250():
    # š ś ź Ś Ź ť are bytes 0x8a-0x9f in Windows-1250: control characters in ISO-8859-2.
    text = _csv(("Šárka Šťastná", "Ślęzak Źrebiec", "ściółka źdźbło"))
    read, findings = decode(text.encode("cp1250"), "entries.csv")
    assert read == text
    assert [(f.status, f.message) for f in findings] == [
        (
            "windows_1250_encoding",
            "entries.csv is not UTF-8; it was read as Windows-1250 (Polish Excel's default)",
        )
    ]


def test_windows_1250_wins_where_iso_8859_2_reads_other_letters():
    # Windows-1250 ą (0xb9) is ISO-8859-2 š: both are letters; Polish is the likelier.
    text = _csv(("Wąsik", "Mąka"))
    read, findings = decode(text.encode("cp1250"), "entries.csv")
    assert read == text
    assert [(f.status, f.message) for f in findings] == [
        (
            "windows_1250_encoding",
            "entries.csv is not UTF-8; it was read as Windows-1250 (Polish Excel's default); "
            "as ISO-8859-2 it would read 'š' for 'ą' (first on line 2), which reads less like "
            "Polish",
        )
    ]


def test_mac_central_european_says_what_windows_1250_would_make_of_it():
    text = _csv(("Łódź",))
    read, findings = decode(text.encode("mac_latin2"), "entries.csv")
    assert read == text
    assert [(f.status, f.message) for f in findings] == [
        (
            "mac_central_european_encoding",
            "entries.csv is not UTF-8; it was read as Mac Central European: as Windows-1250 it "
            "would read 'ý' for 'ż', 'ü' for 'Ł', '—' for 'ó' (first on line 2)",
        )
    ]


def test_binary_bytes_are_invalid_with_the_first_bad_line(tmp_path):
    data = HEADER.encode() + b"E1,\x00\x9f\xff\xfe\x01,Nowak,Bank,2026\n" + b"E2,S,Ewa,Bank,2026\n"
    read = _read(tmp_path, data)
    assert [(i.status, i.source_row, i.message) for i in read.issues] == [
        (
            "invalid_encoding",
            2,
            "entries.csv does not read as UTF-8, UTF-16, Windows-1250, ISO-8859-2 or Mac Central "
            "European: the one that reads furthest, UTF-8, stops at line 2 "
            "('E1,\\x00\\x9f\\xff\\xfe\\x01,Nowak,Bank,2026'); the file was read as UTF-8, "
            "unreadable characters replaced with U+FFFD",
        )
    ]


def test_a_file_of_noise_is_invalid_from_line_one():
    _, findings = decode(bytes(range(256)) * 4, "entries.csv")
    assert [(f.status, f.row) for f in findings] == [("invalid_encoding", 1)]


def test_a_windows_1250_line_in_a_utf8_file_is_invalid_and_named(tmp_path):
    data = _csv(POLISH).encode() + "E5,Sprzedaż,Paweł Gaś,Bank,2026-03-05\n".encode("cp1250")
    read = _read(tmp_path, data)
    (issue,) = read.issues
    assert (issue.status, issue.source_row) == ("invalid_encoding", 6)
    assert "UTF-8, stops at line 6 ('E5,Sprzeda\\xbf,Pawe\\xb3 Ga\\x9c,Bank" in issue.message
    assert _arrived(read)[:4] == list(POLISH)


def test_every_encoding_status_is_listed_where_statuses_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [s for s in ENCODING_STATUSES if f"`{s}`" not in readme] == []
    variables = yaml.safe_load((ROOT / "dbt_project/dbt_project.yml").read_text())["vars"]
    notices = set(ENCODING_STATUSES) - {"invalid_encoding"}  # how a file was read, not a fault
    assert notices <= set(variables["catalog_notice_statuses"])
