//! 下发: a superior office's settings written into the one-file page and read back as the filling
//! page and 汇总 read them; a list pasted from Excel; settings from outside refused with a reason.

use ogi_report_core::pack::{embed_in, from_html, read_pack, write_pack, Pack, PackForm, SLOT};
use ogi_report_core::{BodyType, Date};

/// The one-file page as scripts/one-file.mjs writes it, reduced to what matters here.
fn one_file_page() -> String {
    format!("<!doctype html><html data-one-file=\"\"><head>{SLOT}</script><script>start()</script></head><body></body></html>")
}

fn form() -> PackForm {
    PackForm {
        office: " 某某区人民政府办公室 ".to_owned(),
        year: "2026".to_owned(),
        deadline: "2027-01-15".to_owned(),
        units: "序号\t单位名称\n东城街道办事处\t部门\n某某镇人民政府\t人民政府\n区发展和改革委员会\n东城 街道办事处\n\n"
            .to_owned(),
        copied_percent: "40".to_owned(),
    }
}

#[test]
fn settings_round_trip_through_the_one_file_page() {
    let pack = form().pack().expect("a complete form");
    assert_eq!(pack.office, "某某区人民政府办公室");
    assert_eq!(pack.deadline, Date::new(2027, 1, 15));
    assert_eq!(pack.copied_percent, 40);
    assert_eq!(
        pack.units
            .iter()
            .map(|unit| (unit.name.as_str(), unit.body_type))
            .collect::<Vec<_>>(),
        [
            ("东城街道办事处", Some(BodyType::Department)),
            ("某某镇人民政府", Some(BodyType::Government)),
            ("区发展和改革委员会", None),
        ],
        "header row and a repeat (spaces aside) dropped, types read from the second column"
    );
    let page = embed_in(&one_file_page(), &pack).unwrap();
    assert_eq!(from_html(&page), Some(Ok(pack.clone())));
    assert!(page.ends_with("</script><script>start()</script></head><body></body></html>"));
    // Handed down again with other settings: the slot is replaced, not added to.
    let mut again = pack.clone();
    again.year = 2027;
    let page = embed_in(&page, &again).unwrap();
    assert_eq!(page.matches(SLOT).count(), 1);
    assert_eq!(from_html(&page), Some(Ok(again)));
    assert_eq!(
        pack.file_name(),
        "某某区人民政府办公室2026年度政府信息公开工作年度报告填写页.html"
    );
    assert_eq!(
        pack.send_back(),
        "请于2027年1月15日前将报告文件报送某某区人民政府办公室。"
    );
}

#[test]
fn no_text_of_the_settings_can_close_the_page_element() {
    let mut pack = Pack::new("某办</script><script>alert(1)</script>", 2026);
    pack.set_units("</script>单位\n");
    let page = embed_in(&one_file_page(), &pack).unwrap();
    assert_eq!(page.matches("</script>").count(), 2, "only the page's own");
    assert_eq!(from_html(&page), Some(Ok(pack)));
}

#[test]
fn the_form_names_what_to_correct() {
    let with = |change: fn(&mut PackForm)| {
        let mut form = form();
        change(&mut form);
        form.pack().unwrap_err()
    };
    assert_eq!(with(|form| form.office.clear()), "请填写下发单位名称。");
    assert_eq!(
        with(|form| form.units = "单位名称\n".to_owned()),
        "请填写应报送单位名单（每行一个单位）。"
    );
    assert_eq!(
        with(|form| form.deadline = "2027-02-30".to_owned()),
        "报送截止日期无效。"
    );
    assert_eq!(
        with(|form| form.copied_percent = "0".to_owned()),
        "正文雷同提示比例应为 1 到 100 之间的整数。"
    );
    let mut without_deadline = form();
    without_deadline.deadline.clear();
    let pack = without_deadline.pack().unwrap();
    assert_eq!(pack.deadline, None);
    assert_eq!(pack.send_back(), "请将报告文件报送某某区人民政府办公室。");
}

#[test]
fn settings_from_outside_are_refused_with_the_reason() {
    let good = write_pack(&form().pack().unwrap());
    let cases = [
        // (serde_json places an unexpected end at the last character read.)
        ("{", "第 1 行第 1 列不是有效的 JSON"),
        ("{\"format\":\"ogi-report\"}", "不是下发设置"),
        (
            &good.replace("\"version\": 1", "\"version\": 9"),
            "版本不受支持",
        ),
        (&good.replace("2026", "1999"), "报告年度无效"),
        (&good.replace("2027-01-15", "明年"), "报送截止日期无效"),
        (
            &good.replace("\"copiedPercent\": 40", "\"copiedPercent\": 400"),
            "雷同比例",
        ),
        (
            &good.replace("\"department\"", "\"agency\""),
            "机关类型无效",
        ),
        (&good.replace("\"某某镇人民政府\"", "\"\""), "单位名称无效"),
        (&"[".repeat(100_000), "不是下发设置"),
        (&"{\"a\":".repeat(100_000), "不是有效的 JSON"),
        (&" ".repeat(600 * 1024), "内容过大"),
    ];
    for (text, why) in cases {
        let error = read_pack(text).unwrap_err().to_string();
        assert!(error.starts_with("下发文件中的设置无法读取："), "{error}");
        assert!(error.contains(why), "{why}: {error}");
    }
    let many = format!(
        "{{\"format\":\"ogi-report-pack\",\"version\":1,\"office\":\"区\",\"year\":2026,\"deadline\":null,\"copiedPercent\":50,\"units\":[{}]}}",
        vec!["{\"name\":\"单位\"}"; 2001].join(",")
    );
    assert!(read_pack(&many)
        .unwrap_err()
        .to_string()
        .contains("单位超过 2000 个"));
}
