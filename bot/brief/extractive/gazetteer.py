"""Who is who: countries, their demonyms and capitals, and regional bodies.

Used to resolve an actor ("Chinese Premier Li Qiang", "Beijing", "the Saudi delegation") to
the party that commits. General world knowledge, not tuned to any article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.brief.extractive.trie import trie_pattern

# country: (names and demonyms, capital / metonyms)
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "China": (("China", "Chinese", "PRC"), ("Beijing",)),
    "Japan": (("Japan", "Japanese"), ("Tokyo",)),
    "South Korea": (
        ("South Korea", "South Korean", "Republic of Korea", "ROK", "Korea", "Korean"),
        ("Seoul",),
    ),
    "North Korea": (("North Korea", "North Korean", "DPRK"), ("Pyongyang",)),
    "India": (("India", "Indian"), ("New Delhi",)),
    "Australia": (("Australia", "Australian"), ("Canberra",)),
    "New Zealand": (("New Zealand",), ("Wellington",)),
    "United States": (("United States", "U.S.", "US", "USA", "American"), ("Washington",)),
    "Canada": (("Canada", "Canadian"), ("Ottawa",)),
    "Russia": (("Russia", "Russian"), ("Moscow", "Kremlin")),
    "United Kingdom": (("United Kingdom", "Britain", "British", "UK"), ("London",)),
    "France": (("France", "French"), ("Paris",)),
    "Germany": (("Germany", "German"), ("Berlin",)),
    "Italy": (("Italy", "Italian"), ("Rome",)),
    "Spain": (("Spain", "Spanish"), ("Madrid",)),
    "Türkiye": (("Türkiye", "Turkey", "Turkish"), ("Ankara",)),
    "Indonesia": (("Indonesia", "Indonesian"), ("Jakarta",)),
    "Malaysia": (("Malaysia", "Malaysian"), ("Kuala Lumpur", "Putrajaya")),
    "Singapore": (("Singapore", "Singaporean"), ()),
    "Thailand": (("Thailand", "Thai"), ("Bangkok",)),
    "Philippines": (("Philippines", "Philippine", "Filipino"), ("Manila", "Malacañang")),
    "Viet Nam": (("Viet Nam", "Vietnam", "Vietnamese"), ("Hanoi",)),
    "Cambodia": (("Cambodia", "Cambodian"), ("Phnom Penh",)),
    "Laos": (("Laos", "Lao PDR", "Lao", "Laotian"), ("Vientiane",)),
    "Myanmar": (("Myanmar", "Burmese"), ("Naypyitaw", "Naypyidaw")),
    "Brunei": (("Brunei", "Bruneian"), ("Bandar Seri Begawan",)),
    "Timor-Leste": (("Timor-Leste", "East Timor", "Timorese"), ("Dili",)),
    "Saudi Arabia": (("Saudi Arabia", "Saudi"), ("Riyadh",)),
    "United Arab Emirates": (("United Arab Emirates", "UAE", "Emirati"), ("Abu Dhabi",)),
    "Qatar": (("Qatar", "Qatari"), ("Doha",)),
    "Kuwait": (("Kuwait", "Kuwaiti"), ()),
    "Oman": (("Oman", "Omani"), ("Muscat",)),
    "Bahrain": (("Bahrain", "Bahraini"), ("Manama",)),
    "Iran": (("Iran", "Iranian"), ("Tehran",)),
    "Israel": (("Israel", "Israeli"), ()),
    "Egypt": (("Egypt", "Egyptian"), ("Cairo",)),
    "South Africa": (("South Africa", "South African"), ("Pretoria",)),
    "Nigeria": (("Nigeria", "Nigerian"), ("Abuja",)),
    "Kenya": (("Kenya", "Kenyan"), ("Nairobi",)),
    "Brazil": (("Brazil", "Brazilian"), ("Brasilia", "Brasília")),
    "Mexico": (("Mexico", "Mexican"), ()),
    "Argentina": (("Argentina", "Argentine"), ("Buenos Aires",)),
    "Chile": (("Chile", "Chilean"), ("Santiago",)),
    "Pakistan": (("Pakistan", "Pakistani"), ("Islamabad",)),
    "Bangladesh": (("Bangladesh", "Bangladeshi"), ("Dhaka",)),
    "Sri Lanka": (("Sri Lanka", "Sri Lankan"), ("Colombo",)),
    "Ukraine": (("Ukraine", "Ukrainian"), ("Kyiv",)),
    "Poland": (("Poland", "Polish"), ("Warsaw",)),
    "Netherlands": (("Netherlands", "Dutch"), ("The Hague", "Amsterdam")),
    "Norway": (("Norway", "Norwegian"), ("Oslo",)),
    "Sweden": (("Sweden", "Swedish"), ("Stockholm",)),
    "Switzerland": (("Switzerland", "Swiss"), ("Bern",)),
    "Kazakhstan": (("Kazakhstan", "Kazakh"), ("Astana",)),
    "Mongolia": (("Mongolia", "Mongolian"), ("Ulaanbaatar",)),
    "Fiji": (("Fiji", "Fijian"), ("Suva",)),
    "Papua New Guinea": (("Papua New Guinea",), ("Port Moresby",)),
    "Tuvalu": (("Tuvalu", "Tuvaluan"), ()),
    "Samoa": (("Samoa", "Samoan"), ("Apia",)),
    "Tonga": (("Tonga", "Tongan"), ("Nuku'alofa",)),
    "Vanuatu": (("Vanuatu",), ("Port Vila",)),
    "Solomon Islands": (("Solomon Islands",), ("Honiara",)),
    "Kiribati": (("Kiribati",), ("Tarawa",)),
    "Nauru": (("Nauru", "Nauruan"), ()),
    "Palau": (("Palau", "Palauan"), ()),
    "Marshall Islands": (("Marshall Islands", "Marshallese"), ("Majuro",)),
    "Micronesia": (("Micronesia", "Federated States of Micronesia"), ()),
    "Ethiopia": (("Ethiopia", "Ethiopian"), ("Addis Ababa",)),
    "Ghana": (("Ghana", "Ghanaian"), ("Accra",)),
    "Angola": (("Angola", "Angolan"), ("Luanda",)),
    "Senegal": (("Senegal", "Senegalese"), ("Dakar",)),
    "Morocco": (("Morocco", "Moroccan"), ("Rabat",)),
    "Algeria": (("Algeria", "Algerian"), ("Algiers",)),
    "Tanzania": (("Tanzania", "Tanzanian"), ("Dodoma",)),
    "Uganda": (("Uganda", "Ugandan"), ("Kampala",)),
    "Rwanda": (("Rwanda", "Rwandan"), ("Kigali",)),
    "Zambia": (("Zambia", "Zambian"), ("Lusaka",)),
    "Zimbabwe": (("Zimbabwe", "Zimbabwean"), ("Harare",)),
    "Mozambique": (("Mozambique", "Mozambican"), ("Maputo",)),
    "Sudan": (("Sudan", "Sudanese"), ("Khartoum",)),
    "Somalia": (("Somalia", "Somali"), ("Mogadishu",)),
    "Libya": (("Libya", "Libyan"), ("Tripoli",)),
    "Tunisia": (("Tunisia", "Tunisian"), ("Tunis",)),
    "DR Congo": (
        ("Democratic Republic of the Congo", "DR Congo", "DRC", "Congolese"),
        ("Kinshasa",),
    ),
    "Jordan": (("Jordan", "Jordanian"), ("Amman",)),
    "Iraq": (("Iraq", "Iraqi"), ("Baghdad",)),
    "Syria": (("Syria", "Syrian"), ("Damascus",)),
    "Lebanon": (("Lebanon", "Lebanese"), ("Beirut",)),
    "Palestine": (("Palestine", "Palestinian"), ("Ramallah",)),
    "Yemen": (("Yemen", "Yemeni"), ("Sanaa",)),
    "Peru": (("Peru", "Peruvian"), ("Lima",)),
    "Colombia": (("Colombia", "Colombian"), ("Bogota", "Bogotá")),
    "Venezuela": (("Venezuela", "Venezuelan"), ("Caracas",)),
    "Cuba": (("Cuba", "Cuban"), ("Havana",)),
    "Ecuador": (("Ecuador", "Ecuadorian"), ("Quito",)),
    "Uruguay": (("Uruguay", "Uruguayan"), ("Montevideo",)),
    "Paraguay": (("Paraguay", "Paraguayan"), ("Asuncion", "Asunción")),
    "Bolivia": (("Bolivia", "Bolivian"), ("La Paz",)),
    "Belgium": (("Belgium", "Belgian"), ()),
    "Austria": (("Austria", "Austrian"), ("Vienna",)),
    "Greece": (("Greece", "Greek"), ("Athens",)),
    "Portugal": (("Portugal", "Portuguese"), ("Lisbon",)),
    "Ireland": (("Ireland", "Irish"), ("Dublin",)),
    "Denmark": (("Denmark", "Danish"), ("Copenhagen",)),
    "Finland": (("Finland", "Finnish"), ("Helsinki",)),
    "Czech Republic": (("Czech Republic", "Czechia", "Czech"), ("Prague",)),
    "Hungary": (("Hungary", "Hungarian"), ("Budapest",)),
    "Romania": (("Romania", "Romanian"), ("Bucharest",)),
    "Lithuania": (("Lithuania", "Lithuanian"), ("Vilnius",)),
    "Latvia": (("Latvia", "Latvian"), ("Riga",)),
    "Estonia": (("Estonia", "Estonian"), ("Tallinn",)),
    "Nepal": (("Nepal", "Nepalese", "Nepali"), ("Kathmandu",)),
    "Bhutan": (("Bhutan", "Bhutanese"), ("Thimphu",)),
    "Maldives": (("Maldives", "Maldivian"), ("Male",)),
    "Afghanistan": (("Afghanistan", "Afghan"), ("Kabul",)),
    "Uzbekistan": (("Uzbekistan", "Uzbek"), ("Tashkent",)),
    "Kyrgyzstan": (("Kyrgyzstan", "Kyrgyz"), ("Bishkek",)),
    "Tajikistan": (("Tajikistan", "Tajik"), ("Dushanbe",)),
    "Turkmenistan": (("Turkmenistan", "Turkmen"), ("Ashgabat",)),
    "Azerbaijan": (("Azerbaijan", "Azerbaijani"), ("Baku",)),
    "Georgia": (("Georgia", "Georgian"), ("Tbilisi",)),
    "Armenia": (("Armenia", "Armenian"), ("Yerevan",)),
    "Belarus": (("Belarus", "Belarusian"), ("Minsk",)),
}

# Regional and multilateral bodies, by the names articles use for them.
_BODIES: dict[str, tuple[str, ...]] = {
    "ASEAN": ("ASEAN", "Association of Southeast Asian Nations"),
    "EU": ("EU", "European Union", "European Commission", "European Council", "Brussels"),
    "African Union": ("African Union", "AU"),
    "GCC": ("GCC", "Gulf Cooperation Council"),
    "United Nations": ("United Nations", "UN"),
    "AOSIS": ("AOSIS", "Alliance of Small Island States"),
    "RCEP": ("RCEP",),
    "APEC": ("APEC",),
    "G20": ("G20",),
    "G7": ("G7",),
    "BRICS": ("BRICS",),
    "SCO": ("SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
    "WTO": ("WTO", "World Trade Organization"),
    "NATO": ("NATO", "North Atlantic Treaty Organization", "the Alliance"),
    "Quad": ("Quad", "Quadrilateral Security Dialogue"),
    "Pacific Islands Forum": ("Pacific Islands Forum", "PIF"),
    "Arab League": ("Arab League", "League of Arab States"),
    "Mercosur": ("Mercosur", "Mercosul"),
    "CELAC": ("CELAC",),
    "OAS": ("OAS", "Organization of American States"),
    "Commonwealth": ("Commonwealth",),
    "SAARC": ("SAARC",),
    "BIMSTEC": ("BIMSTEC",),
    "IMF": ("IMF", "International Monetary Fund"),
    "World Bank": ("World Bank",),
    "OECD": ("OECD",),
    "UNFCCC": ("UNFCCC",),
    "IPEF": ("IPEF",),
}


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country, (names, capitals) in _COUNTRIES.items():
        for alias in (*names, *capitals):
            table[alias] = country
    for body, aliases in _BODIES.items():
        for alias in aliases:
            table.setdefault(alias, body)
    return table


ALIASES = _alias_table()
# Longest first so "South Korea" wins over "Korea"; case-sensitive so "US" is not "us".
_ALIAS_RE = re.compile(r"(?<![\w-])(" + trie_pattern(ALIASES) + r")(?:'s|’s)?(?![\w$])")
BODIES = frozenset(_BODIES)


def parties_in(text: str) -> list[str]:
    """Countries and bodies named in `text`, in order of appearance, without repeats."""
    seen: list[str] = []
    for match in _ALIAS_RE.finditer(text):
        party = ALIASES[match.group(1)]
        if party not in seen:
            seen.append(party)
    return seen


@lru_cache(maxsize=4096)
def first_party(text: str) -> str | None:
    for match in _ALIAS_RE.finditer(text):
        # "Chinese-invested", "Chinese-language": a modifier of a thing, not a party.
        if text[match.end() : match.end() + 1] == "-":
            continue
        return ALIASES[match.group(1)]
    return None
