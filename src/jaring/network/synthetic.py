"""Synthetic records with planted recruiter networks and their ground truth (`jaring gen_network`).

A network is a recruiter operation: a few phones, an account, a company, social handles and a contact name,
each mentioned by some of its records, written the way people write them (0812-.., +62 812 .., 62812..,
spaced digits, "PT." or not, honorifics, typos in names). Every record of a network shares at least one
identifier with an earlier record of it, so the truth is connected. Noise: the office hotline and the
BP2MI number in many records, a job-portal number quoted by a large share of records (the share rule must
stop it), and singletons whose identifiers appear once.
"""

import json
import random
from collections.abc import Iterator
from typing import TextIO

from jaring.network.evasive import evasive_mention

PLACES = ["Malaysia", "Johor", "Kamboja", "Thailand", "Singapura", "Taiwan", "Korea", "Dubai", "Myawaddy"]
JOBS = [
    "admin",
    "operator pabrik",
    "pelayan restoran",
    "ABK kapal",
    "asisten rumah tangga",
    "customer service",
]
SYLLABLES = [
    "ba",
    "bu",
    "di",
    "ja",
    "ka",
    "ko",
    "la",
    "lu",
    "ma",
    "mi",
    "na",
    "no",
    "pa",
    "pu",
    "ra",
    "ri",
    "sa",
    "si",
    "su",
    "ta",
    "ti",
    "to",
    "wa",
    "wi",
    "ya",
    "yu",
    "har",
    "san",
    "tar",
    "win",
]
FIRST = [
    "Budi",
    "Siti",
    "Agus",
    "Rudi",
    "Dewi",
    "Andi",
    "Rina",
    "Joko",
    "Yanti",
    "Hendra",
    "Wati",
    "Dedi",
    "Sri",
    "Anton",
    "Lina",
    "Bayu",
    "Fitri",
    "Eko",
    "Nur",
    "Tono",
]
LAST = [
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Lestari",
    "Nasution",
    "Siregar",
    "Harahap",
    "Simanjuntak",
    "Gunawan",
    "Halim",
    "Tan",
    "Lim",
    "Pratama",
    "Kusuma",
]
WORDS = [
    "Maju",
    "Jaya",
    "Abadi",
    "Sinar",
    "Harapan",
    "Mandiri",
    "Sejahtera",
    "Karya",
    "Putra",
    "Bintang",
    "Timur",
    "Samudra",
    "Mulia",
    "Makmur",
    "Sentosa",
    "Cahaya",
    "Bahari",
]
BANKS = ["BCA", "BRI", "BNI", "Mandiri", "BSI", "CIMB Niaga"]
WALLETS = ["DANA", "OVO", "GoPay"]
HONORIFICS = ["Pak", "Bang", "Bu", "Kak", "Mr", "Bapak", ""]
HOTLINE = "0811-7002-019"
BP2MI = "0800-1000"
PORTAL = "0812-0000-1111"  # a made-up job portal number quoted by many records: the share rule stops it


def _mobile(rng: random.Random) -> str:
    digits = rng.choice((8, 9))
    return "8" + rng.choice("1235789") + str(rng.randrange(10 ** (digits - 1), 10**digits))


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def write_phone(national: str, rng: random.Random) -> str:
    """One Indonesian mobile (national digits after the 0) in one of the ways people type it."""
    a, b, c = national[:3], national[3:7], national[7:]
    return rng.choice(
        [
            f"0{national}",
            f"0{a}-{b}-{c}",
            f"+62 {a} {b} {c}",
            f"62{national}",
            f"0062{national}",
            f"+62{national}",
            f"0{a} {b} {c}",
            f"(0{a}) {b}{c}",
        ]
    )


def _typo(name: str, rng: random.Random) -> str:
    """One small slip: a dropped letter, a doubled letter, or a missing space."""
    choice = rng.random()
    if choice < 0.4 and " " in name:
        i = name.index(" ")
        return name[:i] + name[i + 1 :]
    i = rng.randrange(1, len(name) - 1)
    if choice < 0.7:
        return name[:i] + name[i + 1 :]
    return name[:i] + name[i] + name[i:]


class Network:
    def __init__(self, number: int, rng: random.Random) -> None:
        self.name = f"n{number}"
        self.phones = [_mobile(rng) for _ in range(rng.randint(1, 3))]
        self.account = (rng.choice(BANKS), str(rng.randrange(10**9, 10**10)))
        self.wallet = (rng.choice(WALLETS), _mobile(rng)) if rng.random() < 0.3 else None
        # Made-up names from syllables: realistic enough, and rarely shared by two networks by chance.
        self.company = f"{rng.choice(WORDS)} {_word(rng, 3)}"
        self.person = f"{_word(rng, 2)} {_word(rng, 3)}"
        self.handle = f"loker{number}.{rng.choice(['jaya', 'kerja', 'luar'])}"


Mention = tuple[
    tuple[str, str] | None, str, str, str
]  # (identity or None for a typo, kind, value, text form)


def _identifier_mentions(net: Network, rng: random.Random) -> list[Mention]:
    """Each identifier of the network, written with noise; the identity says which true identifier it is."""
    mentions: list[Mention] = [
        (("phone", phone), "phone", write_phone(phone, rng), write_phone(phone, rng)) for phone in net.phones
    ]
    bank, number = net.account
    spaced = f"{number[:3]}-{number[3:6]}-{number[6:]}" if rng.random() < 0.5 else number
    mentions.append((("account", number), "account", f"{bank} {spaced}", f"{bank} {spaced}"))
    typo = rng.random() < 0.05
    company = _typo(net.company, rng) if typo else net.company
    form = rng.choice(["PT", "PT.", "CV", "pt"])
    mentions.append(
        (None if typo else ("company", net.company), "company", f"{form} {company}", f"PT {company}")
    )
    honorific = rng.choice(HONORIFICS)
    mentions.append(
        (("person", net.person), "person", f"{honorific} {net.person}".strip(), f"Pak {net.person}")
    )
    mentions.append((("handle", net.handle), "handle", f"@{net.handle} (IG)", f"IG @{net.handle}"))
    if net.wallet:
        wallet = f"{net.wallet[0]} 0{net.wallet[1]}"
        mentions.append((("wallet", net.wallet[1]), "account", wallet, wallet))
    return mentions


def _text(rng: random.Random, mentions: list[str]) -> str:
    opening = rng.choice(
        [
            f"Saya ditawari kerja {rng.choice(JOBS)} di {rng.choice(PLACES)}, gaji {rng.randint(8, 25)} juta.",
            f"Ada lowongan {rng.choice(JOBS)} ke {rng.choice(PLACES)} tanpa pengalaman, berangkat minggu depan.",
            f"Adik saya diajak ke {rng.choice(PLACES)} lewat Batam, katanya cukup pakai visa turis.",
        ]
    )
    return " ".join([opening, *(f"Kontak: {m}." for m in mentions)])


def records(
    count: int, seed: int, evasive: float = 0.0, first_record: int = 1, first_network: int = 1
) -> Iterator[tuple[dict, str]]:
    """(record, true network) pairs; about 3 identifiers a record, half of the records in networks.

    `evasive`: the share of network phones, accounts and handles written to dodge filters (network.evasive),
    drawn from a random stream of its own: with 0 a seed gives the same records as before. `first_record` and
    `first_network` number the records ("r1") and networks ("n1", "@loker1...") of one part of a larger file
    (write_parts): parts numbered apart share no id, network name or handle."""
    rng = random.Random(seed)
    evasive_rng = random.Random(seed * 1_000_003 + 20)
    networks: list[Network] = []
    in_networks = count // 2
    sizes: list[int] = []
    planned = 0  # sum(sizes), kept as it grows: summing the list each time is quadratic (10M records: hours)
    while planned < in_networks:
        sizes.append(min(int(rng.paretovariate(1.3)) + 1, 400))
        planned += sizes[-1]
    if sizes:
        sizes[-1] -= planned - in_networks
    plan: list[int] = []
    for number, size in enumerate(sizes, start=first_network):
        if size <= 0:
            continue
        networks.append(Network(number, rng))
        plan.extend([len(networks) - 1] * size)
    plan.extend([-1] * (count - len(plan)))
    rng.shuffle(plan)
    used: dict[int, set[tuple[str, str]]] = {}
    for index, network_index in enumerate(plan, start=first_record - 1):
        record_id = f"r{index + 1}"
        if network_index < 0:
            yield _singleton(record_id, rng), f"s{index + 1}"
            continue
        net = networks[network_index]
        mentions = _identifier_mentions(net, rng)
        chosen = rng.sample(mentions, k=rng.randint(2, 3))
        seen = used.setdefault(network_index, set())
        if seen and rng.random() < 0.03:
            # Only a misspelt company name ties this record to its network: exact linking cannot, a fuzzy
            # proposal can (this measures the proposals' precision and what they add).
            typo = f"{rng.choice(['PT', 'PT.', 'CV'])} {_typo(net.company, rng)}"
            yield _record(record_id, [(None, "company", typo, typo)], rng), net.name
            continue
        if seen and not any(m[0] in seen for m in chosen):
            chosen[0] = rng.choice([m for m in mentions if m[0] in seen])  # stay connected to the network
        seen.update(m[0] for m in chosen if m[0] is not None)
        if evasive:
            chosen = [
                evasive_mention(m, net.account, evasive_rng) if evasive_rng.random() < evasive else m
                for m in chosen
            ]
        yield _record(record_id, chosen, rng), net.name


def _record(record_id: str, chosen: list[Mention], rng: random.Random) -> dict:
    parties, in_text = [], []
    for _identity, kind, structured, text_form in chosen:
        if rng.random() < 0.6:
            parties.append({"kind": kind, "value": structured})
        else:
            in_text.append(text_form)
    if rng.random() < 0.2:
        in_text.append(rng.choice([HOTLINE, BP2MI]))
    if rng.random() < 0.02:
        in_text.append(PORTAL)
    return {"id": record_id, "text": _text(rng, in_text), "parties": parties}


def _singleton(record_id: str, rng: random.Random) -> dict:
    phone = write_phone(_mobile(rng), rng)
    parties = [{"kind": "phone", "value": phone}]
    text_forms = []
    if rng.random() < 0.5:
        parties.append({"kind": "email", "value": f"{rng.choice(FIRST).lower()}{record_id}@gmail.com"})
    else:
        text_forms.append(f"email {rng.choice(FIRST).lower()}{record_id}@yahoo.com")
    account = f"{rng.choice(BANKS)} {rng.randrange(10**9, 10**10)}"
    if rng.random() < 0.5:
        text_forms.append(account)
    else:
        parties.append({"kind": "account", "value": account})
    if rng.random() < 0.3:
        text_forms.append(f"IG @{_word(rng, 3).lower()}.{record_id}")
    if rng.random() < 0.2:
        text_forms.append(HOTLINE)
    if rng.random() < 0.02:
        text_forms.append(PORTAL)
    return {"id": record_id, "text": _text(rng, text_forms), "parties": parties}


def write(
    out: TextIO,
    truth: TextIO | None,
    count: int,
    seed: int,
    evasive: float = 0.0,
    first_record: int = 1,
    first_network: int = 1,
) -> int:
    written = 0
    for record, network in records(count, seed, evasive, first_record, first_network):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if truth is not None:
            truth.write(json.dumps({"id": record["id"], "network": network}) + "\n")
        written += 1
    return written


def part_plan(count: int, seed: int, parts: int) -> list[tuple[int, int, int, int]]:
    """(records, seed, first record, first network) of each part of a file written in `parts` parts.

    Each part is a file of its own (networks within a part, as in a smaller file) with a seed of its own;
    records and networks are numbered on (a part plants fewer networks than it has records), so one part's
    ids, network names and handles never recur in another. One part is exactly write(count, seed)."""
    if parts <= 1:
        return [(count, seed, 1, 1)]
    size = -(-count // parts)
    return [
        (min(size, count - start), seed * 1000 + number, start + 1, start + 1)
        for number, start in enumerate(range(0, count, size))
    ]
