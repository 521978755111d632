"""What the demo editions are made of: categories and their limits (from the seed
documents 000_, 001_ and 002_), the ways entrants write category names, and people and
organizations with the spellings they come in."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PccaCategory:
    """One PCCA category as the edition's technical table defines it."""

    name: str
    cases: int
    max_interactions: int
    directions: tuple[str, ...]
    client_types: tuple[str, ...]
    voice: bool
    language: str = "PL"
    aliases: tuple[str, ...] = field(default_factory=tuple)


BOTH = ("IN", "OUT")
EXTERNAL = ("external",)
ANY_CLIENT = ("external", "internal")

PCCA_2026 = (
    PccaCategory("Sprzedaż", 3, 3, BOTH, EXTERNAL, True, aliases=("Sprzedaz", "SPRZEDAŻ", "Sales")),
    PccaCategory(
        "Utrzymanie i lojalizacja", 3, 3, BOTH, EXTERNAL, True,
        aliases=("utrzymanie i lojalizacja", "Retention and loyalty"),
    ),
    PccaCategory(
        "Welcome call i aktywizacja", 3, 1, ("OUT",), EXTERNAL, True,
        aliases=("Welcome Call i Aktywizacja", "Welcome call"),
    ),
    PccaCategory(
        "Obsługa klienta", 3, 1, BOTH, ANY_CLIENT, True,
        aliases=("Obsluga klienta", "obsługa klienta ", "Customer service"),
    ),
    PccaCategory("Help-desk", 3, 1, BOTH, ANY_CLIENT, True, aliases=("Helpdesk", "HELP-DESK")),
    PccaCategory("Windykacja", 3, 1, BOTH, EXTERNAL, True, aliases=("windykacja", "Debt collection")),
    PccaCategory(
        "Customer experience", 1, 5, BOTH, EXTERNAL, True, aliases=("Customer Experience", "CX"),
    ),
    PccaCategory(
        "Kanały pisane", 3, 1, ("IN",), ANY_CLIENT, False,
        aliases=("Kanaly pisane", "KANAŁY PISANE", "Written channels"),
    ),
    PccaCategory(
        "Efekt WOW (Nagroda Kapituły)", 1, 1, BOTH, EXTERNAL, True,
        aliases=("Efekt WOW", "Efekt WOW (Nagroda Kapituly)", "WOW effect"),
    ),
)  # fmt: skip

PCCA_2024 = (
    PccaCategory(
        "Sprzedaż lub retencja", 3, 3, BOTH, EXTERNAL, True,
        aliases=("Sprzedaz lub retencja", "Sales or retention"),
    ),
    PccaCategory("Welcome call", 3, 1, ("OUT",), EXTERNAL, True, aliases=("Welcome Call", "welcome call")),
    PccaCategory("Obsługa klienta", 3, 1, BOTH, ANY_CLIENT, True, aliases=("Obsluga klienta",)),
    PccaCategory(
        "Obsługa klienta w języku angielskim", 3, 1, BOTH, ANY_CLIENT, True, "EN",
        aliases=("Customer service in English", "Obsługa klienta w języku angielskim (Customer service in English)"),
    ),
    PccaCategory(
        "Obsługa klienta w języku ukraińskim", 3, 1, BOTH, ANY_CLIENT, True, "UA",
        aliases=("Обслуговування клієнтів українською мовою", "Obsluga klienta w jezyku ukrainskim"),
    ),
    PccaCategory("Helpdesk", 3, 1, BOTH, ANY_CLIENT, True, aliases=("Help-desk", "HELPDESK")),
    PccaCategory("Windykacja", 3, 1, BOTH, EXTERNAL, True, aliases=("WINDYKACJA",)),
    PccaCategory("Reklamacja", 3, 1, BOTH, EXTERNAL, True, aliases=("reklamacja", "Complaints")),
    PccaCategory("Customer experience", 1, 5, BOTH, EXTERNAL, True, aliases=("CX",)),
    PccaCategory(
        "Obsługa klienta w kanałach pisanych", 3, 1, ("IN",), ANY_CLIENT, False,
        aliases=("Obsluga klienta w kanalach pisanych", "Kanały pisane"),
    ),
    PccaCategory(
        "Efekt WOW (Nagroda Kapituły)", 1, 1, BOTH, EXTERNAL, True, aliases=("Efekt WOW",),
    ),
)  # fmt: skip

PCCA_CATEGORIES = {2024: PCCA_2024, 2026: PCCA_2026}
# Names no edition has: entries written for a category that does not exist (or no longer).
UNKNOWN_PCCA_CATEGORIES = {
    2024: ("Telesprzedaż", "Kanały pisane i głos"),
    2026: ("Reklamacja", "Back office"),
}

IBA_CATEGORIES = {
    "E01": "Najlepsza reakcja na sytuacje kryzysowe w obsłudze klienta",
    "E02": "Najlepsze wykorzystanie technologii w obsłudze klienta",
    "E03": "Program roku w zakresie utrzymania klientów",
    "E04": "Dział obsługi klienta roku",
    "E05": "Kierownik działu obsługi klienta roku",
    "E06": "Innowacja roku w zakresie obsługi klienta",
    "E07": "Zespół obsługi klienta roku",
    "E08": "Transformacja obsługi klienta roku",
}
UNKNOWN_IBA_CATEGORIES = ("E09", "E11. Customer Service Hero")

FIRST_NAMES_F = (
    "Anna",
    "Katarzyna",
    "Małgorzata",
    "Agnieszka",
    "Zofia",
    "Joanna",
    "Żaneta",
    "Ewa",
    "Magdalena",
    "Aleksandra",
)
FIRST_NAMES_M = (
    "Piotr",
    "Łukasz",
    "Krzysztof",
    "Tomasz",
    "Paweł",
    "Michał",
    "Grzegorz",
    "Jakub",
    "Wojciech",
    "Bartłomiej",
)
SURNAMES = (
    ("Kowalska", "Kowalski"), ("Wiśniewska", "Wiśniewski"), ("Wójcik", "Wójcik"),
    ("Kamińska", "Kamiński"), ("Lewandowska", "Lewandowski"), ("Zielińska", "Zieliński"),
    ("Szymańska", "Szymański"), ("Woźniak", "Woźniak"), ("Dąbrowska", "Dąbrowski"),
    ("Kozłowska", "Kozłowski"), ("Jaworska", "Jaworski"), ("Mazur", "Mazur"),
    ("Krawczyk", "Krawczyk"), ("Grabowska", "Grabowski"), ("Pawłowska", "Pawłowski"),
)  # fmt: skip
UKRAINIAN_NAMES = (
    "Oleksandr Kovalenko", "Olena Shevchenko", "Iryna Bondarenko", "Andrii Tkachenko",
    "Оксана Мельник", "Дмитро Кравченко", "Nataliia Boiko", "Тарас Литвиненко",
)  # fmt: skip

# Each organization as registered, and the other ways entrants write it.
ORGANIZATIONS = (
    ("Telekom Polska S.A.", ("Telekom Polska SA", "TELEKOM POLSKA S.A.", " Telekom Polska")),
    ("Bank Północny S.A.", ("Bank Polnocny S.A.", "Bank Północny SA")),
    ("Energa Obsługa i Sprzedaż Sp. z o.o.", ("Energa Obsługa i Sprzedaż sp. z o.o.", "ENERGA OiS")),
    ("Ubezpieczenia Wisła TUiR S.A.", ("Ubezpieczenia Wisla", "Ubezpieczenia Wisła S.A.")),
    ("PolCall Center Sp. z o.o.", ("Polcall Center", "PolCall Center sp.z o.o.")),
    ("Gdańskie Wodociągi Sp. z o.o.", ("Gdanskie Wodociagi",)),
    ("Kyivstar Contact Center", ("KyivStar CC",)),
    ("Mobilna Łączność S.A.", ("Mobilna Lacznosc SA", "Mobilna Łączność")),
)  # fmt: skip

IBA_COUNTRIES = ("PL", "PL", "PL", "UA", "DE", "US", "GB", "CZ")
