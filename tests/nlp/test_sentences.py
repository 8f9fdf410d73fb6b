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


def test_a_hard_wrapped_line_goes_on_in_lower_case():
    assert sentences("The fund paid nearly 14\nbillion VND to the workers.\nA new line starts here.") == [
        "The fund paid nearly 14\nbillion VND to the workers.", "A new line starts here."]
    assert sentences("Hội nghị tổng kết\nnăm 2025") == ["Hội nghị tổng kết\nnăm 2025"]
    assert sentences("Kết quả:\nnăm 2025 đạt 95%") == ["Kết quả:", "năm 2025 đạt 95%"]


def test_a_section_or_article_number_opens_its_heading_instead_of_ending_a_sentence():
    text = "II. Nhiệm vụ, chỉ tiêu năm 2027\n\n- Tỷ lệ bao phủ BHYT đạt 96%.\n\nĐiều 1. Các chỉ tiêu chủ yếu\n\nArticle 2. Targets"
    assert [text[s:e] for s, e in split(text)] == [
        "II. Nhiệm vụ, chỉ tiêu năm 2027", "- Tỷ lệ bao phủ BHYT đạt 96%.", "Điều 1. Các chỉ tiêu chủ yếu",
        "Article 2. Targets"]
