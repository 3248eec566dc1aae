"""Search over published articles and FAQ that understands Indonesian word forms.

Every item stores its stems in `search_text` (" kerja luar negeri ... "); a query is stemmed the same way
and matched token by token with LIKE '% stem %', which behaves identically on SQLite and PostgreSQL.
Ranking happens in Python on the (small) candidate set so both databases order results the same way.
"""

from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from jaring.content.models import Article, Faq, Status
from jaring.lib.text import stems

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_RESULTS = 30
# Function words that would match almost everything; dropped unless the query has nothing else.
STOPWORDS = frozenset({
    "di", "ke", "dari", "yang", "dan", "atau", "untuk", "dengan", "ini", "itu", "ada", "apa", "saya", "kami",
    "anda", "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "is", "are", "how", "what", "my", "your",
})  # fmt: skip


class SearchQueryError(ValueError):
    """A query we refuse, with a message in the visitor's language."""


@dataclass(frozen=True)
class Hit:
    kind: str  # "article" or "faq"
    title: str
    summary: str
    url: str
    language: str
    topic: str
    score: int
    matched: int


def query_terms(query: str) -> list[str]:
    query = (query or "").strip()
    if not query:
        raise SearchQueryError(_("Masukkan kata yang ingin dicari."))
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchQueryError(
            _("Kata pencarian terlalu panjang: maksimal %(n)s karakter.") % {"n": MAX_QUERY_LENGTH}
        )
    terms = list(dict.fromkeys(stems(query)))
    if not terms:
        raise SearchQueryError(_("Masukkan kata yang ingin dicari (huruf atau angka)."))
    meaningful = [t for t in terms if t not in STOPWORDS]
    return (meaningful or terms)[:MAX_TERMS]


def _score(terms: list[str], title: str, summary: str, search_text: str) -> tuple[int, int]:
    """(how many query terms matched, weighted score): title counts most, then summary, then body."""
    title_terms, summary_terms = set(stems(title)), set(stems(summary))
    counts = Counter(search_text.split())
    matched = score = 0
    for term in terms:
        if not counts[term]:
            continue
        matched += 1
        score += 8 * (term in title_terms) + 3 * (term in summary_terms) + min(counts[term], 5)
    return matched, score


def search(query: str, *, language: str) -> tuple[list[Hit], list[Hit]]:
    """Published hits in `language`, then hits in the other language. Raises SearchQueryError."""
    terms = query_terms(query)
    match = reduce(or_, (Q(search_text__contains=f" {term} ") for term in terms))
    hits: list[Hit] = []
    for article in Article.objects.filter(match, status=Status.PUBLISHED):
        matched, score = _score(terms, article.title, article.summary, article.search_text)
        if matched:
            hits.append(
                Hit("article", article.title, article.summary, article.get_absolute_url(), article.language,
                    article.topic, score, matched)
            )  # fmt: skip
    for faq in Faq.objects.filter(match, status=Status.PUBLISHED):
        matched, score = _score(terms, faq.question, "", faq.search_text)
        if matched:
            summary = Truncator(strip_tags(faq.answer_html)).chars(200)
            hits.append(
                Hit(
                    "faq",
                    faq.question,
                    summary,
                    faq.get_absolute_url(),
                    faq.language,
                    faq.topic,
                    score,
                    matched,
                )
            )
    hits.sort(key=lambda h: (-h.matched, -h.score, h.title))
    own = [h for h in hits if h.language == language][:MAX_RESULTS]
    other = [h for h in hits if h.language != language][:MAX_RESULTS]
    return own, other
