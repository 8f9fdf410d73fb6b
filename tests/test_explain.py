"""--explain output: header, every item, its evidence sentence with the item highlighted."""
from __future__ import annotations

from extractor.explain import explain
from extractor.record import Figure, Initiative, Locality, Person, Record, Span

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


def test_colour_output_uses_ansi_highlight():
    out = explain(record(), color=True)
    assert "\x1b[1;33m92,4 %\x1b[0m" in out


def test_error_record_explains_without_items():
    out = explain(Record(extractor_version="test", error="no article"), color=False)
    assert "error: no article" in out and "## figures (0)" in out
