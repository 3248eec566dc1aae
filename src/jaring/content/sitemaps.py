sitemaps: dict = {}
