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
