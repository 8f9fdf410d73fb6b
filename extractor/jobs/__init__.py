"""Whole jobs, the only place where stages meet: ingest, crawl, update, reprocess."""
