"""Quizzes: the data file, scoring, and anonymous pre/post submissions once per device and phase."""

import json
import re

import pytest
from django.utils import translation

from jaring.outreach import quiz
from jaring.outreach.models import QuizResponse, Topic
from jaring.outreach.selectors import quiz_results


def test_every_question_in_the_data_file_is_well_formed() -> None:
    raw = json.loads(quiz.DATA_FILE.read_text())
    ids = [q["id"] for q in raw["questions"]]
    assert len(ids) == len(set(ids))
    for q in raw["questions"]:
        assert q["topic"] in Topic.values
        assert q["text"]["id"].strip() and q["text"]["en"].strip()
        assert q["basis"]["id"].strip() and q["basis"]["en"].strip() and q["sources"]
        assert 2 <= len(q["options"]) <= 4
        assert sum(o["correct"] for o in q["options"]) == 1, q["id"]
        assert len({o["key"] for o in q["options"]}) == len(q["options"])
        assert all(o["text"]["id"] and o["text"]["en"] for o in q["options"])


def test_every_topic_has_questions() -> None:
    topics = {q.topic for q in quiz.questions().values()}
    assert topics == set(Topic.values)


def test_questions_are_picked_from_each_topic_in_turn() -> None:
    picked = quiz.pick_for_topics(["tppo", "apoa"], limit=4)
    topics = [quiz.questions()[i].topic for i in picked]
    assert topics == ["tppo", "apoa", "tppo", "apoa"]


def test_scoring_counts_right_answers_and_records_each_choice() -> None:
    ids = ["pmi-fees", "pmi-min-age"]
    right, record = quiz.score(ids, {"pmi-fees": "b", "pmi-min-age": "a"})
    assert right == 1
    assert record == {
        "pmi-fees": {"choice": "b", "correct": True},
        "pmi-min-age": {"choice": "a", "correct": False},
    }


def _answers(event, *, correct: int) -> dict[str, str]:
    """The first `correct` questions right, the rest wrong."""
    answers = {}
    for i, q in enumerate(quiz.questions_of(event.quiz_questions)):
        wrong = next(o.key for o in q.options if not o.correct)
        answers[q.id] = q.correct_key if i < correct else wrong
    return answers


def _take(client, event, slug: str, answers: dict[str, str]):
    url = f"/sosialisasi/{event.code}/{slug}/"
    client.get(url)  # sets the device cookie, as a phone opening the QR link does
    return client.post(url, answers)


def test_pre_and_post_quiz_from_phones_give_the_gain(client, make_event, django_user_model) -> None:
    from django.test import Client

    event = make_event()
    n = len(event.quiz_questions)
    assert n >= 4
    for correct in (1, 2):
        _take(Client(), event, "sebelum", _answers(event, correct=correct))
    for correct in (n, n - 1):
        response = _take(Client(), event, "sesudah", _answers(event, correct=correct))
    assert "Jawaban yang benar" in response.content.decode()
    results = quiz_results(event)
    assert results.gain.n_pre == 2 and results.gain.n_post == 2
    expected = 100 * ((n + n - 1) / 2 - 1.5) / n
    assert results.gain.difference == pytest.approx(expected)
    assert results.gain.has_interval


def test_the_same_phone_cannot_answer_the_same_phase_twice(client, make_event) -> None:
    event = make_event()
    first = _take(client, event, "sebelum", _answers(event, correct=2))
    assert "Skor Anda: 2 dari" in first.content.decode()
    again = client.post(f"/sosialisasi/{event.code}/sebelum/", _answers(event, correct=5))
    assert "sudah mengisi kuis" in again.content.decode()
    assert QuizResponse.objects.filter(event=event).count() == 1
    assert QuizResponse.objects.get(event=event).score == 2
    # The other phase is still open for that phone.
    client.post(f"/sosialisasi/{event.code}/sesudah/", _answers(event, correct=5))
    assert QuizResponse.objects.filter(event=event).count() == 2


def test_the_device_cookie_is_stored_only_as_a_hash(client, make_event) -> None:
    event = make_event()
    _take(client, event, "sebelum", _answers(event, correct=1))
    cookie = client.cookies["jaring_perangkat"].value
    stored = QuizResponse.objects.get(event=event).device_hash
    assert cookie not in stored and re.fullmatch(r"[0-9a-f]{64}", stored)


def test_unanswered_questions_are_flagged_and_the_given_answers_kept(client, make_event) -> None:
    event = make_event()
    answers = _answers(event, correct=1)
    first_id, first_choice = next(iter(answers.items()))
    last_id = list(answers)[-1]
    del answers[last_id]
    response = _take(client, event, "sebelum", answers)
    html = response.content.decode()
    assert "Pilih salah satu jawaban." in html
    assert re.search(
        rf'value="{first_choice}"[^>]*name="{first_id}"[^>]*checked|name="{first_id}" value="{first_choice}"[^>]*checked',
        html,
    )
    assert not QuizResponse.objects.exists()


def test_a_phone_without_cookies_is_asked_to_enable_them(client, make_event) -> None:
    event = make_event()
    response = client.post(f"/sosialisasi/{event.code}/sebelum/", _answers(event, correct=1))
    assert "cookie" in response.content.decode()
    assert not QuizResponse.objects.exists()


def test_the_quiz_link_accepts_a_lower_case_code(client, make_event) -> None:
    event = make_event()
    response = client.get(f"/sosialisasi/{event.code.lower()}/sebelum/")
    assert response.status_code == 302 and response["Location"].endswith(f"/{event.code}/sebelum/")


def test_quiz_questions_are_shown_in_english_under_en(client, make_event) -> None:
    event = make_event(topics=["pmi_prosedural"])
    html = client.get(f"/en/sosialisasi/{event.code}/sebelum/").content.decode()
    assert "Who may place Indonesian migrant workers (PMI) abroad?" in html


def test_most_missed_questions_after_the_event_are_listed(client, make_event) -> None:
    event = make_event()
    _take(client, event, "sesudah", _answers(event, correct=len(event.quiz_questions) - 1))
    missed = quiz_results(event).missed_after
    assert [m.question_id for m in missed] == [event.quiz_questions[-1]]
    assert missed[0].rate == 100.0


@pytest.mark.parametrize(
    ("prefix", "basis", "checked"), [("", "Dasar", "diperiksa"), ("/en", "Basis", "checked")]
)
def test_the_answers_page_links_each_questions_sources(client, make_event, prefix, basis, checked) -> None:
    """After the session the right answers teach: each with what it rests on and the documents, linked."""
    event = make_event()
    url = f"{prefix}/sosialisasi/{event.code}/sesudah/"
    with translation.override("en" if prefix else "id"):  # the request's language does not outlive the test
        client.get(url)
        html = client.post(url, _answers(event, correct=len(event.quiz_questions))).content.decode()
        labels = {q.id: q.basis_label for q in quiz.questions_of(event.quiz_questions)}
    answers = html.split("<ol>", 1)[1].split("</ol>", 1)[0]
    for q in quiz.questions_of(event.quiz_questions):
        assert labels[q.id] in answers
        for source in q.sources:
            if not source.get("internal"):
                assert f'href="{source["url"]}"' in answers, (q.id, source["url"])
    assert f"{basis}: " in answers and f"; {checked} 2026-12-0" in answers
    if prefix:
        assert "Law 18/2017" in answers or "Law 21/2007" in answers or "Law 31/2014" in answers
