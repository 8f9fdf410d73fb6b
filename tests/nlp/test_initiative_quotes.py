"""Where a quoted or capitalised name's cue stands, on sentences of our own: a cue word that
ends the quote, a plural cue after a list of quotes, a cue in a bracket before the quote, a
propaganda session after its quoted name, and festivals named with their insurance."""
from __future__ import annotations

import pytest

from .test_initiatives import names, run


@pytest.mark.parametrize("text,want", [
    ("The Farmers' Union set up a 'Health Insurance Savings Club' in each hamlet.",
     ["Health Insurance Savings Club"]),
    ("Twelve \"Pension Neighbours\" groups meet monthly in the ward to remind members of premiums.",
     ["Pension Neighbours"]),
    ("Members of the “Rice Jar Insurance” and “Buffalo Savings” models received their social insurance books.",
     ["Rice Jar Insurance", "Buffalo Savings"]),
    ("A \"knock on every door\" propaganda session organised by the commune social insurance office signed up "
     "40 people.", ["knock on every door"]),
    ("Thanks to a sponsorship scheme (known as \"Warm Hands, Full Cards\"), 60 pupils received health insurance.",
     ["Warm Hands, Full Cards"]),
    ("The Social Insurance Open Day in the market town drew 500 residents.", ["Social Insurance Open Day"]),
])
def test_english_cues_around_a_name(text, want):
    assert names(run(text, "en")) == want


@pytest.mark.parametrize("text", [
    "A \"Zalo\" group shares market prices among members of the health insurance club.",
    "Vietnam Health Insurance Day falls on July 1, when social insurance offices open on Saturday.",
])
def test_english_groups_about_something_else_and_national_days_are_no_initiatives(text):
    assert names(run(text, "en")) == []
