"""The catalogue of every word the staff read: problem messages (one entry per code), the errors
that stop a run and the command's own lines, in Vietnamese and English.

Problems and errors carry data only (paths, numbers, IDs, field names as the data spells them);
wording chosen by a param (a reason, a kind, a type) is looked up here by its id."""

from __future__ import annotations

import os
from typing import Any

# The languages of what the commands print; OCOP_LANG sets it where no `--lang` reaches (a
# plain `mkdocs build`, the engine's hook under `ocop build` and `ocop serve`, and the set-up
# of generator/bootstrap.py). This module uses the standard library only, for that set-up.
LANGUAGES = ("vi", "en")
LANG_ENV = "OCOP_LANG"


def language() -> str:
    """The language of the messages: OCOP_LANG when it names one (`LANGUAGES`), else Vietnamese."""
    value = os.environ.get(LANG_ENV, "")
    return value if value in LANGUAGES else LANGUAGES[0]


# code -> language -> (message, hint). Placeholders are filled from a problem's params.
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "yaml-syntax": {
        "vi": (
            "Lỗi cú pháp YAML: {detail}",
            "Kiểm tra thụt lề (dùng dấu cách), dấu hai chấm sau tên trường và dấu nháy đóng mở.",
        ),
        "en": (
            "YAML syntax error: {detail}",
            "Check indentation (spaces), the colon after each field name and matching quotes.",
        ),
    },
    "yaml-tab": {
        "vi": (
            "Có ký tự tab trong phần thụt lề",
            "YAML chỉ cho phép thụt lề bằng dấu cách: thay tab bằng 2 dấu cách.",
        ),
        "en": (
            "A tab character is used for indentation",
            "YAML only allows spaces for indentation: replace the tab with 2 spaces.",
        ),
    },
    "yaml-duplicate-key": {
        "vi": (
            "Trường '{key}' xuất hiện hai lần (lần đầu ở dòng {first_line})",
            "Giữ lại một lần duy nhất; nếu không, giá trị đầu sẽ bị mất.",
        ),
        "en": (
            "Field '{key}' appears twice (first on line {first_line})",
            "Keep only one; otherwise the first value is silently lost.",
        ),
    },
    "yaml-key-not-text": {
        "vi": ("Tên trường '{key}' phải là chữ", "Đặt tên trường bằng chữ thường, ví dụ `name:`."),
        "en": (
            "Field name '{key}' must be text",
            "Use a lower-case word as field name, e.g. `name:`.",
        ),
    },
    "yaml-not-mapping": {
        "vi": (
            "Tệp phải là một bản ghi (các dòng `trường: giá trị`), không phải {found_name}",
            "Bắt đầu tệp bằng `id: ...` như các tệp mẫu trong thư mục data/.",
        ),
        "en": (
            "The file must hold one record (`field: value` lines), not {found_name}",
            "Start the file with `id: ...` like the sample files in data/.",
        ),
    },
    "yaml-unsupported": {
        "vi": (
            "Cấu trúc YAML không được hỗ trợ: {reason_text}",
            "Chỉ dùng trường, danh sách và giá trị đơn giản; không dùng thẻ `!`, neo `&`/`*` hay `<<`.",
        ),
        "en": (
            "Unsupported YAML construct: {reason_text}",
            "Use plain fields, lists and values only; no `!` tags, `&`/`*` anchors or `<<`.",
        ),
    },
    "yaml-too-deep": {
        "vi": (
            "Giá trị lồng nhau quá sâu (hơn {limit} tầng danh sách, nhóm trường)",
            "Dữ liệu OCOP chỉ cần vài tầng: kiểm tra dấu ngoặc [ ] { } và thụt lề; "
            "tệp có thể bị chép hỏng.",
        ),
        "en": (
            "Values are nested too deep (more than {limit} levels of lists and groups)",
            "OCOP data needs only a few levels: check the brackets [ ] { } and the indentation; "
            "the file may be damaged.",
        ),
    },
    "control-character": {
        "vi": (
            "Có ký tự không in được {char}: trang web không hiện được nó và các tệp XML bị hỏng",
            "Xóa ký tự này (thường lẫn vào khi chép từ Word, PDF, hoặc do chuỗi thoát như "
            "\\0, \\a, \\t trong dấu nháy kép). Chỉ mô tả, ghi chú, tóm tắt được xuống dòng; "
            "tên, địa chỉ, số quyết định viết trên một dòng.",
        ),
        "en": (
            "An unprintable character {char}: pages cannot show it and it breaks the XML files",
            "Delete it (it often comes with text copied from Word or PDF, or from an escape such "
            "as \\0, \\a, \\t in double quotes). Only descriptions, notes and summaries may "
            "span lines; names, addresses and decision numbers stay on one line.",
        ),
    },
    "bidi-unclosed": {
        "vi": (
            "Ký tự định hướng chữ {char} không được đóng: chữ phía sau nó sẽ bị đảo chiều",
            "Xóa ký tự này (thường lẫn vào khi chép từ văn bản tiếng Ả Rập, Do Thái), hoặc đóng "
            "nó trong cùng đoạn: U+202A–U+202E đóng bằng U+202C, U+2066–U+2068 bằng U+2069.",
        ),
        "en": (
            "The direction control {char} is not closed: the text after it would be reversed",
            "Delete it (it often comes with text copied from Arabic or Hebrew), or close it in "
            "the same paragraph: U+202A–U+202E with U+202C, U+2066–U+2068 with U+2069.",
        ),
    },
    "file-encoding": {
        "vi": (
            "Tệp không được lưu ở mã UTF-8",
            "Mở tệp trong trình soạn thảo và lưu lại với mã hóa UTF-8.",
        ),
        "en": ("The file is not saved as UTF-8", "Open it in an editor and save it as UTF-8."),
    },
    "file-too-large": {
        "vi": (
            "Tệp quá lớn ({size} byte, tối đa {limit})",
            "Tách dữ liệu thành nhiều tệp: mỗi chủ thể, mỗi đợt kiểm tra một tệp.",
        ),
        "en": (
            "The file is too large ({size} bytes, at most {limit})",
            "Split it: one file per producer and per inspection round.",
        ),
    },
    "reference-invalid": {
        "vi": (
            "Dữ liệu tham chiếu không đúng cấu trúc: {detail}",
            "So sánh với lược đồ generator/load/schemas/{schema}.schema.json và sửa lại.",
        ),
        "en": (
            "Reference data is malformed: {detail}",
            "Compare with the schema generator/load/schemas/{schema}.schema.json and fix it.",
        ),
    },
    "import-unreadable": {
        "vi": (
            "Không đọc được tệp bảng tính ({reason})",
            "Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx (hoặc CSV UTF-8) rồi nhập lại.",
        ),
        "en": (
            "The spreadsheet cannot be read ({reason})",
            "Open it in Excel or LibreOffice, save it as .xlsx (or CSV UTF-8) and import again.",
        ),
    },
    "import-format": {
        "vi": (
            "Không đọc được tệp dạng {suffix}",
            "Trong Excel chọn Lưu thành > Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8, rồi nhập tệp đó.",
        ),
        "en": (
            "Files of type {suffix} cannot be read",
            "In Excel use Save As > Excel Workbook (.xlsx) or CSV UTF-8, then import that file.",
        ),
    },
    "import-no-header": {
        "vi": (
            "Không tìm thấy dòng tiêu đề của bảng (dòng có các cột như Tên sản phẩm, Chủ thể, Hạng sao) trong 40 dòng đầu",
            "Kiểm tra đúng tệp và trang tính đầu tiên; nếu các cột có tên khác, khai báo bằng --mapping cot.yaml (`Tên cột: trường`).",
        ),
        "en": (
            "No heading row found (a row with columns such as product name, producer, stars) in the first 40 rows",
            "Check the file and its first sheet; for other column names give --mapping columns.yaml (`Heading: field`).",
        ),
    },
    "import-no-rows": {
        "vi": (
            "Có dòng tiêu đề (dòng {row}) nhưng không có dòng dữ liệu nào bên dưới",
            "Thêm các dòng sản phẩm dưới dòng tiêu đề, hoặc chọn đúng tệp.",
        ),
        "en": (
            "A heading row (row {row}) but no data row under it",
            "Add the product rows under the heading, or choose the right file.",
        ),
    },
    "import-missing-column": {
        "vi": (
            "Bảng không có cột {field_label}, tiêu đề bảng cũng không nêu: không dòng nào nhập được",
            "Thêm cột {field_label} vào bảng, hoặc khai báo cột đó bằng --mapping cot.yaml.",
        ),
        "en": (
            "The list has no {field_label} column and its title gives none: no row can be imported",
            "Add a {field_label} column, or name that column with --mapping columns.yaml.",
        ),
    },
    "import-missing-value": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): thiếu {field_label}",
            "Điền {field_label} vào ô này rồi nhập lại.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): {field_label} is missing",
            "Fill in the {field_label} in this cell and import again.",
        ),
    },
    "import-missing-province": {
        "vi": (
            "Dòng {row}: không biết tỉnh của chủ thể (không có cột Tỉnh, địa chỉ và tiêu đề không nêu)",
            "Thêm cột Tỉnh, ghi tỉnh cuối địa chỉ, hoặc nhập với --province MÃ-TỈNH.",
        ),
        "en": (
            "Row {row}: the producer's province is unknown (no Province column, neither the address nor the title names it)",
            "Add a Province column, end the address with the province, or import with --province ID.",
        ),
    },
    "import-bad-stars": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): không đọc được hạng sao '{value}'",
            'Ghi hạng sao như 3, "3 sao", "3★", "★★★" hoặc "ba sao".',
        ),
        "en": (
            "Row {row}, column {column} ({heading}): '{value}' is not a star rating",
            'Write the rating as 3, "3 sao", "3★", "★★★" or "ba sao".',
        ),
    },
    "import-stars-range": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): {stars} sao ('{value}') không được công nhận OCOP",
            "Chỉ sản phẩm 3, 4 hoặc 5 sao được công nhận: sửa ô hoặc bỏ dòng này.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): {stars} stars ('{value}') are not an OCOP certification",
            "Only 3, 4 or 5 stars are certified: fix the cell or drop the row.",
        ),
    },
    "import-bad-date": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): không đọc được ngày '{value}'",
            "Ghi ngày dạng NGÀY/THÁNG/NĂM (22/8/2022) hoặc để ô dạng ngày của Excel.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): '{value}' is not a date",
            "Write the date as DAY/MONTH/YEAR (22/8/2022) or use an Excel date cell.",
        ),
    },
    "import-future-date": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): ngày quyết định {value} sau hôm nay",
            "Kiểm tra năm của ngày quyết định.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): decision date {value} is after today",
            "Check the year of the decision date.",
        ),
    },
    "import-bad-decision": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): không thấy số quyết định trong '{value}'",
            'Ghi số quyết định như "1693/QĐ-UBND", có thể kèm "ngày 22/8/2022".',
        ),
        "en": (
            "Row {row}, column {column} ({heading}): no decision number in '{value}'",
            'Write the number as "1693/QĐ-UBND", optionally with "ngày 22/8/2022".',
        ),
    },
    "import-decision-no-date": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): quyết định '{value}' không ghi ngày",
            'Thêm "ngày NGÀY/THÁNG/NĂM" sau số quyết định, hoặc thêm cột Ngày quyết định.',
        ),
        "en": (
            "Row {row}, column {column} ({heading}): decision '{value}' gives no date",
            'Add "ngày DAY/MONTH/YEAR" after the number, or a decision date column.',
        ),
    },
    "import-unknown-province": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): không có tỉnh '{value}'",
            "Ghi tên một tỉnh (tên hiện hành hoặc tên trước 01/7/2025), hoặc nhập với --province MÃ-TỈNH.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): no province '{value}'",
            "Write a province name (today's or the one before 1 July 2025), or import with --province ID.",
        ),
    },
    "import-unknown-commune": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): không có xã/phường '{value}' trong tỉnh",
            "Kiểm tra tên xã (tên hiện hành hoặc tên trước 01/7/2025) và tỉnh của dòng này.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): no commune '{value}' in the province",
            "Check the commune's name (today's or the one before 1 July 2025) and the row's province.",
        ),
    },
    "import-ambiguous-commune": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): xã '{value}' đã được chia cho nhiều xã mới: {candidates}",
            "Ghi tên xã hiện hành (một trong: {candidates}) vào cột Xã rồi nhập lại.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): commune '{value}' was split among: {candidates}",
            "Write today's commune (one of: {candidates}) in a commune column and import again.",
        ),
    },
    "import-unknown-group": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): nhóm '{value}' không có trong bộ tiêu chí {criteria}",
            'Dùng tên một nhóm của bộ tiêu chí (ví dụ Thực phẩm, Đồ uống), hoặc để trống: sản phẩm sẽ ghi "chưa rõ nhóm".',
        ),
        "en": (
            "Row {row}, column {column} ({heading}): group '{value}' is not in criteria set {criteria}",
            "Use a group of the criteria set as the list writes it (e.g. 'Thực phẩm', 'Đồ uống'), or leave it empty: the product shows \"group unknown\".",
        ),
    },
    "import-bad-kind": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): không rõ loại hình '{value}'",
            "Ghi một trong: Hợp tác xã, Doanh nghiệp, Hộ kinh doanh, Tổ hợp tác; hoặc để trống.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): unknown kind '{value}'",
            "Write one of: Hợp tác xã, Doanh nghiệp, Hộ kinh doanh, Tổ hợp tác; or leave it empty.",
        ),
    },
    "import-bad-score": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): điểm '{value}' không phải số",
            "Ghi điểm bằng số (ví dụ 72 hoặc 72,5) hoặc để trống.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): score '{value}' is not a number",
            "Write the score as a number (e.g. 72 or 72.5) or leave it empty.",
        ),
    },
    "import-score-band": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): điểm {value} không khớp {stars} sao theo {criteria} ({low}–{high} điểm)",
            "Sửa điểm hoặc hạng sao cho khớp khung điểm của bộ tiêu chí.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): a score of {value} does not match {stars} stars under {criteria} ({low}–{high} points)",
            "Fix the score or the stars to match the criteria set's bands.",
        ),
    },
    "import-unknown-criteria": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): không có bộ tiêu chí '{value}'",
            "Ghi mã bộ tiêu chí trong data/reference/criteria.yaml (qd-148-2023, qd-1048-2019) hoặc để trống.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): no criteria set '{value}'",
            "Write a criteria set ID from data/reference/criteria.yaml or leave it empty.",
        ),
    },
    "import-similar-producer": {
        "vi": (
            "Dòng {row}, cột {column} ({heading}): '{value}' gần giống chủ thể đã có '{name}' ({producer}, tệp {file})",
            "Nếu là cùng chủ thể, ghi tên đúng như '{name}' rồi nhập lại; nếu là chủ thể khác, nhập lại với --allow-similar.",
        ),
        "en": (
            "Row {row}, column {column} ({heading}): '{value}' is close to the existing producer '{name}' ({producer}, file {file})",
            "If it is the same producer, write its name as '{name}' and import again; if not, import again with --allow-similar.",
        ),
    },
    "import-bad-option": {
        "vi": (
            "Tùy chọn {option} không hợp lệ: '{value}'",
            "--province nhận mã hoặc tên tỉnh (ví dụ --province cao-bang); --group nhận mã hoặc tên nhóm sản phẩm (ví dụ --group thuc-pham).",
        ),
        "en": (
            "Option {option} is invalid: '{value}'",
            "--province takes a province ID or name (e.g. --province cao-bang); --group a product group ID or name (e.g. --group thuc-pham).",
        ),
    },
    "import-rejects-path": {
        "vi": (
            "Không ghi được tệp các dòng chưa nhập '{path}' ({reason})",
            "Cho --rejects một tệp .csv trong thư mục có quyền ghi, ví dụ --rejects chua-nhap.csv. Chưa ghi tệp dữ liệu nào.",
        ),
        "en": (
            "The file of rows not imported cannot be written: '{path}' ({reason})",
            "Give --rejects a .csv file in a folder you may write to, e.g. --rejects chua-nhap.csv. No data file was written.",
        ),
    },
    "import-bad-mapping": {
        "vi": (
            "Tệp --mapping không đúng: '{value}' không phải một trường",
            "Mỗi dòng `Tên cột: trường`, trường là một trong: product, producer, address, district, commune, province, group, stars, score, decision, decision_number, decision_date, issuer, kind, criteria.",
        ),
        "en": (
            "The --mapping file is wrong: '{value}' is not a field",
            "One `Heading: field` per line, the field one of: product, producer, address, district, commune, province, group, stars, score, decision, decision_number, decision_date, issuer, kind, criteria.",
        ),
    },
    "similar-producers": {
        "vi": (
            "Cảnh báo: chủ thể '{name}' ({producer}) và chủ thể '{other_name}' ({other}, tệp {file}) cùng tỉnh có tên giống nhau khi bỏ dấu, viết tắt",
            "Nếu là một chủ thể, gộp hai tệp (giữ một mã, ghi mã kia vào `aliases`); nếu khác, đặt tên phân biệt.",
        ),
        "en": (
            "Warning: producers '{name}' ({producer}) and '{other_name}' ({other}, file {file}) of one province have names that fold alike",
            "If they are one producer, merge the files (keep one ID, list the other under `aliases`); if not, tell the names apart.",
        ),
    },
    "misplaced-file": {
        "vi": (
            "Tệp nằm sai chỗ: {reason_text}",
            "Chủ thể: data/producers/<tỉnh>/<id>.yaml; đợt kiểm tra: data/inspections/<id>.yaml.",
        ),
        "en": (
            "The file is in the wrong place: {reason_text}",
            "Producers: data/producers/<province>/<id>.yaml; rounds: data/inspections/<id>.yaml.",
        ),
    },
    "file-outside": {
        "vi": (
            "'{file}' là liên kết trỏ ra ngoài thư mục data/ (tới {target})",
            "Chép tệp hoặc thư mục vào data/ thay cho liên kết, hoặc xóa liên kết.",
        ),
        "en": (
            "'{file}' is a link pointing outside data/ (to {target})",
            "Copy the file or folder into data/ instead of the link, or remove the link.",
        ),
    },
    "not-writable": {
        "vi": (
            "Không ghi được vào '{path}': không có quyền ghi, hoặc ổ đĩa chỉ cho đọc",
            "Cho phép ghi vào thư mục '{folder}' (ví dụ `chmod -R u+w {folder}`) rồi chạy lại; "
            "{reason_text}.",
        ),
        "en": (
            "Cannot write to '{path}': no permission to write, or a read-only disk",
            "Allow writing to the folder '{folder}' (e.g. `chmod -R u+w {folder}`) and run again; "
            "{reason_text}.",
        ),
    },
    "disk-full": {
        "vi": (
            "Hết chỗ trống trên ổ đĩa khi ghi '{path}'",
            "Giải phóng chỗ trống trên ổ đĩa chứa '{folder}' (thư mục .cache/ xóa được, lần dựng "
            "sau tạo lại) rồi chạy lại; {reason_text}.",
        ),
        "en": (
            "No space left on the disk while writing '{path}'",
            "Free some space on the disk holding '{folder}' (.cache/ can be deleted, the next "
            "build makes it again) and run again; {reason_text}.",
        ),
    },
    "not-a-file": {
        "vi": (
            "Không ghi được tệp '{path}': ở đó đã có một thư mục cùng tên",
            "Đổi tên hoặc chuyển thư mục '{path}' ra chỗ khác rồi chạy lại; {reason_text}.",
        ),
        "en": (
            "Cannot write the file '{path}': a folder of that name is there",
            "Rename the folder '{path}' or move it elsewhere and run again; {reason_text}.",
        ),
    },
    "not-a-folder": {
        "vi": (
            "Không tạo được thư mục '{path}': ở đó đã có một tệp cùng tên",
            "Đổi tên hoặc chuyển tệp '{path}' ra chỗ khác rồi chạy lại; {reason_text}.",
        ),
        "en": (
            "Cannot make the folder '{path}': a file of that name is there",
            "Rename the file '{path}' or move it elsewhere and run again; {reason_text}.",
        ),
    },
    "missing-field": {
        "vi": (
            "Thiếu trường bắt buộc '{field}'{where}",
            "Thêm dòng `{field}: ...` ({description}).",
        ),
        "en": (
            "Required field '{field}' is missing{where}",
            "Add a line `{field}: ...`.",
        ),
    },
    "unknown-field": {
        "vi": (
            "Trường '{field}' không có trong mẫu dữ liệu{suggestion_vi}",
            "Các trường được phép ở đây: {allowed}.",
        ),
        "en": ("Unknown field '{field}'{suggestion_en}", "Fields allowed here: {allowed}."),
    },
    "wrong-type": {
        "vi": (
            "'{field}' phải là {expected_name}, nhưng đang là {actual_name} ({value})",
            "{type_hint}",
        ),
        "en": ("'{field}' must be {expected_name}, but is {actual_name} ({value})", "{type_hint}"),
    },
    "phone-not-text": {
        "vi": (
            "Số điện thoại '{field}' được viết như một con số ({value}): số 0 ở đầu sẽ bị mất",
            'Đặt số điện thoại trong dấu nháy kép, ví dụ "0000 000 000" (số ví dụ).',
        ),
        "en": (
            "Phone number '{field}' is written as a number ({value}): a leading 0 is lost",
            'Put the phone number in double quotes, e.g. "0000 000 000" (an example).',
        ),
    },
    "number-notation": {
        "vi": (
            "'{field}' viết là {value}: đây không phải cách viết số thập phân "
            "(YAML đọc thành {decimal})",
            "Viết {decimal} (số thập phân, dấu chấm trước phần lẻ) nếu đúng là {decimal}.",
        ),
        "en": (
            "'{field}' is written {value}: not a decimal number (YAML reads it as {decimal})",
            "Write {decimal} (a decimal number, with a point before any fraction) if that is "
            "what it is.",
        ),
    },
    "bad-value": {
        "vi": (
            "Giá trị '{value}' không hợp lệ cho '{field}'{suggestion_vi}",
            "Chọn một trong: {allowed}.",
        ),
        "en": (
            "'{value}' is not allowed for '{field}'{suggestion_en}",
            "Choose one of: {allowed}.",
        ),
    },
    "bad-id": {
        "vi": (
            "Mã '{value}' không hợp lệ",
            "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ `htx-che-tai-ho-sin`.",
        ),
        "en": (
            "Invalid ID '{value}'",
            "IDs use lower-case ASCII letters, digits and hyphens, e.g. `htx-che-tai-ho-sin`.",
        ),
    },
    "empty": {
        "vi": (
            "'{field}' không được để trống",
            "Điền giá trị hoặc xóa cả dòng nếu trường không bắt buộc.",
        ),
        "en": ("'{field}' must not be empty", "Fill it in, or remove the line if it is optional."),
    },
    "out-of-range": {
        "vi": ("'{field}' = {value} nằm ngoài khoảng cho phép ({bounds})", "Kiểm tra lại con số."),
        "en": ("'{field}' = {value} is outside the allowed range ({bounds})", "Check the number."),
    },
    "stars-range": {
        "vi": (
            "Số sao {value} không hợp lệ: chỉ sản phẩm 3, 4 hoặc 5 sao được công nhận và công bố",
            "Ghi `stars: 3`, `stars: 4` hoặc `stars: 5`.",
        ),
        "en": (
            "{value} stars is not allowed: only 3, 4 and 5 star products are certified",
            "Write `stars: 3`, `stars: 4` or `stars: 5`.",
        ),
    },
    "bad-date": {
        "vi": (
            "Ngày '{value}' không tồn tại hoặc sai dạng",
            "Viết ngày theo dạng NĂM-THÁNG-NGÀY, "
            "ví dụ 2024-01-23, và kiểm tra ngày có thật trong tháng.",
        ),
        "en": (
            "Date '{value}' is impossible or malformed",
            "Write dates as YYYY-MM-DD, e.g. 2024-01-23, "
            "and check that the day exists in that month.",
        ),
    },
    "bad-url": {
        "vi": (
            "Địa chỉ web '{value}' không hợp lệ",
            "Viết đầy đủ, bắt đầu bằng https:// hoặc http://.",
        ),
        "en": (
            "Web address '{value}' is malformed",
            "Write it in full, starting with https:// or http://.",
        ),
    },
    "bad-email": {
        "vi": ("Thư điện tử '{value}' không hợp lệ", "Dạng đúng: ten@mien.vn, không có dấu cách."),
        "en": ("E-mail '{value}' is malformed", "Use the form name@domain.vn, without spaces."),
    },
    "future-date": {
        "vi": (
            "'{field}' là {value}, sau ngày hôm nay ({today})",
            "Kiểm tra năm và tháng; chỉ ghi quyết định đã ban hành.",
        ),
        "en": (
            "'{field}' is {value}, after today ({today})",
            "Check the year and month; only record decisions already issued.",
        ),
    },
    "score-band": {
        "vi": (
            "Điểm {score} không khớp với {stars} sao theo bộ tiêu chí {criteria} ({low}–{high} điểm)",
            "Sửa điểm hoặc số sao cho khớp khung điểm của bộ tiêu chí.",
        ),
        "en": (
            "A score of {score} does not match {stars} stars under criteria set {criteria} "
            "({low}–{high} points)",
            "Correct the score or the stars to match the criteria set's bands.",
        ),
    },
    "duplicate-id": {
        "vi": (
            "Mã {kind_name} '{id}' đã được dùng ở {other}",
            "Mỗi mã chỉ dùng một lần: chọn mã khác.",
        ),
        "en": (
            "{kind_name} ID '{id}' is already used at {other}",
            "IDs are unique: choose another.",
        ),
    },
    "file-name-mismatch": {
        "vi": (
            "Tên tệp không khớp với mã '{id}'",
            "Đổi tên tệp thành {expected} (hoặc sửa `id:`).",
        ),
        "en": (
            "The file name does not match the ID '{id}'",
            "Rename the file to {expected} (or fix `id:`).",
        ),
    },
    "folder-mismatch": {
        "vi": (
            "Chủ thể thuộc tỉnh '{province}' nhưng tệp nằm trong thư mục '{folder}'",
            "Chuyển tệp vào data/producers/{province}/ (hoặc sửa `address.province`).",
        ),
        "en": (
            "The producer is in province '{province}' but the file is in folder '{folder}'",
            "Move the file to data/producers/{province}/ (or fix `address.province`).",
        ),
    },
    "unknown-producer": {
        "vi": (
            "Không có chủ thể mã '{id}'{suggestion_vi}",
            "Dùng đúng mã `id:` trong tệp data/producers/<tỉnh>/<mã>.yaml.",
        ),
        "en": (
            "No producer with ID '{id}'{suggestion_en}",
            "Use the `id:` of a file in data/producers/<province>/<id>.yaml.",
        ),
    },
    "unknown-product": {
        "vi": (
            "Chủ thể '{producer}' không có sản phẩm mã '{id}'{suggestion_vi}",
            "Dùng mã sản phẩm trong danh sách `products:` của chủ thể.",
        ),
        "en": (
            "Producer '{producer}' has no product '{id}'{suggestion_en}",
            "Use a product ID from the producer's `products:` list.",
        ),
    },
    "unknown-province": {
        "vi": (
            "Không có tỉnh mã '{id}'{suggestion_vi}",
            "Dùng mã một trong 34 tỉnh, thành phố hiện hành (tên không dấu, nối bằng gạch ngang, ví dụ thanh-hoa).",
        ),
        "en": (
            "No province with ID '{id}'{suggestion_en}",
            "Use the ID of one of today's 34 provinces (the name without marks, hyphenated, e.g. thanh-hoa).",
        ),
    },
    "unknown-commune": {
        "vi": (
            "Tỉnh '{province}' không có xã/phường mã '{id}'{suggestion_vi}",
            "Dùng mã xã/phường hiện hành của tỉnh (tên không dấu, nối bằng gạch ngang, ví dụ hoi-xuan); danh sách đơn vị có sẵn, không cần thêm.",
        ),
        "en": (
            "Province '{province}' has no commune '{id}'{suggestion_en}",
            "Use the ID of one of the province's communes today (the name without marks, hyphenated, e.g. hoi-xuan); every unit is known, none needs adding.",
        ),
    },
    "former-unit": {
        "vi": (
            "'{id}' là đơn vị hành chính trước sắp xếp ngày 01/7/2025; nay thuộc: {candidates}",
            "Ghi mã đơn vị hiện hành (một trong: {candidates}) vào trường này, và giữ tên cũ trong address.former (ví dụ former: {{district: huyện Tiểu Cần}}).",
        ),
        "en": (
            "'{id}' is an administrative unit from before the reform of 1 July 2025; it now lies in: {candidates}",
            "Write the current unit (one of: {candidates}) in this field, and keep the old name in address.former (e.g. former: {{district: 'huyện Tiểu Cần'}}).",
        ),
    },
    "unknown-criteria": {
        "vi": (
            "Không có bộ tiêu chí '{id}'{suggestion_vi}",
            "Dùng mã trong data/reference/criteria.yaml: {allowed}.",
        ),
        "en": (
            "No criteria set '{id}'{suggestion_en}",
            "Use an ID from data/reference/criteria.yaml: {allowed}.",
        ),
    },
    "group-not-in-criteria": {
        "vi": (
            "Nhóm sản phẩm '{group}' không thuộc bộ tiêu chí {criteria} của chứng nhận gần nhất",
            "Chọn một nhóm của {criteria}: {allowed}.",
        ),
        "en": (
            "Product group '{group}' is not part of {criteria}, the latest certificate's criteria set",
            "Choose a group of {criteria}: {allowed}.",
        ),
    },
    "photo-missing": {
        "vi": (
            "Không tìm thấy ảnh '{file}'",
            "Đặt ảnh cạnh tệp YAML (đường dẫn tính từ thư mục của tệp) "
            "và kiểm tra chính tả, cả chữ hoa/thường.",
        ),
        "en": (
            "Photo '{file}' not found",
            "Put the photo beside the YAML file (the path is relative to "
            "its folder) and check the spelling and case.",
        ),
    },
    "photo-unreadable": {
        "vi": (
            "Không đọc được ảnh '{file}': {reason_text}",
            "Dùng ảnh JPEG, PNG hoặc WebP còn nguyên vẹn.",
        ),
        "en": (
            "Cannot read photo '{file}': {reason_text}",
            "Use an intact JPEG, PNG or WebP image.",
        ),
    },
    "photo-too-large": {
        "vi": (
            "Ảnh '{file}' quá lớn ({reason_text})",
            "Thu nhỏ ảnh (ví dụ còn 2000 điểm ảnh chiều rộng) rồi lưu lại dạng JPEG.",
        ),
        "en": (
            "Photo '{file}' is too large ({reason_text})",
            "Scale it down (e.g. to 2000 pixels wide) and save it as JPEG.",
        ),
    },
    "photo-outside": {
        "vi": (
            "Ảnh '{file}' nằm ngoài thư mục data/",
            "Chép ảnh vào data/ và ghi đường dẫn tương đối.",
        ),
        "en": (
            "Photo '{file}' is outside data/",
            "Copy the photo into data/ and use a relative path.",
        ),
    },
    "revoked-before-decision": {
        "vi": (
            "Ngày thu hồi {value} trước ngày quyết định công nhận {decided}",
            "Kiểm tra lại hai ngày này.",
        ),
        "en": (
            "Revocation date {value} is before the decision date {decided}",
            "Check both dates.",
        ),
    },
    "deadline-before-date": {
        "vi": ("Hạn {value} trước ngày kiểm tra {date}", "Hạn khắc phục phải sau ngày kiểm tra."),
        "en": (
            "Deadline {value} is before the inspection date {date}",
            "A deadline must come after the inspection.",
        ),
    },
    "outcome-needs": {
        "vi": (
            "Kết quả '{outcome}' cần trường '{field}'",
            "Thêm `{field}: ...` vào mục của chủ thể.",
        ),
        "en": ("Outcome '{outcome}' needs the field '{field}'", "Add `{field}: ...` to the entry."),
    },
    "illustrative-unknown": {
        "vi": (
            "'{value}' trong `illustrative` không phải trường của bản ghi này",
            "Chỉ liệt kê tên các trường có trong bản ghi, ví dụ `illustrative: [name, score]`.",
        ),
        "en": (
            "'{value}' in `illustrative` is not a field of this record",
            "List only fields of this record, e.g. `illustrative: [name, score]`.",
        ),
    },
}

TYPE_NAMES = {
    "string": ("văn bản (đặt trong dấu nháy nếu cần)", "text"),
    "integer": ("số nguyên", "a whole number"),
    "number": ("số", "a number"),
    "boolean": ("true/false", "true/false"),
    "array": ("danh sách (các dòng bắt đầu bằng `- `)", "a list (lines starting with `- `)"),
    "object": ("nhóm trường (các dòng `trường: giá trị` thụt vào)", "a group of indented fields"),
    "null": ("trống", "empty"),
}

# How to write a value of the expected type (`expected` param; "string-object" when text was
# read as a group of fields because of ': ').
TYPE_HINTS = {
    "string-object": (
        "Văn bản có dấu hai chấm và dấu cách (': ') phải đặt trong dấu nháy kép.",
        "Text containing a colon and a space (': ') must be in double quotes.",
    ),
    "string": (
        "Đặt giá trị trong dấu nháy kép để YAML đọc nó là văn bản.",
        "Put the value in double quotes so YAML reads it as text.",
    ),
    "number": (
        "Viết con số, không đặt trong dấu nháy, ví dụ 75.",
        "Write a number without quotes, e.g. 75.",
    ),
    "array": (
        "Viết danh sách: mỗi mục một dòng bắt đầu bằng `- `.",
        "Write a list: one item per line starting with `- `.",
    ),
    "object": (
        "Viết các trường con ở các dòng sau, thụt lề bằng dấu cách.",
        "Write the sub-fields on the following lines, indented with spaces.",
    ),
}

# What a file that is not one record holds (`found` param of yaml-not-mapping).
FOUND_NAMES = {
    "empty": ("một tệp trống", "an empty file"),
    "list": ("một danh sách", "a list"),
    "scalar": ("một giá trị đơn", "a single value"),
}

# The kinds of record an ID names (`kind` param of duplicate-id).
KIND_NAMES = {
    "producer": ("chủ thể", "Producer"),
    "product": ("sản phẩm", "Product"),
    "inspection": ("đợt kiểm tra", "Inspection round"),
}

# The hosts of generator/publish/hosts.py by their setting's value (`host` param), as staff call them.
HOST_NAMES = {
    "github-pages": ("GitHub Pages", "GitHub Pages"),
    "gitlab-pages": ("GitLab Pages (gitlab.com)", "GitLab Pages (gitlab.com)"),
    "cloudflare-pages-free": ("Cloudflare Pages (gói miễn phí)", "Cloudflare Pages (free plan)"),
    "cloudflare-pages-paid": ("Cloudflare Pages (gói trả phí)", "Cloudflare Pages (paid plan)"),
    "netlify": ("Netlify", "Netlify"),
    "none": ("máy chủ riêng hoặc kho lưu trữ đối tượng", "an own server or object storage"),
}

# How a spreadsheet was read, by the ids `ocop import` reports (`encoding`, `separator` and
# `skip` params of `say`).
ENCODING_NAMES = {
    "utf_8": ("UTF-8", "UTF-8"),
    "utf_8_sig": ("UTF-8 có BOM", "UTF-8 with BOM"),
    "utf_16": ("UTF-16", "UTF-16"),
    "utf_16_le": ("UTF-16", "UTF-16"),
    "utf_16_be": ("UTF-16", "UTF-16"),
    "cp1258": ("Windows-1258", "Windows-1258"),
}
SEPARATOR_NAMES = {
    "\t": ("Tab", "tabs"),
    ",": ("dấu phẩy", "commas"),
    ";": ("dấu chấm phẩy", "semicolons"),
}
SKIP_NAMES = {
    "column-numbers": ("số thứ tự cột", "column numbers"),
    "section": ("tiêu đề nhóm", "section heading"),
    "repeated-heading": ("tiêu đề lặp lại", "repeated heading"),
    "totals": ("dòng tổng", "totals"),
    "note": ("ghi chú", "note"),
}

# The wording a `reason` param picks: code -> reason -> language -> text (filled from the
# problem's other params).
REASONS: dict[str, dict[str, dict[str, str]]] = {
    "yaml-unsupported": {
        "tag": {"vi": "thẻ {tag}", "en": "the tag {tag}"},
        "merge": {"vi": "<<", "en": "<<"},
        "too-many-nodes": {
            "vi": "hơn {limit} giá trị (neo/bí danh lồng nhau?)",
            "en": "more than {limit} values (nested anchors or aliases?)",
        },
    },
    "misplaced-file": {
        "yml-extension": {"vi": "đuôi .yml, hãy dùng .yaml", "en": "the .yml extension, use .yaml"},
        "outside-folders": {
            "vi": "không thuộc data/producers/<tỉnh>/ hay data/inspections/",
            "en": "neither in data/producers/<province>/ nor in data/inspections/",
        },
    },
    "photo-too-large": {
        "bytes": {
            "vi": "{size_mb} MB, tối đa {limit_mb} MB",
            "en": "{size_mb} MB, at most {limit_mb} MB",
        },
        "pixels": {"vi": "{width}×{height} điểm ảnh", "en": "{width}×{height} pixels"},
        "bomb": {"vi": "quá nhiều điểm ảnh", "en": "too many pixels"},
    },
    "photo-unreadable": {
        "not-image": {"vi": "không phải tệp ảnh", "en": "not an image file"},
        "decode": {"vi": "{detail}", "en": "{detail}"},  # the image library's own words
    },
}

# What is left as it was when a write fails (the `reason` of a write problem: diskerrors).
KEPT = {
    "site": {"vi": "site/ cũ vẫn được giữ nguyên", "en": "the old site/ is kept"},
    "import": {
        "vi": "chưa ghi tệp nào, dữ liệu vẫn như trước khi nhập",
        "en": "nothing was written, the data is as it was before the import",
    },
}
for _code in ("not-writable", "disk-full", "not-a-file", "not-a-folder"):
    REASONS[_code] = KEPT

# What stops a run (generator.problems.OcopError): code -> language -> message with its fix.
ERRORS: dict[str, dict[str, str]] = {
    "font-missing": {
        "vi": "Thiếu phông chữ {font} (tìm trong {folders}) để vẽ thẻ chia sẻ và huy hiệu: "
        "cài gói fonts-dejavu-core (`sudo apt-get install fonts-dejavu-core`).",
        "en": "The font {font} (looked for in {folders}) is needed to draw share cards and "
        "badges: install the package fonts-dejavu-core (`sudo apt-get install fonts-dejavu-core`).",
    },
    "file-exists": {
        "vi": "Tệp {path} đã có: không ghi đè. Chọn tên khác hoặc sửa tệp đó.",
        "en": "The file {path} already exists and is never overwritten: "
        "choose another name or edit that file.",
    },
    "no-such-producer": {
        "vi": "Không có chủ thể mã '{id}' trong data/producers/.",
        "en": "No producer with ID '{id}' in data/producers/.",
    },
    "no-products-line": {
        "vi": "{path}: không thấy dòng 'products:' ở đầu dòng.",
        "en": "{path}: no line starts with 'products:'.",
    },
    "spreadsheet-format": {
        "vi": "{file}: chỉ đọc được tệp .xlsx hoặc .csv",
        "en": "{file}: only .xlsx and .csv files can be read",
    },
    "spreadsheet-empty": {"vi": "{file}: tệp trống", "en": "{file}: the file is empty"},
    "mapping-format": {
        "vi": "{path}: cần các dòng `Tên cột: trường`",
        "en": "{path}: needs lines of `Column name: field`",
    },
    "build-running": {
        "vi": "Một lệnh dựng khác vẫn đang chạy trong {folder} (tiến trình {pid}, khóa {lock}); chạy lại khi nó xong.",
        "en": "Another build is still running in {folder} (process {pid}, lock {lock}); run this again when it is done.",
    },
    "site-build": {
        "vi": "{engine} không dựng được trang web: {detail}",
        "en": "{engine} could not build the site: {detail}",
    },
    "unknown-engine": {
        "vi": "Công cụ dựng trang '{value}' (tùy chọn --engine, mục extra: ocop: engine: trong "
        "mkdocs.yml hoặc biến môi trường OCOP_ENGINE) không có trong danh sách. Ghi một trong: "
        "{engines}.",
        "en": "The site engine '{value}' (the --engine option, extra: ocop: engine: in mkdocs.yml "
        "or the environment variable OCOP_ENGINE) is not one the catalogue knows. Write one of: "
        "{engines}.",
    },
    "unknown-host": {
        "vi": "Nơi xuất bản '{value}' (mục extra: ocop: host: trong mkdocs.yml hoặc biến môi "
        "trường OCOP_HOST) không có trong danh sách. Ghi một trong: {hosts}.",
        "en": "The host '{value}' (extra: ocop: host: in mkdocs.yml or the environment variable "
        "OCOP_HOST) is not one the catalogue knows. Write one of: {hosts}.",
    },
    "media-url-not-https": {
        "vi": "Địa chỉ ảnh '{url}' (mục extra: ocop: media_url: trong mkdocs.yml hoặc biến môi "
        "trường OCOP_MEDIA_URL) phải là một địa chỉ https đầy đủ, vd https://anh.ocop.example.vn/.",
        "en": "The media address '{url}' (extra: ocop: media_url: in mkdocs.yml or the "
        "environment variable OCOP_MEDIA_URL) must be a full https address, "
        "e.g. https://anh.ocop.example.vn/.",
    },
    "media-url-query": {
        "vi": "Địa chỉ ảnh '{url}' không được có phần '?' hay '#'.",
        "en": "The media address '{url}' must not have a '?' or '#' part.",
    },
    "media-remote-missing": {
        "vi": "Chưa đặt nơi nhận ảnh: ghi tên kho của rclone vào mục extra: ocop: media_remote: "
        "trong mkdocs.yml (vd r2:ocop-anh) hoặc biến môi trường OCOP_MEDIA_REMOTE.",
        "en": "No destination for the photos is set: write an rclone remote into extra: ocop: "
        "media_remote: in mkdocs.yml (e.g. r2:ocop-anh) or the environment variable "
        "OCOP_MEDIA_REMOTE.",
    },
    "media-not-built": {
        "vi": "Chưa có thư mục {folder}/: chạy `ocop build` trước (với media_url).",
        "en": "There is no folder {folder}/ yet: run `ocop build` first (with media_url set).",
    },
    "rclone-missing": {
        "vi": "Thiếu rclone: cài bằng `sudo apt-get install rclone`.",
        "en": "rclone is missing: install it with `sudo apt-get install rclone`.",
    },
    "rclone-failed": {  # detail: rclone's own words
        "vi": "rclone không gửi được ảnh lên {remote} (mã {status}): {detail}",
        "en": "rclone could not send the photos to {remote} (exit code {status}): {detail}",
    },
    # The browser editor's settings (editor.yml) and its npm package.
    "editor-yaml": {
        "vi": "{file}, dòng {line}, cột {column}: lỗi cú pháp YAML. Kiểm tra thụt lề (dùng dấu "
        "cách), dấu hai chấm sau tên trường và dấu nháy đóng mở.",
        "en": "{file}, line {line}, column {column}: YAML syntax error. Check indentation "
        "(spaces), the colon after each field name and matching quotes.",
    },
    "editor-encoding": {
        "vi": "{file}: tệp không được lưu ở mã UTF-8. Mở tệp và lưu lại với mã hóa UTF-8.",
        "en": "{file}: the file is not saved as UTF-8. Open it and save it as UTF-8.",
    },
    "editor-key": {
        "vi": "{file}: không biết `{keys}`; dùng được: {allowed}.",
        "en": "{file}: unknown `{keys}`; allowed: {allowed}.",
    },
    "editor-backend-name": {
        "vi": "{file}: cần `backend.name` là một trong: {allowed}.",
        "en": "{file}: `backend.name` must be one of: {allowed}.",
    },
    "editor-backend-key": {
        "vi": "{file}: không biết `{keys}` trong `backend` ({backend}); dùng được: {allowed}.",
        "en": "{file}: unknown `{keys}` in `backend` ({backend}); allowed: {allowed}.",
    },
    "editor-backend-repo": {
        "vi": "{file}: cần `backend.repo`, kho dữ liệu dạng chủ/tên (ví dụ {example}).",
        "en": "{file}: `backend.repo` is required, the data repository as owner/name "
        "(e.g. {example}).",
    },
    "editor-backend-text": {
        "vi": "{file}: `backend.{key}` phải là một giá trị chữ viết trên một dòng.",
        "en": "{file}: `backend.{key}` must be a value of text on one line.",
    },
    "editor-backend-url": {
        "vi": "{file}: `backend.{key}` phải là một địa chỉ bắt đầu bằng http:// hoặc https://.",
        "en": "{file}: `backend.{key}` must be an address starting with http:// or https://.",
    },
    "editor-publish-mode": {
        "vi": "{file}: `publish_mode` là một trong: {allowed}.",
        "en": "{file}: `publish_mode` must be one of: {allowed}.",
    },
    "editor-not-installed": {
        "vi": "Chưa cài trình soạn thảo ({folder}): chạy `python3 -m generator.bootstrap build` "
        "để cài, hoặc `npm ci` trong {package}/.",
        "en": "The editor is not installed ({folder}): run `python3 -m generator.bootstrap "
        "build` to install it, or `npm ci` in {package}/.",
    },
    "editor-reference": {
        "vi": "Dữ liệu tham chiếu lỗi nên không tạo được trình soạn thảo: chạy `ocop validate` "
        "để xem chi tiết.",
        "en": "The reference data is broken, so the editor cannot be made: run `ocop validate` "
        "for the details.",
    },
}

# The command's own lines: key -> language -> text.
TEXTS: dict[str, dict[str, str]] = {
    "fix": {"vi": "Cách sửa", "en": "Fix"},
    "problem-count": {"vi": "{count} lỗi", "en": "{count} problem(s)"},
    "data-valid": {"vi": "Dữ liệu hợp lệ", "en": "Data is valid"},
    "files-checked": {"vi": " trong {count} tệp đã kiểm tra", "en": " in {count} file(s) checked"},
    "bad-date-option": {
        "vi": "'{value}' không phải ngày dạng NĂM-THÁNG-NGÀY (vd 2026-11-24)",
        "en": "'{value}' is not a date of the form YYYY-MM-DD (e.g. 2026-11-24)",
    },
    "generated": {"vi": "Đã tạo các trang trong {folder}/", "en": "Pages written to {folder}/"},
    "report-written": {"vi": "Đã ghi báo cáo vào {path}", "en": "Report written to {path}"},
    # The staff report's lists and columns: `ocop report` in the chosen language, the site's
    # "Báo cáo" page and its CSV in Vietnamese.
    "report-expiring": {
        "vi": "Chứng nhận hết hạn trong {days} ngày tới",
        "en": "Certificates expiring in the next {days} days",
    },
    "report-expired": {
        "vi": "Chứng nhận đã hết hiệu lực (chưa đánh giá lại)",
        "en": "Certificates lapsed (not re-evaluated)",
    },
    "report-not-inspected": {
        "vi": "Chủ thể chưa được kiểm tra trong {months} tháng",
        "en": "Producers not inspected for {months} months",
    },
    "report-overdue": {"vi": "Kiến nghị đã quá hạn", "en": "Recommendations past their deadline"},
    "report-no-group": {
        "vi": "Sản phẩm chưa rõ nhóm (cần bổ sung trường group)",
        "en": "Products with no known group (fill in the group field)",
    },
    "report-expires": {"vi": "Hết hạn", "en": "Expires"},
    "report-days-left": {"vi": "Còn (ngày)", "en": "Days left"},
    "report-expired-on": {"vi": "Hết hạn từ", "en": "Expired on"},
    "report-product": {"vi": "Sản phẩm", "en": "Product"},
    "report-producer": {"vi": "Chủ thể", "en": "Producer"},
    "report-province": {"vi": "Tỉnh", "en": "Province"},
    "report-decision": {"vi": "Quyết định", "en": "Decision"},
    "report-last-inspected": {"vi": "Lần kiểm tra gần nhất", "en": "Last inspected"},
    "report-data-file": {"vi": "Hồ sơ dữ liệu", "en": "Data file"},
    "report-deadline": {"vi": "Hạn", "en": "Deadline"},
    "report-round": {"vi": "Đợt kiểm tra", "en": "Inspection round"},
    "report-to": {"vi": "Gửi tới / chủ thể", "en": "To / producer"},
    "report-content": {"vi": "Nội dung", "en": "Recommendation"},
    "report-never-inspected": {"vi": "chưa có", "en": "never"},
    "build-waiting": {
        "vi": "Một lệnh dựng khác đang chạy trong thư mục này (tiến trình {pid}); đợi …",
        "en": "Another build is running in this folder (process {pid}); waiting …",
    },
    # The questions of `ocop new` when an option is missing.
    "ask-product-name": {"vi": "Tên sản phẩm", "en": "Product name"},
    "ask-group": {
        "vi": "Mã nhóm sản phẩm (vd thuc-pham, do-uong)",
        "en": "Product group ID (e.g. thuc-pham, do-uong)",
    },
    "ask-stars": {"vi": "Số sao (3-5)", "en": "Stars (3-5)"},
    "ask-criteria": {"vi": "Bộ tiêu chí", "en": "Criteria set"},
    "ask-decision-number": {"vi": "Số quyết định", "en": "Decision number"},
    "ask-decision-date": {
        "vi": "Ngày quyết định (NĂM-THÁNG-NGÀY)",
        "en": "Decision date (YYYY-MM-DD)",
    },
    "ask-issuer": {"vi": "Cơ quan công nhận", "en": "Certifying body"},
    "ask-producer-name": {"vi": "Tên chủ thể", "en": "Producer name"},
    "ask-kind": {"vi": "Loại hình", "en": "Kind of producer"},
    "ask-province": {"vi": "Mã tỉnh (vd cao-bang)", "en": "Province ID (e.g. cao-bang)"},
    "ask-address": {"vi": "Địa chỉ (như văn bản ghi)", "en": "Address (as the source gives it)"},
    "ask-producer": {"vi": "Mã chủ thể", "en": "Producer ID"},
    "ask-inspection-date": {
        "vi": "Ngày kiểm tra (NĂM-THÁNG-NGÀY)",
        "en": "Inspection date (YYYY-MM-DD)",
    },
    "ask-body": {"vi": "Cơ quan kiểm tra", "en": "Inspecting body"},
    "ask-area": {"vi": "Địa bàn (như văn bản ghi)", "en": "Area (as the source gives it)"},
    "ask-round-province": {"vi": "Mã tỉnh", "en": "Province ID"},
    "ask-producers": {
        "vi": "Mã các chủ thể được kiểm tra (cách nhau bởi dấu phẩy)",
        "en": "IDs of the producers inspected (separated by commas)",
    },
    "preview-kept": {
        "vi": "Dữ liệu có lỗi; bản xem trước giữ các trang cũ cho đến khi sửa xong:\n{problems}",
        "en": "The data has problems; the preview keeps the previous pages until they are "
        "fixed:\n{problems}",
    },
    "engine-refused": {
        "vi": "Dữ liệu có lỗi, không dựng trang web:\n{problems}\nSửa các lỗi trên rồi chạy lại "
        "(kiểm tra bằng `ocop validate`).",
        "en": "The data has problems, so the site is not built:\n{problems}\nFix them and run "
        "again (check with `ocop validate`).",
    },
    "build-refused": {
        "vi": "Không dựng trang web; site/ cũ được giữ nguyên.",
        "en": "The site was not built; the previous site/ is kept.",
    },
    "built": {
        "vi": "Đã dựng {producers} chủ thể, {products} sản phẩm, {rounds} đợt kiểm tra vào "
        "{folder}/ (tình trạng tính đến {as_of:%d/%m/%Y}).",
        "en": "Built {producers} producer(s), {products} product(s), {rounds} inspection "
        "round(s) into {folder}/ (statuses as of {as_of:%Y-%m-%d}).",
    },
    "created": {"vi": "Đã tạo {path}", "en": "Created {path}"},
    "product-added": {"vi": "Đã thêm sản phẩm vào {path}", "en": "Product added to {path}"},
    "new-product-id": {"vi": "Mã sản phẩm mới: {id}", "en": "New product ID: {id}"},
    "fix-new-file": {
        "vi": "Sửa các lỗi trên trong tệp vừa tạo rồi chạy `ocop validate`.",
        "en": "Fix the problems above in the new file, then run `ocop validate`.",
    },
    "import-new-producer": {
        "vi": "+ chủ thể mới {name} ({id}), dòng {row}",
        "en": "+ new producer {name} ({id}), row {row}",
    },
    "import-new-product": {
        "vi": "+ sản phẩm mới {product} của {producer}, dòng {row}",
        "en": "+ new product {product} of {producer}, row {row}",
    },
    "import-known-decision": {
        "vi": "= {product}: quyết định {decision} đã có, dòng {row}",
        "en": "= {product}: decision {decision} already recorded, row {row}",
    },
    "import-new-certification": {
        "vi": "+ chứng nhận {stars} sao cho {product} (quyết định {decision}), dòng {row}",
        "en": "+ {stars}-star certificate for {product} (decision {decision}), row {row}",
    },
    "import-not-written": {
        "vi": "Chưa ghi gì: sửa các dòng trên trong bảng tính rồi nhập lại.",
        "en": "Nothing written: fix the rows above in the spreadsheet and import again.",
    },
    "import-dry-run": {
        "vi": "Chạy thử: {count} tệp sẽ được ghi; chưa ghi gì.",
        "en": "Dry run: {count} file(s) would be written; nothing written.",
    },
    "written": {"vi": "Đã ghi {path}", "en": "Wrote {path}"},
    "demo-written": {
        "vi": "Đã tạo {producers} chủ thể, {products} sản phẩm, {rounds} đợt kiểm tra trong {folder}",
        "en": "Made {producers} producer(s), {products} product(s), {rounds} inspection "
        "round(s) in {folder}",
    },
    # `ocop build`: the site against its host's limits (generator/publish/hosts.py); a limit
    # ("host-limit") follows the figure it bounds.
    "host-summary": {"vi": "Trang web cho {host_name}:", "en": "The site for {host_name}:"},
    "host-size": {"vi": "  dung lượng: {size}", "en": "  size: {size}"},
    "host-files": {"vi": "  số tệp: {files} tệp", "en": "  files: {files}"},
    "host-entries": {
        "vi": " ({entries} tệp và thư mục)",
        "en": " ({entries} files and folders)",
    },
    "host-folder": {
        "vi": "  thư mục nhiều tệp nhất: {folder} {files} tệp",
        "en": "  folder with the most files: {folder} {files} file(s)",
    },
    "host-file": {"vi": "  tệp lớn nhất: {file} {size}", "en": "  largest file: {file} {size}"},
    "host-limit": {"vi": " (giới hạn {limit})", "en": " (limit {limit})"},
    "host-kinds": {"vi": "  theo loại tệp: ", "en": "  by kind of file: "},
    "host-kind": {"vi": "{kind} {files} tệp {size}", "en": "{kind} {files} file(s) {size}"},
    "host-kind-bare": {
        "vi": "(không đuôi) {files} tệp {size}",
        "en": "(no extension) {files} file(s) {size}",
    },
    "host-refused": {
        "vi": "Không xuất bản được lên {host_name}:",
        "en": "The site cannot be published on {host_name}:",
    },
    "excess-bytes": {
        "vi": "- Dung lượng trang web {measured} vượt giới hạn {allowed} của {host_name}. "
        "Cách xử lý: chuyển ảnh sang kho lưu trữ đối tượng có CDN (mục extra: ocop: media_url: "
        "trong mkdocs.yml, xem trang Cán bộ › Nơi xuất bản), hoặc chọn nơi xuất bản không giới "
        "hạn dung lượng.",
        "en": "- The site weighs {measured}, past the limit of {allowed} of {host_name}. "
        "Fix: serve the photos from object storage behind a CDN (extra: ocop: media_url: in "
        "mkdocs.yml, see the staff page 'Nơi xuất bản'), or choose a host without a size limit.",
    },
    "excess-files": {
        "vi": "- Trang web có {measured} tệp vượt giới hạn {allowed} của {host_name}. "
        "Cách xử lý: chuyển ảnh sang kho lưu trữ đối tượng (media_url), hoặc chọn gói hay nơi "
        "xuất bản cho phép nhiều tệp hơn (vd cloudflare-pages-paid, gitlab-pages).",
        "en": "- The site has {measured} files, past the limit of {allowed} of {host_name}. "
        "Fix: serve the photos from object storage (media_url), or choose a plan or host that "
        "allows more files (e.g. cloudflare-pages-paid, gitlab-pages).",
    },
    "excess-entries": {
        "vi": "- Trang web có {measured} tệp và thư mục vượt giới hạn {allowed} của {host_name}. "
        "Cách xử lý: chuyển ảnh sang kho lưu trữ đối tượng (media_url), hoặc chọn gói hay nơi "
        "xuất bản cho phép nhiều tệp hơn (vd cloudflare-pages-paid, gitlab-pages).",
        "en": "- The site has {measured} files and folders, past the limit of {allowed} of "
        "{host_name}. Fix: serve the photos from object storage (media_url), or choose a plan "
        "or host that allows more files (e.g. cloudflare-pages-paid, gitlab-pages).",
    },
    "excess-folder": {
        "vi": "- Thư mục {where} có {measured} tệp, vượt giới hạn {allowed} tệp một thư mục của "
        "{host_name}. Cách xử lý: chia thư mục đó, hoặc chọn nơi xuất bản khác.",
        "en": "- The folder {where} holds {measured} files, past the limit of {allowed} files "
        "in one folder of {host_name}. Fix: split that folder, or choose another host.",
    },
    "excess-file": {
        "vi": "- Tệp {where} nặng {measured}, vượt giới hạn {allowed} một tệp của {host_name}. "
        "Cách xử lý: thu nhỏ tệp đó hoặc đưa nó sang kho lưu trữ đối tượng.",
        "en": "- The file {where} weighs {measured}, past the limit of {allowed} per file of "
        "{host_name}. Fix: make that file smaller or move it to object storage.",
    },
    "host-source": {"vi": "Giới hạn theo: {source}", "en": "Limits as documented at: {source}"},
    "flag-note": {
        "vi": "Trang web này được giữ lại để xem xét, không xuất bản. Sửa theo hướng dẫn trên "
        "rồi chạy lại `ocop build`.",
        "en": "This site is kept for inspection, not for publishing. Fix what is said above, "
        "then run `ocop build` again.",
    },
    "site-flagged": {
        "vi": "Trang web vẫn nằm trong {folder}/ để xem xét, có tệp đánh dấu {flag}: "
        "không xuất bản bản này.",
        "en": "The site stays in {folder}/ for inspection, marked by the file {flag}: "
        "do not publish this copy.",
    },
    "media-served": {
        "vi": "Ảnh phục vụ từ {url}: {files} tệp, {size} trong {folder}/, không tính vào giới "
        "hạn của {host_name}. Gửi chúng lên bằng `ocop upload` trước khi xuất bản trang web.",
        "en": "Photos served from {url}: {files} file(s), {size} in {folder}/, not counted "
        "against the limits of {host_name}. Send them with `ocop upload` before publishing "
        "the site.",
    },
    # `ocop upload`
    "upload-nothing": {
        "vi": "Ảnh nằm ngay trong trang web (chưa đặt media_url): không có gì để gửi.",
        "en": "The photos are part of the site (media_url is not set): nothing to send.",
    },
    "upload-dry-run": {
        "vi": "Chạy thử: {sent} tệp sẽ được gửi lên {remote}; chưa gửi gì.",
        "en": "Dry run: {sent} file(s) would be sent to {remote}; nothing sent.",
    },
    "uploaded": {
        "vi": "Đã gửi {sent} tệp lên {remote}; {kept} tệp không đổi, không gửi lại.",
        "en": "Sent {sent} file(s) to {remote}; {kept} unchanged file(s) not sent again.",
    },
    # ocop import: how the file was read (generator/cli.py describe_layout)
    "import-heading": {
        "vi": "Dòng tiêu đề của bảng: {rows}.",
        "en": "Heading row of the list: {rows}.",
    },
    "import-heading-read-as": {
        "vi": "Dòng tiêu đề của bảng: {rows} (bảng mã {encoding_name}, phân cách {separator_name}).",
        "en": "Heading row of the list: {rows} (encoding {encoding_name}, separated by {separator_name}).",
    },
    "import-unused-columns": {
        "vi": "Cột không dùng: {columns}.",
        "en": "Columns not used: {columns}.",
    },
    "import-skipped": {
        "vi": "Bỏ qua (không phải dữ liệu): {skipped}.",
        "en": "Skipped (not data): {skipped}.",
    },
    "import-skipped-rows": {"vi": "dòng {rows} ({skip_name})", "en": "row {rows} ({skip_name})"},
    "import-filled-down": {
        "vi": "Điền từ dòng trên (ô gộp mà tệp CSV để trống), xin kiểm tra lại: {columns}.",
        "en": "Filled from the row above (merged cells a CSV leaves blank), please check: "
        "{columns}.",
    },
    "import-recased": {
        "vi": "Viết lại {count} tên ghi toàn chữ in hoa, xin kiểm tra lại.",
        "en": "Re-cased {count} names written wholly in capitals, please check.",
    },
    "import-filled-column": {
        "vi": "cột {column} ({heading}) dòng {rows}",
        "en": "column {column} ({heading}) rows {rows}",
    },
    # ocop import: the changes, one a line (generator/staff/import_writer.py)
    "import-producer-kind": {
        "vi": "~ {name}: loại hình {kind}, dòng {row}",
        "en": "~ {name}: kind {kind}, row {row}",
    },
    "import-product-group": {
        "vi": "~ {product}: nhóm {group}, dòng {row}",
        "en": "~ {product}: group {group}, row {row}",
    },
    "import-decision-issuer": {
        "vi": "~ {product}: quyết định {decision} do {issuer} ban hành, dòng {row}",
        "en": "~ {product}: decision {decision} issued by {issuer}, row {row}",
    },
    # ocop import: the outcome
    "import-summary": {
        "vi": "{imported} dòng nhập được, {rejected} dòng chưa nhập.",
        "en": "{imported} row(s) imported, {rejected} not imported.",
    },
    "rejects-reasons": {"vi": "Lý do chưa nhập", "en": "Reasons not imported"},
    "import-rejects-written": {
        "vi": "Đã ghi {count} dòng chưa nhập vào {path}: sửa rồi nhập tệp đó.",
        "en": "Wrote the {count} row(s) not imported to {path}: fix them there and import that file.",
    },
}


# An inspection's outcome in English, by its value; the Vietnamese names are the schema's
# `x-labels` (inspection.schema.json), which the site shows.
OUTCOME_NAMES_EN = {
    "maintained": "Maintained",
    "maintained-with-recommendations": "Maintained, with recommendations to act on",
    "star-change": "Star rating changed",
    "revoked": "Certificate revoked",
    "not-stated": "The report states no outcome of its own",
}


# What generator/bootstrap.py prints while it sets up the project (before the venv exists; in
# the language OCOP_LANG names).
BOOTSTRAP_TEXTS: dict[str, dict[str, str]] = {
    "usage": {
        "vi": "Tạo môi trường ảo .venv với các gói đã ghim phiên bản rồi chạy một việc trong đó.\n"
        "Chạy từ thư mục gốc của dự án, trên máy chỉ cần Python 3.11+:\n\n"
        "    python3 -m generator.bootstrap build   # dựng trang web từ dữ liệu mẫu vào site/\n"
        "    python3 -m generator.bootstrap test    # chạy toàn bộ kiểm thử (có thể thêm "
        "tham số của pytest)\n"
        "    python3 -m generator.bootstrap serve   # xem trước tại http://127.0.0.1:8000/\n"
        "    python3 -m generator.bootstrap upload  # gửi ảnh lên kho lưu trữ khi đặt media_url\n"
        "    python3 -m generator.bootstrap audit   # lỗ hổng đã biết trong các phiên bản đã ghim\n"
        "\nMọi lệnh `ocop` khác cũng chạy được như vậy. Biến OCOP_LANG=en cho tiếng Anh.",
        "en": "Create the virtual environment .venv with the pinned packages, then run a task "
        "in it.\nRun from the project's root folder, on a machine with nothing but Python "
        "3.11+:\n\n"
        "    python3 -m generator.bootstrap build   # the sample catalogue's website -> site/\n"
        "    python3 -m generator.bootstrap test    # the whole test suite (pytest arguments "
        "may follow)\n"
        "    python3 -m generator.bootstrap serve   # live preview on http://127.0.0.1:8000/\n"
        "    python3 -m generator.bootstrap upload  # photos to object storage, when media_url "
        "is set\n"
        "    python3 -m generator.bootstrap audit   # known vulnerabilities in the pinned "
        "versions\n"
        "\nAny other `ocop` command runs the same way. OCOP_LANG=en chooses English.",
    },
    "creating-venv": {
        "vi": "Tạo môi trường ảo .venv …",
        "en": "Creating the virtual environment .venv …",
    },
    "installing": {
        "vi": "Cài đặt các gói đã ghim phiên bản …",
        "en": "Installing the pinned packages …",
    },
    "no-npm": {
        "vi": "Thiếu Node.js và npm: trình soạn thảo /admin/ chưa được cài.",
        "en": "Node.js and npm are missing: the /admin/ editor is not installed.",
    },
    "installing-editor": {
        "vi": "Cài đặt trình soạn thảo (npm ci) …",
        "en": "Installing the editor (npm ci) …",
    },
    "installing-debian": {
        "vi": "Cài đặt gói Debian: {packages} …",
        "en": "Installing Debian packages: {packages} …",
    },
    "missing-debian": {
        "vi": "Thiếu gói Debian: cài bằng `sudo apt-get install {packages}`.",
        "en": "Debian packages are missing: install them with `sudo apt-get install {packages}`.",
    },
}


def bootstrap_text(key: str, lang: str, **params: str) -> str:
    """One line of the set-up (BOOTSTRAP_TEXTS), filled with `params`."""
    entry = BOOTSTRAP_TEXTS[key]
    return entry.get(lang, entry["vi"]).format(**params)


# Fields of an import as the messages name them ("{field_label}" from a problem's `field`).
FIELD_LABELS = {
    "product": ("tên sản phẩm", "product name"),
    "producer": ("tên chủ thể", "producer name"),
    "stars": ("hạng sao", "star rating"),
    "decision_number": ("số quyết định", "decision number"),
    "decision_date": ("ngày quyết định", "decision date"),
}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _pick(names: dict[str, tuple[str, str]], key: Any, lang: str) -> str:
    vi, en = names.get(str(key), (str(key), str(key)))
    return en if lang == "en" else vi


def _words(code: str, params: dict[str, Any], lang: str) -> dict[str, str]:
    """The params as text, with the wording they pick by id (a suggestion, a type, a kind, a
    reason) in `lang`."""
    values = _Blank({k: str(v) for k, v in params.items()})
    if params.get("suggestion"):
        # both languages: templates written before `lang` was passed name them so
        values["suggestion_vi"] = f"; có phải ý bạn là '{params['suggestion']}'?"
        values["suggestion_en"] = f"; did you mean '{params['suggestion']}'?"
    if params.get("parent"):
        values["where"] = (" in '{}'" if lang == "en" else " trong '{}'").format(params["parent"])
    if "expected" in params:
        expected, actual = params["expected"], params.get("actual")
        values["expected_name"] = type_name(expected, lang)
        values["actual_name"] = type_name(str(actual), lang)
        key = "string-object" if (expected, actual) == ("string", "object") else expected
        key = "number" if key == "integer" else key
        values["type_hint"] = _pick(TYPE_HINTS, key, lang) if key in TYPE_HINTS else ""
    if "found" in params:
        values["found_name"] = _pick(FOUND_NAMES, params["found"], lang)
    if "kind" in params:
        values["kind_name"] = _pick(KIND_NAMES, params["kind"], lang)
    if code == "missing-field" and lang != "en":
        values["description"] = _description(params)
    reason = REASONS.get(code, {}).get(str(params.get("reason")))
    if reason:
        values["reason_text"] = reason.get(lang, reason["vi"]).format_map(values)
    return values


def _description(params: dict[str, Any]) -> str:
    """A missing field's description, as its schema gives it to staff (in Vietnamese)."""
    from generator.load.schema import describe  # the schemas are read only when a field is missing

    return describe(str(params.get("schema", "")), str(params.get("pointer", "")), params["field"])


def _render(code: str, params: dict[str, Any], lang: str, index: int) -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        return code if index == 0 else ""
    template = entry.get(lang, entry["vi"])[index]
    values = _words(code, params, lang)
    if "field" in params and params["field"] in FIELD_LABELS:
        values["field_label"] = FIELD_LABELS[params["field"]][0 if lang == "vi" else 1]
    return template.format_map(values)


def render_message(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The message for `code`, filled with `params`."""
    return _render(code, params, lang, 0)


def render_hint(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The hint for `code`, filled with `params`."""
    return _render(code, params, lang, 1)


def render_error(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The message of an error that stops a run, with how to fix it."""
    entry = ERRORS.get(code)
    if entry is None:
        return " ".join([code, *(f"{k}={v}" for k, v in params.items())])
    return entry.get(lang, entry["vi"]).format_map(_Blank({k: str(v) for k, v in params.items()}))


# The params of `say` that name something by id, and the table that names it.
_SAY_NAMES = {
    "host": HOST_NAMES,
    "encoding": ENCODING_NAMES,
    "separator": SEPARATOR_NAMES,
    "skip": SKIP_NAMES,
}


def say(key: str, lang: str = "vi", **params: Any) -> str:
    """One of the command's own lines, filled with `params` (format specs such as dates apply;
    a `host`, `encoding`, `separator` or `skip` id is named as `{host_name}` and so on)."""
    entry = TEXTS[key]
    for param, names in _SAY_NAMES.items():
        if param in params:
            params[f"{param}_name"] = _pick(names, params[param], lang)
    return entry.get(lang, entry["vi"]).format(**params)


def number(value: int, lang: str = "vi") -> str:
    """A whole number as the language writes it: 199.810 in Vietnamese, 199,810 in English."""
    text = f"{value:,}"
    return text if lang == "en" else text.replace(",", ".")


def megabytes(value: int, lang: str = "vi") -> str:
    """Bytes in MB (decimal, as the hosts count) to a tenth: 2.326,4 MB; in English 2,326.4 MB."""
    whole, tenth = divmod(round(value / 100_000), 10)
    return f"{number(whole, lang)}{'.' if lang == 'en' else ','}{tenth} MB"


def suggestion_params(suggestion: str | None) -> dict[str, str]:
    """The did-you-mean param (none when there is no close match); the catalogue words it."""
    return {"suggestion": suggestion} if suggestion else {}


def type_name(schema_type: str, lang: str = "vi") -> str:
    """A JSON Schema type in staff words."""
    vi, en = TYPE_NAMES.get(schema_type, (schema_type, schema_type))
    return vi if lang == "vi" else en


# The help of `ocop` (`--help`): key -> language -> text. A command's key is its name ("new
# producer"), an option's its flag, with the command's name before it where two commands'
# options mean different things; a metavar's its English word. An example is a paragraph of its
# own after "\b", which Click does not rewrap, so it can be copied whole.
HELP: dict[str, dict[str, str]] = {
    "ocop": {
        "vi": "Công cụ xuất bản danh mục sản phẩm OCOP.",
        "en": "The OCOP catalogue publisher: checks the data, writes the pages, builds the site.",
    },
    "--help": {"vi": "Hiện trợ giúp này rồi thoát.", "en": "Show this message and exit."},
    "--root": {
        "vi": "Thư mục gốc của dự án (chứa mkdocs.yml và data/).",
        "en": "The project's root folder (holding mkdocs.yml and data/).",
    },
    "--as-of": {
        "vi": "Ngày dùng để tính tình trạng chứng nhận (mặc định: hôm nay).",
        "en": "The date for which certificate statuses are worked out (default: today).",
    },
    "--lang": {
        "vi": "Ngôn ngữ của thông báo lỗi, các dòng lệnh in ra và trợ giúp này (mặc định: "
        "biến OCOP_LANG, hoặc vi).",
        "en": "The language of error messages, of the lines the command prints and of this help "
        "(default: the OCOP_LANG variable, or vi).",
    },
    "DATE": {"vi": "NGÀY", "en": "DATE"},
    "DAYS": {"vi": "NGÀY", "en": "DAYS"},
    "MONTHS": {"vi": "THÁNG", "en": "MONTHS"},
    "NAME": {"vi": "TÊN", "en": "NAME"},
    "validate": {
        "vi": "Kiểm tra toàn bộ dữ liệu trong data/ và liệt kê mọi lỗi.\n\n\b\n"
        "Ví dụ: ocop validate --lang en",
        "en": "Check all the data in data/ and list every problem.\n\n\b\n"
        "Example: ocop validate --lang en",
    },
    "validate --format": {"vi": "Dạng báo cáo.", "en": "The form of the report."},
    "generate": {
        "vi": "Kiểm tra dữ liệu và viết các trang Markdown vào content/danh-muc/.\n\n\b\n"
        "Ví dụ: ocop generate --as-of 2026-01-01",
        "en": "Check the data and write the Markdown pages to content/danh-muc/.\n\n\b\n"
        "Example: ocop generate --as-of 2026-01-01",
    },
    "report": {
        "vi": "Báo cáo: chứng nhận sắp hết hạn, đã hết hạn, chủ thể lâu chưa kiểm tra, kiến nghị "
        "quá hạn.\n\n\b\nVí dụ: ocop report --within 90 --format csv -o bao-cao.csv",
        "en": "Report: certificates about to expire or expired, producers not inspected for a "
        "long time, recommendations past their deadline.\n\n\b\n"
        "Example: ocop report --within 90 --format csv -o report.csv",
    },
    "report --within": {
        "vi": "Liệt kê chứng nhận hết hạn trong số ngày này.",
        "en": "List the certificates that expire within this many days.",
    },
    "report --months": {
        "vi": "Liệt kê chủ thể chưa được kiểm tra trong số tháng này.",
        "en": "List the producers not inspected within this many months.",
    },
    "report --format": {
        "vi": "Dạng báo cáo (CSV mở được bằng Excel).",
        "en": "The form of the report (CSV opens in Excel).",
    },
    "report --output": {
        "vi": "Ghi vào tệp thay vì in ra màn hình.",
        "en": "Write to this file instead of the screen.",
    },
    "build": {
        "vi": "Kiểm tra dữ liệu, tạo trang và dựng trang web vào site/.\n\n"
        "Khi dữ liệu có lỗi, site/ cũ được giữ nguyên.\n\n\b\nVí dụ: ocop build --as-of 2026-11-24",
        "en": "Check the data, write the pages and build the website into site/.\n\n"
        "When the data has problems, the previous site/ is kept.\n\n\b\n"
        "Example: ocop build --as-of 2026-11-24",
    },
    "build --verbose": {
        "vi": "In cả thông tin của công cụ dựng trang.",
        "en": "Also print what the site engine reports.",
    },
    "build --engine": {
        "vi": "Công cụ dựng trang: mkdocs hoặc zensical (mặc định: biến OCOP_ENGINE, mục "
        "extra: ocop: engine: của mkdocs.yml, hoặc mkdocs).",
        "en": "The site engine: mkdocs or zensical (default: the OCOP_ENGINE variable, "
        "extra: ocop: engine: in mkdocs.yml, or mkdocs).",
    },
    "upload": {
        "vi": "Gửi ảnh của lần dựng gần nhất lên kho lưu trữ đối tượng (media_url, media_remote "
        "trong mkdocs.yml); chỉ gửi tệp mới hoặc đã đổi, không xóa gì ở kho.\n\n\b\n"
        "Ví dụ: ocop upload --dry-run",
        "en": "Send the photos of the latest build to object storage (media_url, media_remote "
        "in mkdocs.yml); only new or changed files are sent, nothing there is deleted.\n\n\b\n"
        "Example: ocop upload --dry-run",
    },
    "upload --dry-run": {
        "vi": "Chỉ cho biết bao nhiêu tệp sẽ được gửi.",
        "en": "Only say how many files would be sent.",
    },
    "serve": {
        "vi": "Xem trước trang web; sửa tệp trong data/ thì trang tự cập nhật.\n\n\b\n"
        "Ví dụ: ocop serve --dev-addr 0.0.0.0:8000",
        "en": "Preview the website; when a file in data/ is edited, the page updates itself.\n\n\b\n"
        "Example: ocop serve --dev-addr 0.0.0.0:8000",
    },
    "serve --dev-addr": {"vi": "Địa chỉ của bản xem trước.", "en": "The preview's address."},
    "new": {
        "vi": "Tạo bản ghi mới: chủ thể, sản phẩm, đợt kiểm tra (không bao giờ ghi đè tệp có "
        "sẵn); các thông tin bắt buộc còn thiếu sẽ được hỏi lần lượt.\n\n\b\nVí dụ: ocop new producer",
        "en": "Create a new record: a producer, a product, an inspection round (never "
        "overwriting a file); whatever is required and missing is asked for, one by one.\n\n\b\n"
        "Example: ocop new producer",
    },
    "new producer": {
        "vi": "Tạo tệp chủ thể mới với một sản phẩm; mã được tạo từ tên.\n\n\b\n"
        'Ví dụ: ocop new producer --name "Hợp tác xã Chè Tài Hồ Sìn" --kind htx '
        "--province cao-bang",
        "en": "Create a new producer file with one product; its ID is made from the name.\n\n\b\n"
        "Example: ocop new producer --name 'Hợp tác xã Chè Tài Hồ Sìn' --kind htx "
        "--province cao-bang",
    },
    "new product": {
        "vi": "Thêm một sản phẩm vào cuối danh sách sản phẩm của một chủ thể.\n\n\b\n"
        'Ví dụ: ocop new product --producer htx-che-tai-ho-sin --product-name "Trà xanh"',
        "en": "Add a product at the end of a producer's list of products.\n\n\b\n"
        "Example: ocop new product --producer htx-che-tai-ho-sin --product-name 'Trà xanh'",
    },
    "new inspection": {
        "vi": "Tạo tệp đợt kiểm tra mới với một mục cho mỗi chủ thể.\n\n\b\n"
        'Ví dụ: ocop new inspection --date 2026-03-15 --area "xã Hòa An" --province cao-bang',
        "en": "Create a new inspection round file with one entry for each producer.\n\n\b\n"
        "Example: ocop new inspection --date 2026-03-15 --area 'xã Hòa An' "
        "--province cao-bang",
    },
    "--product-name": {"vi": "Tên sản phẩm.", "en": "The product's name."},
    "--group": {"vi": "Mã nhóm theo bộ tiêu chí.", "en": "The group's ID in the criteria set."},
    "--stars": {"vi": "Số sao.", "en": "The number of stars."},
    "--criteria": {"vi": "qd-148-2023 hoặc qd-1048-2019.", "en": "qd-148-2023 or qd-1048-2019."},
    "--decision-number": {
        "vi": "Số quyết định công nhận.",
        "en": "The number of the certifying decision.",
    },
    "--decision-date": {"vi": "Ngày quyết định.", "en": "The date of the decision."},
    "--issuer": {"vi": "Cơ quan ban hành quyết định.", "en": "The body that issued the decision."},
    "--name": {
        "vi": "Tên chủ thể, ví dụ Hợp tác xã Chè Tài Hồ Sìn.",
        "en": "The producer's name, as its documents write it.",
    },
    "--kind": {"vi": "Loại hình chủ thể.", "en": "The kind of producer."},
    "--province": {"vi": "Mã tỉnh hiện hành.", "en": "The ID of today's province."},
    "--address": {
        "vi": "Địa chỉ theo văn bản nguồn.",
        "en": "The address as the source document gives it.",
    },
    "--commune": {
        "vi": "Mã xã/phường hiện hành (không bắt buộc).",
        "en": "The ID of today's commune or ward (optional).",
    },
    "--producer": {
        "vi": "Mã của chủ thể có sản phẩm.",
        "en": "The ID of the producer the product belongs to.",
    },
    "--date": {"vi": "Ngày kiểm tra.", "en": "The date of the inspection."},
    "--body": {"vi": "Cơ quan kiểm tra.", "en": "The inspecting body."},
    "--area": {"vi": "Địa bàn kiểm tra.", "en": "The area inspected."},
    "--producers": {
        "vi": "Mã các chủ thể, cách nhau bởi dấu phẩy.",
        "en": "The producers' IDs, separated by commas.",
    },
    "import": {
        "vi": "Nhập danh sách sản phẩm OCOP từ bảng tính .xlsx hoặc .csv như cơ quan ban hành; "
        "nhập lại chỉ thêm cái mới và bổ sung cái trước đây chưa rõ.\n\n\b\n"
        "Ví dụ: ocop import phu-luc-1693.xlsx --rejects chua-nhap.csv --dry-run",
        "en": "Import a list of OCOP products from an .xlsx or .csv spreadsheet as the issuing "
        "body published it; importing again only adds what is new and fills in what was not "
        "known before.\n\n\b\n"
        "Example: ocop import phu-luc-1693.xlsx --rejects not-imported.csv --dry-run",
    },
    "import --mapping": {
        "vi": "Tệp YAML `Tên cột: trường` cho các cột có tên khác thường lệ.",
        "en": "A YAML file of `Column heading: field` lines for columns with unusual headings.",
    },
    "import --province": {
        "vi": "Tỉnh cho mọi dòng khi bảng, địa chỉ và tiêu đề không nêu.",
        "en": "The province of every row where neither the table, the address nor the title "
        "names one.",
    },
    "import --issuer": {
        "vi": "Cơ quan công nhận khi bảng và tiêu đề không nêu.",
        "en": "The certifying body, where neither the table nor the title names one.",
    },
    "import --group": {
        "vi": "Nhóm sản phẩm cho các dòng không ghi nhóm.",
        "en": "The product group of the rows that give none.",
    },
    "import --rejects": {
        "vi": "Nhập các dòng đủ thông tin và ghi các dòng còn lại (kèm lý do) vào tệp CSV này.",
        "en": "Import the complete rows and write the others (with the reason) to this CSV file.",
    },
    "import --allow-similar": {
        "vi": "Tên gần giống một chủ thể đã có vẫn được nhập thành chủ thể mới.",
        "en": "Import a name close to an existing producer's as a new producer all the same.",
    },
    "import --dry-run": {
        "vi": "Chỉ cho xem sẽ thay đổi gì, không ghi.",
        "en": "Only show what would change; write nothing.",
    },
    "demo-data": {
        "vi": "Tạo danh mục tổng hợp, tất định và hợp lệ, cỡ cả nước, để đo đạc (không phải dữ "
        "liệu thật).\n\n\b\nVí dụ: ocop demo-data --producers 10000 --seed 1 --out /tmp/ocop-10k",
        "en": "Write a synthetic, deterministic and valid catalogue of national size, for "
        "measurements (not real data).\n\n\b\n"
        "Example: ocop demo-data --producers 10000 --seed 1 --out /tmp/ocop-10k",
    },
    "demo-data --producers": {"vi": "Số chủ thể.", "en": "The number of producers."},
    "demo-data --seed": {"vi": "Hạt giống ngẫu nhiên.", "en": "The random seed."},
    "demo-data --out": {
        "vi": "Thư mục dự án sẽ nhận data/ tổng hợp (data/ cũ ở đó bị thay).",
        "en": "The project folder to receive the synthetic data/ (a data/ already there is "
        "replaced).",
    },
}


def help_text(key: str, lang: str = "vi") -> str:
    """The help of a command, option or metavar (a key of HELP) in `lang`."""
    entry = HELP[key]
    return entry.get(lang, entry["vi"])
