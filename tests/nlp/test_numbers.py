"""The number reader: digit shapes per locale, scale words, number words, what is not a number."""
import pytest

from extractor.nlp.numbers import find_numbers, grammar, parse_digits

PERCENT = r"[ \u00a0\u202f]*%"


@pytest.mark.parametrize("s, decimal, hint, value", [
    ("93,9", ",", False, 93.9),
    ("93.9", ".", False, 93.9),
    ("9 000", ",", False, 9000),
    ("9\u00a0000", ",", False, 9000),
    ("1\u202f642\u202f600", ",", False, 1642600),
    ("2 315,5", ",", False, 2315.5),
    ("9.000", ",", False, 9000),
    ("1.317.600", ",", False, 1317600),
    ("9,000", ".", False, 9000),
    ("1,598,700", ".", False, 1598700),
    ("1,2", ",", True, 1.2),
    ("1,240", ",", False, 1240),        # a count written with an English comma in a French text
    ("1,240", ",", True, 1.24),         # "1,240 triệu": the locale's decimal mark before a scale word
    ("118,460", ".", True, 118460),     # "118,460 billion" in English: the comma groups
    ("1.240", ".", True, 1.24),
    ("95.15", ",", False, 95.15),
    ("3.004.215,5", ",", False, 3004215.5),
    ("1,234.5", ".", False, 1234.5),
    ("0,7", ",", False, 0.7),
])
def test_parse_digits(s, decimal, hint, value):
    assert parse_digits(s, decimal, hint) == pytest.approx(value)


@pytest.mark.parametrize("s", ["0912.345.678", "1.23.456", "12 34", "0258"])
def test_malformed_digits_are_not_numbers(s):
    assert parse_digits(s, ",") is None


def values(text, lang, prefix=""):
    return [(n.text, n.value) for n in find_numbers(text, grammar(lang, PERCENT, prefix))]


def test_french_scales_and_words():
    got = values("Il y a 6,8 millions de visites, 2 410 milliards de dôngs, trente-deux membres, "
                 "une vingtaine de réunions et plus d'un million de dôngs.", "fr")
    assert got == [("6,8 millions", 6_800_000), ("2 410 milliards", 2_410_000_000_000),
                   ("trente-deux", 32), ("une vingtaine", 20), ("un million", 1_000_000)]


def test_a_scale_word_on_the_next_line_of_a_wrapped_page():
    assert values("They spent nearly 14\nbillion VND.", "en") == [("14\nbillion", 14_000_000_000)]
    assert values("Năm nay 12\n\nTriệu người", "vi") == [("12", 12)]


def test_word_that_needs_a_scale_is_skipped_alone():
    assert values("Un habitant sur deux.", "fr") == [("deux", 2)]


def test_english_scales_words_and_currency_prefix():
    got = values("It spent VND12.5 billion, or US$490,000, on three new offices and two million cards.",
                 "en", r"VND|US\$")
    assert got == [("12.5 billion", 12_500_000_000), ("490,000", 490_000), ("three", 3),
                   ("two million", 2_000_000)]


def test_vietnamese_scales_and_counted_words():
    got = values("Có 2,35 triệu người, 41 nghìn tỷ đồng, hai đợt vận động; năm nay chưa xong.", "vi")
    assert got == [("2,35 triệu", 2_350_000), ("41 nghìn tỷ", 41_000_000_000_000), ("hai", 2)]


@pytest.mark.parametrize("text", [
    "Décision n°17/QD-UBND", "le 14/2/2025", "à 9:45", "GMT+7", "la route A2", "le 21e congrès",
    "la période 2024-2026", "Covid-19", "du 3/2025",
])
def test_glued_numbers_are_not_read(text):
    assert values(text, "fr") == []


@pytest.mark.parametrize("text", [
    "Gọi số 0236 3 512 408 để được hỗ trợ", "the free line 1800 6543", "appelez le 0243 7716 250",
])
def test_phone_runs_are_not_read(text):
    assert values(text, "vi") == []


def test_thousands_groups_beside_a_phone_run_are_still_read():
    assert values("Soit 9 000 personnes; ligne 0210 3 845 112.", "fr") == [("9 000", 9000)]


def test_zero_padded_small_counts_and_compound_amounts():
    from extractor.nlp.numbers import find_numbers, grammar
    g = grammar("vi")
    assert [n.value for n in find_numbers("Trao 07 thẻ cho 012 hộ; gọi 0275 3822 417.", g)] == [7, 12]
    assert [n.value for n in find_numbers("Số tiền 2 tỷ 867 triệu đồng, mỗi tháng 2.000.000đ.", g)] == [
        2_867_000_000, 2_000_000]


@pytest.mark.parametrize("text, lang, expected", [
    ("Xã có 860.061/1.264.627 người tham gia.", "vi", [("860.061", 860061), ("1.264.627", 1264627)]),
    ("L'école compte 97/198 élèves assurés et 699/2 653 étudiants.", "fr",
     [("97", 97), ("198", 198), ("699", 699), ("2 653", 2653)]),
    ("Đạt 19/19 xã.", "vi", [("19", 19), ("19", 19)]),
    ("Ngày 23/6/2022 và ngày 7/7, theo Luật 58/2014 và Quyết định 1269/QĐ-UBND.", "vi", []),
])
def test_a_part_over_its_whole_gives_two_counts_a_date_none(text, lang, expected):
    assert values(text, lang) == expected


def test_a_decimal_comma_lost_in_a_dump_before_a_percent_or_scale_word():
    assert values("soit 26 35 % et plus de 14 28 milliards de VND, mais 26 élèves", "fr") == [
        ("26 35", 26.35), ("14 28 milliards", 14280000000), ("26", 26)]


@pytest.mark.parametrize("text, lang, expected", [
    ("Tỷ lệ đạt 37-38% lực lượng lao động.", "vi", [("37", 37), ("38", 38)]),
    ("Thu nhập 40-50 triệu đồng mỗi năm.", "vi", [("40", 40), ("50 triệu", 50_000_000)]),
    ("Taux visé : 4,5-5 % de la population.", "fr", [("4,5", 4.5), ("5", 5)]),
    ("Nghị quyết 28-NQ/TW ngày 23-5-2018, giai đoạn 2021-2025.", "vi", []),
    ("Mã 38-37% không hợp lệ.", "vi", []),
])
def test_a_hyphen_joins_two_ends_of_a_range_only_before_a_unit(text, lang, expected):
    assert values(text, lang) == expected


def test_a_count_with_three_decimals_after_mixed_marks_is_a_slip_of_the_grouping_mark():
    assert values("Toàn tỉnh có 1.617,981 người tham gia và 2.315,5 tỷ đồng.", "vi") == [
        ("1.617,981", 1617981), ("2.315,5 tỷ", 2315500000000)]


def test_french_points_of_something_are_no_percentage_points():
    from extractor.nlp.quantity.rules import rules
    from extractor.nlp.quantity.clauses import Item, read_unit
    from extractor.nlp.numbers import find_numbers
    r = rules("fr")
    text = "Réunis dans 613 points de rassemblement, le taux gagne 2 points."
    units = []
    for n in find_numbers(text, r.grammar):
        it = Item(num=n, start=n.start, end=n.end, value=n.value)
        read_unit(text, it, r)
        units.append(it.unit)
    assert units == ["count", "percentage_point"]
