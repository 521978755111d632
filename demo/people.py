"""Participants and organizations of the demo, with the spellings entrants use."""

from __future__ import annotations

import random
from dataclasses import dataclass

from demo import catalog


@dataclass
class People:
    """Draws names: Polish (or Ukrainian for the Ukrainian-language category) and firms."""

    rng: random.Random

    def participant(self, language: str = "PL") -> str:
        if language == "UA" or self.rng.random() < 0.08:
            return self.rng.choice(catalog.UKRAINIAN_NAMES)
        female = self.rng.random() < 0.6
        first = self.rng.choice(catalog.FIRST_NAMES_F if female else catalog.FIRST_NAMES_M)
        surname = self.rng.choice(catalog.SURNAMES)[0 if female else 1]
        name = f"{first} {surname}"
        return f" {name}" if self.rng.random() < 0.03 else name

    def organization(self) -> tuple[str, str]:
        """(registered name, name as written on this row)."""
        official, variants = self.rng.choice(catalog.ORGANIZATIONS)
        written = self.rng.choice(variants) if self.rng.random() < 0.3 else official
        return official, written
