"""Sentence spans by rule."""
from extractor.nlp.sentences import split


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)]


def test_a_stop_glued_to_the_next_sentence_still_ends_one():
    assert sentences("Il viendra au Têt.Pour le financer, la caisse paie.") == [
        "Il viendra au Têt.", "Pour le financer, la caisse paie."]
    assert sentences("Xã đạt 91,5%.Nguyên nhân là thẻ hết hạn (1.200 người).Để khắc phục, xã vận động.") == [
        "Xã đạt 91,5%.", "Nguyên nhân là thẻ hết hạn (1.200 người).", "Để khắc phục, xã vận động."]


def test_glued_capitals_inside_a_name_do_not_split():
    assert sentences("La TP.HCM compte 9 millions d'assurés.") == ["La TP.HCM compte 9 millions d'assurés."]
