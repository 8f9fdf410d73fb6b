"""--explain output: header, every item, its evidence sentence with the item highlighted."""
from __future__ import annotations

from extractor.explain import explain
from extractor.record import Figure, Initiative, Locality, Person, Record, Span, Target

TEXT = ("Le modèle « La jarre solidaire » aide les familles. Au 30 juin, la couverture atteignait 92,4 %. "
        "M. Lo Van Thuan, directeur de la Sécurité sociale de Nghe An, salue l'initiative.")


def record() -> Record:
    def at(s: str) -> dict:
        i = TEXT.index(s)
        return {"text": s, "start": i, "end": i + len(s)}

    return Record(
        extractor_version="test", title="Une jarre pour la santé", language="fr", published="2025-07-01",
        relevant=True, provinces=["Nghệ An"], text=TEXT,
        figures=[Figure(value=92.4, unit="percent", metric="health_insurance_coverage", as_of="2025-06-30",
                        **at("92,4 %"))],
        localities=[Locality(name="Nghệ An", level="province", province="Nghệ An",
                             mentions=[Span(**at("Nghe An"))])],
        initiatives=[Initiative(name="La jarre solidaire", province="Nghệ An", **at("modèle « La jarre solidaire »"))],
        people=[Person(name="Lo Van Thuan", role="directeur", organization="Sécurité sociale de Nghe An",
                       **at("Lo Van Thuan"))],
    )


def test_plain_output_brackets_each_item_in_its_sentence():
    out = explain(record(), color=False)
    assert out.startswith("# Une jarre pour la santé")
    assert "relevant=True" in out and "provinces=Nghệ An" in out
    assert "Au 30 juin, la couverture atteignait [[92,4 %]]." in out
    assert "Le [[modèle « La jarre solidaire »]] aide les familles." in out
    assert "M. [[Lo Van Thuan]], directeur" in out
    assert "Sécurité sociale de [[Nghe An]]" in out
    for section in ("## figures (1)", "## targets (0)", "## localities (1)", "## initiatives (1)", "## people (1)"):
        assert section in out
    assert "\x1b[" not in out


def test_values_are_written_as_the_tables_write_them():
    rec = record()
    text = rec.text + " Le budget atteint 1,1 milliard de dongs ; objectif : au moins 95 % en 2025."
    at = lambda s: {"text": s, "start": text.index(s), "end": text.index(s) + len(s)}  # noqa: E731
    rec = rec.model_copy(update={
        "text": text,
        "figures": rec.figures + [Figure(value=1.1e9, unit="currency", currency="VND", **at("1,1 milliard de dongs"))],
        "targets": [Target(value=95, unit="percent", comparator=">=", year=2025, metric="health_insurance_coverage",
                           locality="Nghệ An", **at("95 %"))]})
    out = explain(rec, color=False)
    assert "- 1.1 billion VND" in out
    assert "- target ≥ 95 % health insurance coverage by 2025  · Nghệ An" in out
    assert "- 92.4 % health insurance coverage as of 2025-06-30" in out
    assert "comparator=" not in out and "value=" not in out and "1100000000" not in out


def test_colour_output_uses_ansi_highlight():
    out = explain(record(), color=True)
    assert "\x1b[1;33m92,4 %\x1b[0m" in out


def test_error_record_explains_without_items():
    out = explain(Record(extractor_version="test", error="no article"), color=False)
    assert "error: no article" in out and "## figures (0)" in out


def test_an_initiative_named_only_in_the_headline_shows_the_headline():
    rec = record()
    rec.initiatives.append(Initiative(name="Une jarre pour la santé", text="Une jarre pour la santé", start=0, end=0,
                                      in_title=True))
    out = explain(rec, color=False)
    assert "> (headline) Une jarre pour la santé" in out
