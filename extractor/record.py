"""The record we emit for one article, and its items.

These models are the single definition of the output contract (see the README's
"Record" section): the CLI, the library API, the store and the JSON Schema under
``extractor/schema/record.schema.json`` are all derived from them.
"""
from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Unit = Literal["percent", "percentage_point", "count", "currency"]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most"]
Comparator = Literal[">=", ">", "~", "=", "<=", "<"]
Level = Literal["province", "district", "commune"]
Metric = Literal[
    "health_insurance_coverage",
    "social_insurance_coverage",
    "unemployment_insurance_coverage",
    "health_insurance_participants",
    "social_insurance_participants",
    "unemployment_insurance_participants",
    "satisfaction",
    "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Evidence: a stretch of the record's ``text`` (character offsets, end exclusive)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quantity(Span):
    value: float
    unit: Unit
    currency: str | None = None
    metric: Metric | None = "other"
    locality: str | None = None
    sentence: str | None = Field(None, description="The sentence the quantity was read from.")


class Figure(Quantity):
    """An observed quantity: how much or how many, as stated by the article."""

    qualifier: Qualifier = "exact"
    as_of: str | None = Field(None, description="ISO date (or year / year-month) the figure describes.")


class Target(Quantity):
    """A goal: a quantity the article says a place aims to reach, usually by a deadline."""

    comparator: Comparator = "="
    year: int | None = None


class Locality(_Model):
    """A Vietnamese administrative unit named in the article, resolved in the gazetteer."""

    name: str
    level: Level
    province: str | None = None
    province_before_2025: str | None = None
    code: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = Field(default_factory=list)


class Initiative(Span):
    """A named local programme, model, campaign or movement to raise participation."""

    name: str
    locality: str | None = None
    province: str | None = None
    in_title: bool = Field(False, description="Named only in the headline: `text` is the headline's words, "
                                              "and `start` = `end` = 0.")


class Person(Span):
    name: str
    role: str | None = None
    organization: str | None = None


class Relevance(_Model):
    """Why an article was judged relevant or not: its score and the evidence counted."""

    score: float
    reasons: list[str] = Field(default_factory=list)


class Record(_Model):
    """Everything extracted from one article, with the article's clean text as evidence base."""

    input: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None
    published: str | None = None
    source_url: str | None = None
    outlet: str | None = None
    text: str = ""
    content_sha256: str | None = None
    extractor_version: str
    schema_version: str = SCHEMA_VERSION
    relevant: bool = False
    relevance: Relevance | None = Field(None, description="The relevance score and its reasons (topic words, items found).")
    provinces: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    localities: list[Locality] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", exclude_none=False)

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def json_schema() -> dict:
    """The JSON Schema of a record, generated from the models above."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://coverage-news-extractor/record/{SCHEMA_VERSION}"
    return schema
