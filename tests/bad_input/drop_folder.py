"""A whole drop folder of bad input: malformed tables and broken media in three editions."""

from __future__ import annotations

from pathlib import Path

from demo.records import write_csv
from tests.bad_input.media import media_cases, recording_mp3, wav
from tests.bad_input.tables import formula_workbook

FILES_HEADER = ["entry_id", "case_no", "interaction_no", "kind", "path"]

# Listed paths that are refused or absent, with the status fct_media must give them.
REFUSED_PATHS = {
    "../outside.mp3": "path_escapes",
    "/etc/passwd": "path_escapes",
    "media/link_out.mp3": "path_escapes",
    "media/gone.mp3": "missing",
}


def write_bad_drop_folder(root: Path) -> Path:
    """Write the corpus under root/drop and return that folder."""
    drop = root / "drop"
    pcca = drop / "PCCA-2026"
    (pcca / "media").mkdir(parents=True)
    (root / "outside.mp3").write_bytes(recording_mp3(5, 16))
    (pcca / "media/link_out.mp3").symlink_to(root / "outside.mp3")
    (pcca / "media/stray.wav").write_bytes(wav(1))
    rows = []
    for number, (relative, (data, _, _)) in enumerate(sorted(media_cases().items()), start=1):
        (pcca / relative).write_bytes(data)
        rows.append(["E1", 1 + number // 3, number, "", relative])
    for number, relative in enumerate(REFUSED_PATHS, start=100):
        rows.append(["E2", 1, number, "", relative])
    rows.append(["E2", 2, 1, "", ""])
    write_csv(pcca / "files.csv", FILES_HEADER, rows)
    (pcca / "entries.csv").write_bytes(
        b"\xef\xbb\xbf"
        + (
            "entry_id;category;participant_name;organization;submitted_at;uwagi\n"
            "E1;Sprzedaż;Anna Kowalska;Bank Północny;2026-03-01T10:00:00;\n"
            "E2;Obsługa klienta;Łukasz Żak;Telekom Polska S.A.;2026-03-02T10:00:00;pilne\n"
            "E2;Help-desk;Łukasz Żak;Telekom Polska S.A.;2026-03-02T11:00:00;\n"
            ";;;;;\n"
            "E3;=1+1;Olena Shevchenko;Kyivstar;2026-03-03T10:00:00;;nadmiar\n"
            "E4;Windykacja;Zofia Wójcik;Gdańskie Wodociągi;2026-03-04T10:00:00;\n"
        ).encode()
    )
    write_csv(
        pcca / "cases.csv",
        ["entry_id", "case_no", "direction", "client_type"],
        [["E1", 1, "IN", "external"], ["E1", 1, "OUT", "external"], ["E2", 1, "in", "zewnętrzny"]],
    )
    iba = drop / "IBA-2026"
    iba.mkdir()
    (iba / "entries.csv").write_bytes(
        (
            "entry_id,category,nominee,organization,country,essay\n"
            'I1,E04,Dział Obsługi Klienta Spółki Łódź,Spółka Łódź,PL,"Akapit pierwszy.\n\nAkapit drugi."\n'
            "I2,E05,Małgorzata Źdźbło,Spółka Łódź,PL,Krótki esej.\n"
        ).encode("cp1250")
    )
    pcca_2024 = drop / "PCCA-2024"
    pcca_2024.mkdir()
    formula_workbook(pcca_2024 / "entries.xlsx")
    return drop
