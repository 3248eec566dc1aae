from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "jaring.outreach"

    def review_items(self) -> list[tuple[str, str, str]]:
        """What this app teaches the public, for `jaring content_review` (content sits below outreach, so it asks
        each app instead of importing it): (kind, key, reviewed_on) per quiz question."""
        from jaring.outreach import quiz

        return [("quiz", q.id, q.reviewed_on) for q in quiz.questions().values()]
