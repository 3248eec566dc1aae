"""The private self-interview: a public page reached only through the one-time link the officer shows.

Nothing about the traveller is shown; the questions come from the interview guide in the page's language.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from jaring.checkpoints import guide
from jaring.checkpoints.self_interview import self_interview_open, self_interview_submit


@never_cache
def self_interview(request: HttpRequest, token: str) -> HttpResponse:
    questions = [(q["code"], guide.text(q["text"])) for q in guide.load().self_questions]
    if self_interview_open(token) is None:
        return render(request, "checkpoints/self_interview.html", {"closed": True}, status=404)
    if request.method == "POST":
        answers = {code: request.POST.get(code, "") for code, _text in questions}
        try:
            self_interview_submit(token=token, answers=answers)
        except ValidationError as exc:
            context = {"questions": questions, "answers": answers, "errors": exc.messages}
            return render(request, "checkpoints/self_interview.html", context, status=422)
        return render(request, "checkpoints/self_interview.html", {"done": True})
    return render(request, "checkpoints/self_interview.html", {"questions": questions, "answers": {}})
