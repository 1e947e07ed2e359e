//! 下发 (`?view=pack`): a county or district office enters its name, the year, its own deadline,
//! its units (pasted from Excel) and its threshold for copied narrative, and downloads the
//! one-file filling page (`offline/ogi-report.html` of this build, scripts/one-file.mjs) with
//! those settings inside, to mail to its units; or copies a link that gives a hosted filling page
//! the same settings. The settings are the core's [`ogi_report_core::pack`]; the same file chosen
//! in 汇总 gives back the list.

use js_sys::{Promise, Reflect};
use ogi_report_core::format::FIRST_YEAR;
use ogi_report_core::pack::{embed_in, write_pack, PackForm};
use ogi_report_core::sum::COPIED_BETWEEN_UNITS_PERCENT;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::browser::download;

/// The one-file page of this build, beside the tools page's folder.
const ONE_FILE_PAGE: &str = "../offline/ogi-report.html";

/// The form's fields by their hook (`data-pack`).
#[derive(Clone, Copy)]
enum Field {
    Office,
    Year,
    Deadline,
    Units,
    Percent,
}

fn set(form: &mut PackForm, field: Field, value: String) {
    match field {
        Field::Office => form.office = value,
        Field::Year => form.year = value,
        Field::Deadline => form.deadline = value,
        Field::Units => form.units = value,
        Field::Percent => form.copied_percent = value,
    }
}

/// What the last download did.
#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Working,
    Done(String),
    Failed(String),
}

#[wasm_bindgen(module = "/src/js/fetch_text.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchText)]
    fn fetch_text(url: &str) -> Promise;
}

/// Fetches the one-file page's text; `done` gets it, or why not.
fn fetch_one_file_page(done: impl FnOnce(Result<String, String>) + 'static) {
    let settled = Closure::once(move |result: JsValue| {
        let field = |key: &str| {
            Reflect::get(&result, &key.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        done(field("ok").ok_or_else(|| field("error").unwrap_or_default()));
    });
    let _ = fetch_text(ONE_FILE_PAGE).then(&settled);
    // Runs once, when the promise settles (it always does, with ok or error).
    settled.forget();
}

/// The filling page's address with the settings in its `pack` parameter.
fn hosted_link(settings: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = web_sys::Url::new_with_base("../", &href).ok()?;
    page.search_params().set("pack", settings);
    Some(page.href())
}

/// Downloads the one-file page with the form's settings inside.
fn download_pack(form: &PackForm, outcome: UseStateHandle<Outcome>) {
    let pack = match form.pack() {
        Ok(pack) => pack,
        Err(why) => return outcome.set(Outcome::Failed(why)),
    };
    outcome.set(Outcome::Working);
    fetch_one_file_page(move |page| {
        let result = page
            .map_err(|why| format!("未能取得单文件填写页面（{why}）。请联网后重试。"))
            .and_then(|page| embed_in(&page, &pack).map_err(|error| error.to_string()))
            .and_then(|html| {
                let name = pack.file_name();
                download::download_text(&name, "text/html", &html)
                    .then(|| format!("已下载「{name}」。请把这个文件作为附件发给名单中的 {} 个单位：单位用浏览器打开即可填写，无需安装，也无需联网；填好后把「下载报告文件」得到的文件交回，在「汇总各单位报告」中选择本文件即可核对报送情况。", pack.units.len()))
                    .ok_or_else(|| "浏览器没有开始下载。".to_owned())
            });
        outcome.set(match result {
            Ok(done) => Outcome::Done(done),
            Err(why) => Outcome::Failed(why),
        });
    });
}

/// Keeps a field's value in the form as it changes (inputs, the select and the textarea alike).
fn on_field<E: AsRef<web_sys::Event> + 'static>(
    form: &UseStateHandle<PackForm>,
    field: Field,
) -> Callback<E> {
    let form = form.clone();
    Callback::from(move |event: E| {
        let target = event
            .as_ref()
            .target()
            .map(JsValue::from)
            .unwrap_or_default();
        let value = Reflect::get(&target, &"value".into())
            .ok()
            .and_then(|value| value.as_string());
        let mut next = (*form).clone();
        set(&mut next, field, value.unwrap_or_default());
        form.set(next);
    })
}

#[component]
pub fn PackView() -> Html {
    let this_year = crate::browser::clock::today_in_china().report_year();
    let form = use_state(|| PackForm {
        year: this_year.to_string(),
        copied_percent: COPIED_BETWEEN_UNITS_PERCENT.to_string(),
        ..PackForm::default()
    });
    let outcome = use_state(|| Outcome::None);
    let typed = |field| on_field::<InputEvent>(&form, field);
    let changed = |field| on_field::<Event>(&form, field);
    let on_download = {
        let (form, outcome) = (form.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| download_pack(&form, outcome.clone()))
    };
    let pack = form.pack();
    let units = pack.as_ref().map_or(0, |pack| pack.units.len());
    let link = pack
        .as_ref()
        .ok()
        .and_then(|pack| hosted_link(&write_pack(pack)));
    let years: Vec<i32> = (FIRST_YEAR..=this_year + 1).rev().collect();
    html! {
        <section class="tool-section pack-view" aria-labelledby="pack-title">
            <h1 id="pack-title">{"向下级单位下发填写页面"}</h1>
            <p class="guidance">{"填写下面的设置，下载一个网页文件，作为附件发给各单位：单位双击打开即可填写，不需要网站，也不需要联网；文件中带有本单位名称、报告年度、报送截止日期和单位名单，单位交回的报告文件可在「汇总各单位报告」中核对。"}</p>
            <div class="pack-form">
                <label class="field">{"下发单位名称"}
                    <input type="text" data-pack="body" value={form.office.clone()} placeholder="例如：某某区人民政府办公室" oninput={typed(Field::Office)} />
                </label>
                <label class="field">{"报告年度"}
                    <select data-pack="year" onchange={changed(Field::Year)}>
                        { for years.into_iter().map(|year| html! {
                            <option value={year.to_string()} selected={form.year == year.to_string()}>{format!("{year} 年度")}</option>
                        }) }
                    </select>
                </label>
                <label class="field">{"报送截止日期（各单位交回报告文件的日期，可不填）"}
                    <input type="date" data-pack="deadline" value={form.deadline.clone()} onchange={changed(Field::Deadline)} />
                </label>
                <label class="field">{"正文雷同提示比例（%）"}
                    <input type="number" min="1" max="100" data-pack="threshold" value={form.copied_percent.clone()} oninput={typed(Field::Percent)} />
                </label>
                <label class="field pack-units">
                    {"应报送单位名单"}
                    <span class="guidance">{"每行一个单位名称，可直接从 Excel 复制一列或两列粘贴（第二列可写机关类型：部门或人民政府）。"}</span>
                    <textarea rows="8" data-pack="units" value={form.units.clone()} oninput={typed(Field::Units)} />
                </label>
            </div>
            <p class="pack-tally" data-pack-tally="">{format!("名单中 {units} 个单位。")}</p>
            <div class="pack-actions">
                <button type="button" class="primary" data-pack-download="" disabled={*outcome == Outcome::Working} onclick={on_download}>{"下载下发文件"}</button>
            </div>
            { match &*outcome {
                Outcome::None => html! {},
                Outcome::Working => html! { <p class="notice info" role="status">{"正在生成……"}</p> },
                Outcome::Done(text) => html! { <p class="notice info" role="status" data-pack-done="">{text.clone()}</p> },
                Outcome::Failed(why) => html! { <p class="notice warning" role="alert" data-pack-problem="">{why.clone()}</p> },
            } }
            if let Some(link) = link {
                <label class="field pack-link">{"已在网站上部署本工具时，也可以把下面的链接发给各单位（设置相同）："}
                    <input type="text" readonly=true data-pack-link="" value={link} />
                </label>
            }
        </section>
    }
}
