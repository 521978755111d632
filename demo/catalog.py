"""What the demo editions are made of: categories (their limits read from the rules catalog,
demo.limits), the ways entrants write category names, and people and organizations with the
spellings they come in."""

from __future__ import annotations

from dataclasses import dataclass

from demo.limits import CategoryLimits, category_limits, edition_rows


@dataclass(frozen=True)
class PccaCategory:
    """One PCCA category: the name the demo writes, its other spellings and its limits."""

    name: str
    aliases: tuple[str, ...]
    limits: CategoryLimits


# Each category's code in the rules catalog, the name the demo writes for it and the other
# ways entrants write it, in the catalog's order.
PCCA_NAMES = {
    2026: (
        ("SPRZEDAZ", "Sprzedaż", ("Sprzedaz", "SPRZEDAŻ", "Sales")),
        ("UTRZYMANIE", "Utrzymanie i lojalizacja", ("utrzymanie i lojalizacja", "Retention and loyalty")),
        ("WELCOME", "Welcome call i aktywizacja", ("Welcome Call i Aktywizacja", "Welcome call")),
        ("OBSLUGA", "Obsługa klienta", ("Obsluga klienta", "obsługa klienta ", "Customer service")),
        ("HELPDESK", "Help-desk", ("Helpdesk", "HELP-DESK")),
        ("WINDYKACJA", "Windykacja", ("windykacja", "Debt collection")),
        ("CX", "Customer experience", ("Customer Experience", "CX")),
        ("KANALY_PISANE", "Kanały pisane", ("Kanaly pisane", "KANAŁY PISANE", "Written channels")),
        ("WOW", "Efekt WOW (Nagroda Kapituły)", ("Efekt WOW", "Efekt WOW (Nagroda Kapituly)", "WOW effect")),
    ),
    2024: (
        ("SPRZEDAZ_RETENCJA", "Sprzedaż lub retencja", ("Sprzedaz lub retencja", "Sales or retention")),
        ("WELCOME", "Welcome call", ("Welcome Call", "welcome call")),
        ("OBSLUGA", "Obsługa klienta", ("Obsluga klienta",)),
        ("OBSLUGA_EN", "Obsługa klienta w języku angielskim",
         ("Customer service in English", "Obsługa klienta w języku angielskim (Customer service in English)")),
        ("OBSLUGA_UA", "Obsługa klienta w języku ukraińskim",
         ("Обслуговування клієнтів українською мовою", "Obsluga klienta w jezyku ukrainskim")),
        ("HELPDESK", "Helpdesk", ("Help-desk", "HELPDESK")),
        ("WINDYKACJA", "Windykacja", ("WINDYKACJA",)),
        ("REKLAMACJA", "Reklamacja", ("reklamacja", "Complaints")),
        ("CX", "Customer experience", ("CX",)),
        ("KANALY_PISANE", "Obsługa klienta w kanałach pisanych",
         ("Obsluga klienta w kanalach pisanych", "Kanały pisane")),
        ("WOW", "Efekt WOW (Nagroda Kapituły)", ("Efekt WOW",)),
    ),
}  # fmt: skip


def pcca_categories(year: int) -> tuple[PccaCategory, ...]:
    """The edition's categories, each with its limits as the rules catalog states them."""
    limits = category_limits("PCCA", year)
    return tuple(
        PccaCategory(name, aliases, limits[code]) for code, name, aliases in PCCA_NAMES[year]
    )


# Names no edition has: entries written for a category that does not exist (or no longer).
UNKNOWN_PCCA_CATEGORIES = {
    2024: ("Telesprzedaż", "Kanały pisane i głos"),
    2026: ("Reklamacja", "Back office"),
}


def iba_categories() -> dict[str, str]:
    """IBA 2026's category codes and official Polish names, in the rules catalog's order."""
    rows = sorted(
        edition_rows("categories.csv", "IBA", 2026), key=lambda row: int(row["sort_order"])
    )
    return {row["category_code"]: row["category_name_pl"] for row in rows}


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
