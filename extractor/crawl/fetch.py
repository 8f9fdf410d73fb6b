"""One HTTP client for the whole project (placeholder until the crawler lands)."""
USER_AGENT = "coverage-news-extractor/0.1 (+https://github.com/coverage-news/extractor; research crawler)"
