"""Identifiers written to dodge platform filters, for `jaring gen_network` (issue #20).

Two uses: `--evasive SHARE` writes that share of the phones, accounts and handles of the ordinary generator
evasively (drawn from a random stream of its own, so a seed's records are otherwise unchanged), and
`--pairs N` writes N pairs of records that share one identifier, written plainly in one record and evasively
in the other, with false friends ("satu dua hari lagi", "B2B", "Rp 8.5jt", plates, dates) around it; the
truth file names each pair's identifier and form (benchmarks/eval_evasion.py scores them).
"""

import json
import random
from collections.abc import Callable
from typing import TextIO

from jaring.lib.identifiers import normalise

DIGIT_WORDS_ID = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
DIGIT_WORDS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
LETTER_FOR = {"0": "Oo", "1": "lI", "5": "S", "8": "B", "2": "Z"}
KEYCAP = "\ufe0f\u20e3"
FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
FALSE_FRIENDS = [
    "Berangkat satu dua hari lagi.",
    "Gaji Rp 8.5jt per bulan.",
    "Perusahaan B2B, standar 5S.",
    "Dijemput mobil BP 1234 XY.",
    "Tanggal 12-05-2025 jam 08.00.",
    "HP Samsung SM-G991B atau iPhone 15.",
    "Kontrak satu tahun, tujuh hari kerja, nol biaya katanya.",
    "Alamat Blok B2 No. 10 lantai 3.",
]


def _spelled(digits: str, words: list[str], rng: random.Random) -> str:
    if words is DIGIT_WORDS_ID and rng.random() < 0.3:
        words = ["kosong", *words[1:]]
    return rng.choice([" ", " ", "-"]).join(words[int(d)] for d in digits)


def _partly_spelled(digits: str, rng: random.Random) -> str:
    """0812 tiga empat 56 7890: one or two groups in the middle spelled out."""
    groups = [digits[:4], digits[4:6], digits[6:8], digits[8:]]
    for i in rng.sample([1, 2], k=rng.randint(1, 2)):
        groups[i] = " ".join(DIGIT_WORDS_ID[int(d)] for d in groups[i])
    return " ".join(groups)


def _letters(digits: str, rng: random.Random) -> str:
    """One or two digits (not the first) written as look-alike letters: 08l2-5566-7788."""
    places = [i for i, d in enumerate(digits) if d in LETTER_FOR and i > 0]
    chars = list(digits)
    for i in rng.sample(places, k=min(len(places), rng.randint(1, 2))):
        chars[i] = rng.choice(LETTER_FOR[chars[i]])
    text = "".join(chars)
    return f"{text[:4]}-{text[4:8]}-{text[8:]}" if rng.random() < 0.5 else text


def _grouped(digits: str, separator: str) -> str:
    return separator.join([digits[:4], digits[4:8], digits[8:]])


# form name -> writer of a national number with its trunk 0 ("081234567890")
PHONE_FORMS: dict[str, Callable[[str, random.Random], str]] = {
    "spelled_id": lambda d, rng: _spelled(d, DIGIT_WORDS_ID, rng),
    "spelled_en": lambda d, rng: _spelled(d, DIGIT_WORDS_EN, rng),
    "partly_spelled": _partly_spelled,
    "letters": _letters,
    "keycap": lambda d, rng: "".join(ch + KEYCAP for ch in d),
    "full_width": lambda d, rng: "".join(FULL_WIDTH[ch] for ch in d),
    "star": lambda d, rng: _grouped(d, "*"),
    "spaced_dot": lambda d, rng: _grouped(d, " . "),
    "underscore": lambda d, rng: _grouped(d, "_"),
}


def _three_letters(digits: str, rng: random.Random) -> str:
    places = [i for i, d in enumerate(digits) if d in LETTER_FOR and i > 0]
    chars = list(digits)
    for i in rng.sample(places, k=min(len(places), 3)):
        chars[i] = rng.choice(LETTER_FOR[chars[i]])
    return "".join(chars)


def _trailing_words(digits: str, rng: random.Random) -> str:
    """0812 3456 78 sembilan nol: the last digits as words, which may also be ordinary words after the number."""
    return f"{digits[:4]} {digits[4:8]} {digits[8:-2]} " + " ".join(
        DIGIT_WORDS_ID[int(d)] for d in digits[-2:]
    )


# Forms with more than one reading or too many letters: proposed to an officer, never linked by themselves.
AMBIGUOUS_PHONE_FORMS: dict[str, Callable[[str, random.Random], str]] = {
    "three_letters": _three_letters,
    "trailing_words": _trailing_words,
}
ACCOUNT_FORMS: dict[str, Callable[[str, random.Random], str]] = {
    "spelled_id": lambda d, rng: _spelled(d, DIGIT_WORDS_ID, rng),
    "letters": _letters,
    "star": lambda d, rng: _grouped(d, "*"),
    "full_width": lambda d, rng: "".join(FULL_WIDTH[ch] for ch in d),
}
HANDLE_FORMS: dict[str, Callable[[str, random.Random], str]] = {
    "spaced_dot": lambda h, rng: "@" + h.replace(".", " . "),
    "spaced_at": lambda h, rng: "@ " + h,
}


def evasive_phone(national: str, rng: random.Random, form: str | None = None) -> tuple[str, str]:
    """(form, text) of an Indonesian mobile given without its trunk 0 ("81234567890")."""
    form = form or rng.choice(list(PHONE_FORMS))
    return form, PHONE_FORMS[form]("0" + national, rng)


def evasive_account(bank: str, number: str, rng: random.Random, form: str | None = None) -> tuple[str, str]:
    form = form or rng.choice(list(ACCOUNT_FORMS))
    return form, f"{bank} {ACCOUNT_FORMS[form](number, rng)}"


def evasive_handle(handle: str, rng: random.Random, form: str | None = None) -> tuple[str, str]:
    form = form or rng.choice(list(HANDLE_FORMS))
    return form, HANDLE_FORMS[form](handle, rng)


def _mobile(rng: random.Random) -> str:
    """An Indonesian mobile without its trunk 0, as network.synthetic makes them."""
    digits = rng.choice((8, 9))
    return "8" + rng.choice("1235789") + str(rng.randrange(10 ** (digits - 1), 10**digits))


def _sentence(rng: random.Random, contact: str) -> str:
    opening = rng.choice(
        [
            "Loker Kamboja admin online gaji 15 juta, tanpa pengalaman.",
            "Saya ditawari kerja di Malaysia lewat Batam, katanya pakai visa turis.",
            "Lowongan operator pabrik ke Taiwan, berangkat minggu depan.",
        ]
    )
    friends = rng.sample(FALSE_FRIENDS, k=rng.randint(0, 2))
    parts = [opening, *friends]
    # The contact ends a sentence, or runs into the next words ("..., berangkat satu dua hari lagi").
    ending = rng.choice([".", ".", " ya.", " (WA).", ", berangkat satu dua hari lagi.", ", gaji Rp 8.5jt."])
    parts.insert(
        rng.randint(1, len(parts)), f"{rng.choice(['Kontak:', 'WA', 'Hub', 'Transfer ke'])} {contact}{ending}"
    )
    return " ".join(parts)


def pairs(count: int, seed: int, ambiguous: bool = False) -> list[tuple[dict, dict, dict]]:
    """(plain record, evasive record, truth) for `count` pairs; each pair's identifier is its own.
    `ambiguous`: phones in AMBIGUOUS_PHONE_FORMS only (what must be proposed, not linked)."""
    rng = random.Random(seed)
    kinds = ["phone"] if ambiguous else ["phone"] * 7 + ["account"] * 2 + ["handle"]
    made = []
    for index in range(1, count + 1):
        kind = rng.choice(kinds)
        if kind == "phone":
            national = _mobile(rng)
            while normalise("phone", "0" + national) != [("phone", "+62" + national)]:
                national = _mobile(rng)  # the plain side is the reference: it must be a valid number
            if ambiguous:
                form = rng.choice(list(AMBIGUOUS_PHONE_FORMS))
                evasive = AMBIGUOUS_PHONE_FORMS[form]("0" + national, rng)
            else:
                form, evasive = evasive_phone(national, rng)
            plain = f"0{national[:3]}-{national[3:7]}-{national[7:]}"
            value = "+62" + national
        elif kind == "account":
            bank, number = rng.choice(["BCA", "BNI", "BRI", "Mandiri"]), str(rng.randrange(10**9, 10**10))
            while number.startswith("628"):  # "BNI 628..." reads as a phone even written plainly
                number = str(rng.randrange(10**9, 10**10))
            plain, (form, evasive) = f"{bank} {number}", evasive_account(bank, number, rng)
            value = f"{bank.lower()}:{number}"
        else:
            handle = f"loker{index}.{rng.choice(['kamboja', 'kerja', 'luar'])}"
            plain, (form, evasive) = f"@{handle}", evasive_handle(handle, rng)
            value = f"@{handle}"
        as_party = rng.random() < 0.3
        evasive_record = (
            {
                "id": f"e{index}",
                "text": _sentence(rng, "lihat data"),
                "parties": [{"kind": kind, "value": evasive}],
            }
            if as_party
            else {"id": f"e{index}", "text": _sentence(rng, evasive), "parties": []}
        )
        plain_record = {"id": f"p{index}", "text": _sentence(rng, plain), "parties": []}
        truth = {
            "pair": index,
            "kind": kind,
            "value": value,
            "form": form,
            "party": as_party,
            "evasive": evasive,
        }
        made.append((plain_record, evasive_record, truth))
    return made


def write_pairs(out: TextIO, truth: TextIO, count: int, seed: int) -> int:
    for plain, evasive, fact in pairs(count, seed):
        out.write(json.dumps(plain, ensure_ascii=False) + "\n")
        out.write(json.dumps(evasive, ensure_ascii=False) + "\n")
        truth.write(json.dumps(fact, ensure_ascii=False) + "\n")
    return 2 * count


def evasive_mention(mention: tuple, account: tuple[str, str], rng: random.Random) -> tuple:  # type: ignore[type-arg]
    """A generator mention (identity, kind, structured, text form) with both forms written evasively."""
    identity, kind = mention[0], mention[1]
    if identity is None or identity[0] not in ("phone", "account", "handle"):
        return mention
    if kind == "phone":
        _form, text = evasive_phone(identity[1], rng)
    elif kind == "account":
        _form, text = evasive_account(account[0], identity[1], rng)
    else:
        _form, text = evasive_handle(identity[1], rng)
    return (identity, kind, text, text)
