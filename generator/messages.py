"""The catalogue of problem messages: one entry per code, in Vietnamese and English."""

from __future__ import annotations

from typing import Any

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
            "Tệp phải là một bản ghi (các dòng `trường: giá trị`), không phải {actual}",
            "Bắt đầu tệp bằng `id: ...` như các tệp mẫu trong thư mục data/.",
        ),
        "en": (
            "The file must hold one record (`field: value` lines), not {actual}",
            "Start the file with `id: ...` like the sample files in data/.",
        ),
    },
    "yaml-unsupported": {
        "vi": (
            "Cấu trúc YAML không được hỗ trợ: {detail}",
            "Chỉ dùng trường, danh sách và giá trị đơn giản; không dùng thẻ `!`, neo `&`/`*` hay `<<`.",
        ),
        "en": (
            "Unsupported YAML construct: {detail}",
            "Use plain fields, lists and values only; no `!` tags, `&`/`*` anchors or `<<`.",
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
            "So sánh với cấu trúc trong README (mục Dữ liệu tham chiếu) và sửa lại.",
        ),
        "en": (
            "Reference data is malformed: {detail}",
            "Compare with the structure in the README (Reference data) and fix it.",
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
            'Use a group of the criteria set (e.g. Thực phẩm, Đồ uống), or leave it empty: the product shows "group unknown".',
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
            "Tệp nằm sai chỗ: {detail}",
            "Chủ thể: data/producers/<tỉnh>/<id>.yaml; đợt kiểm tra: data/inspections/<id>.yaml.",
        ),
        "en": (
            "The file is in the wrong place: {detail}",
            "Producers: data/producers/<province>/<id>.yaml; rounds: data/inspections/<id>.yaml.",
        ),
    },
    "missing-field": {
        "vi": (
            "Thiếu trường bắt buộc '{field}'{where}",
            "Thêm dòng `{field}: ...` ({description}).",
        ),
        "en": (
            "Required field '{field}' is missing{where}",
            "Add a line `{field}: ...` ({description}).",
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
        "vi": ("'{field}' phải là {expected}, nhưng đang là {actual} ({value})", "{extra_vi}"),
        "en": ("'{field}' must be {expected_en}, but is {actual_en} ({value})", "{extra_en}"),
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
            "Điểm {score} không khớp với {stars} sao theo {criteria} ({low}–{high} điểm)",
            "Sửa điểm hoặc số sao cho khớp khung điểm của bộ tiêu chí.",
        ),
        "en": (
            "A score of {score} does not match {stars} stars under {criteria} ({low}–{high} points)",
            "Correct the score or the stars to match the criteria set's bands.",
        ),
    },
    "duplicate-id": {
        "vi": ("Mã {kind} '{id}' đã được dùng ở {other}", "Mỗi mã chỉ dùng một lần: chọn mã khác."),
        "en": ("{kind_en} ID '{id}' is already used at {other}", "IDs are unique: choose another."),
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
            "Write today's unit (one of: {candidates}) in this field, and keep the old name in address.former (e.g. former: {{district: huyện Tiểu Cần}}).",
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
            "Không đọc được ảnh '{file}': {detail}",
            "Dùng ảnh JPEG, PNG hoặc WebP còn nguyên vẹn.",
        ),
        "en": ("Cannot read photo '{file}': {detail}", "Use an intact JPEG, PNG or WebP image."),
    },
    "photo-too-large": {
        "vi": (
            "Ảnh '{file}' quá lớn ({detail})",
            "Thu nhỏ ảnh (ví dụ còn 2000 điểm ảnh chiều rộng) rồi lưu lại dạng JPEG.",
        ),
        "en": (
            "Photo '{file}' is too large ({detail})",
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


def _render(code: str, params: dict[str, Any], lang: str, index: int) -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        return code if index == 0 else ""
    template = entry.get(lang, entry["vi"])[index]
    values = {k: str(v) for k, v in params.items()}
    if "field" in params and params["field"] in FIELD_LABELS:
        values["field_label"] = FIELD_LABELS[params["field"]][0 if lang == "vi" else 1]
    return template.format_map(_Blank(values))


def render_message(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The message for `code`, filled with `params`."""
    return _render(code, params, lang, 0)


def render_hint(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The hint for `code`, filled with `params`."""
    return _render(code, params, lang, 1)


def suggestion_params(suggestion: str | None) -> dict[str, str]:
    """Did-you-mean fragments in both languages (empty when there is no close match)."""
    if not suggestion:
        return {}
    return {
        "suggestion_vi": f"; có phải ý bạn là '{suggestion}'?",
        "suggestion_en": f"; did you mean '{suggestion}'?",
    }


def type_name(schema_type: str, lang: str = "vi") -> str:
    """A JSON Schema type in staff words."""
    vi, en = TYPE_NAMES.get(schema_type, (schema_type, schema_type))
    return vi if lang == "vi" else en
