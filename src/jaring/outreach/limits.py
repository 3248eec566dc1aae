"""Rate limits of the public outreach forms (jaring.lib.ratelimit: per hashed client address, in the cache)."""

from jaring.lib.ratelimit import Limit

# A real organiser sends one request; a few more allow for mistakes.
SESSION_REQUESTS = Limit(scope="outreach-request", limit=5, window=3600)
# A whole class behind one school router answers before and after: generous, but stops a script.
QUIZ_SUBMISSIONS = Limit(scope="outreach-quiz", limit=300, window=3600)
