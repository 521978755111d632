"""Finding an entry's submitted file in the drop folder, never outside its edition folder."""

from dataclasses import dataclass
from pathlib import Path

AUDIO_FORMATS = {"MP3": "audio/mpeg", "WAV": "audio/wav", "FLAC": "audio/flac", "OGG": "audio/ogg"}
VIDEO_FORMATS = {"MP4": "video/mp4", "MOV": "video/quicktime", "3GP": "video/3gpp"}
IMAGE_FORMATS = {"PNG", "JPG", "GIF", "WEBP"}


@dataclass(frozen=True)
class MediaFile:
    """Where a files.csv row points: the file when it may be shown, else why not."""

    path: Path | None
    problem: str | None  # "outside" (path escapes the edition folder) or "missing"


def locate(data_dir: Path, contest_code: str, edition_year: int, relative_path: str) -> MediaFile:
    """The file `<data_dir>/<CONTEST>-<YEAR>/<relative_path>`, confined to that folder:
    a path leading elsewhere (`..`, absolute, a symlink out) is refused."""
    edition = (data_dir / f"{contest_code}-{edition_year}").resolve()
    target = (edition / relative_path.replace("\\", "/")).resolve()
    if not target.is_relative_to(edition):
        return MediaFile(None, "outside")
    if not target.is_file():
        return MediaFile(None, "missing")
    return MediaFile(target, None)
