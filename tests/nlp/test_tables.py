"""Tables the reader flattens to one row a paragraph (cells joined by " | "): what each column holds."""
from __future__ import annotations

from extractor.core import extract
from extractor.nlp.pipeline import annotate
from extractor.nlp.quantity.tables import tables

QUOTAS = ("Kết quả phát triển người tham gia BHXH tự nguyện 9 tháng năm 2027 của các huyện như sau:\n\n"
          "STT | Đơn vị | Chỉ tiêu giao | Thực hiện | Tỷ lệ (%)\n\n"
          "1 | Huyện Mường Tè | 1.300 | 910 | 70\n\n"
          "2 | Huyện Sìn Hồ | 1.600 | 1.400 | 87,5\n\n"
          "Các huyện cần đẩy mạnh tuyên truyền trong quý IV.")


def test_a_table_is_its_header_and_its_rows_of_as_many_cells():
    [(_, header, rows)] = tables(QUOTAS)
    assert header == ["STT", "Đơn vị", "Chỉ tiêu giao", "Thực hiện", "Tỷ lệ (%)"] and len(rows) == 2


def test_a_plan_column_holds_goals_an_index_column_nothing_and_a_percent_header_percentages():
    ann = annotate(QUOTAS, lang="vi", published="2027-10-05", title=None)
    assert [(t.value, t.unit, t.metric) for t in ann.targets] == [
        (1300, "count", "social_insurance_participants"), (1600, "count", "social_insurance_participants")]
    assert [(f.value, f.unit, f.metric) for f in ann.figures] == [
        (910, "count", "social_insurance_participants"), (70, "percent", "other"),
        (1400, "count", "social_insurance_participants"), (87.5, "percent", "other")]


def test_under_a_lead_in_announcing_goals_every_cell_is_a_goal_due_in_its_columns_year():
    text = ("Chỉ tiêu bao phủ bảo hiểm y tế giai đoạn 2027 – 2029 giao cho các tỉnh được quy định như sau:\n\n"
            "TT | Tỉnh, thành phố | Năm 2027 | Năm 2028 | Năm 2029\n\n"
            "1 | Sơn La | 94,50% | 95,20% | 96,00%\n\n"
            "Các địa phương tổ chức thực hiện.")
    ann = annotate(text, lang="vi", published="2027-01-05", title=None)
    assert ann.figures == []
    assert [(t.value, t.year, t.metric) for t in ann.targets] == [
        (94.5, 2027, "health_insurance_coverage"), (95.2, 2028, "health_insurance_coverage"),
        (96.0, 2029, "health_insurance_coverage")]


def test_a_furniture_line_with_a_bar_is_no_table():
    assert tables("Cập nhật ngày: 11/11/2027 | 08:31 GMT+7\n\nTỉnh có 1.200 người tham gia.") == []


def test_an_html_table_of_targets_and_results_reads_by_column():
    html = ("<html><body><article><h1>Health insurance coverage by district</h1>"
            "<p>The provincial social insurance agency released the health insurance coverage of its districts "
            "for the first nine months of 2027, against the targets the province assigned to each of them.</p>"
            "<table><tr><th>District</th><th>Target</th><th>Achieved</th></tr>"
            "<tr><td>Muong Te</td><td>95%</td><td>93.1%</td></tr>"
            "<tr><td>Sin Ho</td><td>96%</td><td>96.4%</td></tr></table>"
            "<p>Districts below their target will step up communication in the last quarter of the year.</p>"
            "</article></body></html>")
    record = extract(html, lang="en")
    assert [t.value for t in record.targets] == [95, 96] and [f.value for f in record.figures] == [93.1, 96.4]


CELL_LINES = ("Kết quả phát triển người tham gia BHYT 9 tháng năm 2027\n\n"
              "Bảng 1. Số người tham gia theo đơn vị (đơn vị tính: người)\n\n"
              "TT\n\nĐơn vị\n\nKế hoạch năm 2027\n\nThực hiện 9 tháng\n\nTỷ lệ % so với KH\n\n"
              "1\n\nXã Tân Lập\n\n12.400\n\n11.300\n\n91,1\n\n"
              "2\n\nXã Hòa Bình\n\n9.800\n\n9.500\n\n96,9\n\n"
              "Tổng cộng\n\n22.200\n\n20.800\n\n93,7\n\n"
              "Các xã cần đẩy mạnh tuyên truyền trong quý IV.")


def test_a_table_flattened_one_cell_a_line_is_read_by_its_columns():
    [(_, header, rows)] = tables(CELL_LINES)
    assert header == ["TT", "Đơn vị", "Kế hoạch năm 2027", "Thực hiện 9 tháng", "Tỷ lệ % so với KH"]
    assert len(rows) == 3
    ann = annotate(CELL_LINES, lang="vi", published="2027-10-05", title=None)
    assert [t.value for t in ann.targets] == [12400, 9800, 22200]
    assert [f.value for f in ann.figures if f.unit == "count"] == [11300, 9500, 20800]


def test_a_caption_naming_goals_and_a_percent_unit_makes_the_cells_goals_in_percent():
    text = ("Chỉ tiêu tỷ lệ bao phủ BHYT giai đoạn 2027 - 2028 (đơn vị: %)\n\n"
            "TT\n\nĐơn vị\n\nNăm 2027\n\nNăm 2028\n\n1\n\nXã Tân Lập\n\n93,5\n\n94,2\n\n"
            "2\n\nXã Hòa Bình\n\n91,8\n\n93,0\n\nChỉ tiêu được giao là căn cứ để xếp loại thi đua.")
    ann = annotate(text, lang="vi", published="2027-01-05", title=None)
    assert [(t.value, t.unit, t.year) for t in ann.targets] == [
        (93.5, "percent", 2027), (94.2, "percent", 2028), (91.8, "percent", 2027), (93.0, "percent", 2028)]


def test_short_lines_that_do_not_fall_into_rows_are_no_table():
    assert tables("Hà Nội\n\n91,5%\n\nHải Phòng\n\n92,0%\n\n93,1%") == []


def test_a_money_unit_in_a_header_or_caption_and_a_unit_column_give_cells_their_unit():
    text = ("Tiến độ thu năm 2027 của các xã như sau:\n\nĐơn vị tính: triệu đồng\n\n"
            "TT\n\nĐơn vị\n\nKế hoạch thu năm 2027\n\nĐã thu\n\n1\n\nXã Tân Lập\n\n186.450\n\n139.512\n\n"
            "2\n\nXã Hòa Bình\n\n98.760\n\n70.318\n\nCác xã cần đẩy mạnh thu nợ.")
    ann = annotate(text, lang="vi", published="2027-10-05", title=None)
    assert [(t.value, t.unit, t.currency) for t in ann.targets] == [
        (186_450_000_000, "currency", "VND"), (98_760_000_000, "currency", "VND")]
    rows = ("Kết quả và kế hoạch an sinh xã hội của tỉnh.\n\nTT\n\nChỉ tiêu\n\nĐơn vị tính\n\nThực hiện năm 2026\n\n"
            "Kế hoạch năm 2027\n\n1\n\nTỷ lệ dân số tham gia BHYT\n\n%\n\n93,7\n\n94,6\n\n"
            "2\n\nSố người tham gia BHXH tự nguyện\n\nngười\n\n24.318\n\n27.500\n\nHết.")
    ann = annotate(rows, lang="vi", published="2026-12-05", title=None)
    assert [(t.value, t.unit) for t in ann.targets] == [(94.6, "percent"), (27500, "count")]
