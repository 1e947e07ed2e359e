//! The tools page (`tools/`): 汇总 of many units' report files, this year's draft beside last
//! year's, 审阅 of a published report, and 下发 of the one-file page with an office's settings. A second app beside the filling page, built from `tools.html` and loaded only when
//! opened, so the filling page's first load does not carry it. It reads drafts, never writes them.

pub mod audit_view;
pub mod compare_view;
pub mod pack_view;
pub mod sum_view;

use yew::prelude::*;

use crate::view::hooks::use_ready_marker;
use audit_view::AuditView;
use compare_view::CompareView;
use pack_view::PackView;
use sum_view::SumView;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    Sum,
    Compare,
    Audit,
    Pack,
}

fn search_params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// The tool named by `?view=`; 汇总 when none is.
fn tool_from_url() -> Tool {
    match search_params()
        .and_then(|params| params.get("view"))
        .as_deref()
    {
        Some("compare") => Tool::Compare,
        Some("audit") => Tool::Audit,
        Some("pack") => Tool::Pack,
        _ => Tool::Sum,
    }
}

/// The filling page, with the same query (namespace, embedding) the tools page was opened with.
fn filling_page_href() -> String {
    let Some(params) = search_params() else {
        return "../".to_owned();
    };
    params.delete("view");
    let query = String::from(params.to_string());
    if query.is_empty() {
        "../".to_owned()
    } else {
        format!("../?{query}")
    }
}

#[component]
pub fn ToolsApp() -> Html {
    let tool = use_state(tool_from_url);
    use_ready_marker();
    let tab = |which: Tool, label: &'static str| {
        let onclick = {
            let tool = tool.clone();
            Callback::from(move |_: MouseEvent| tool.set(which))
        };
        let selected = *tool == which;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} class={classes!("tab", selected.then_some("selected"))} {onclick}>{label}</button>
        }
    };
    html! {
        <div class="app tools">
            <header class="app-bar no-print">
                <span class="app-name">{"政府信息公开工作年度报告 · 工具"}</span>
                <nav class="tool-tabs" role="tablist" aria-label="工具">
                    {tab(Tool::Sum, "汇总各单位报告")}
                    {tab(Tool::Compare, "本年与上年对比")}
                    {tab(Tool::Audit, "审阅已发布报告")}
                    {tab(Tool::Pack, "下发填写页面")}
                </nav>
                <a class="back-link" href={filling_page_href()}>{"打开填写页面"}</a>
            </header>
            <main class="tool-page">
                { match *tool {
                    Tool::Sum => html! { <SumView /> },
                    Tool::Compare => html! { <CompareView /> },
                    Tool::Audit => html! { <AuditView /> },
                    Tool::Pack => html! { <PackView /> },
                } }
            </main>
        </div>
    }
}

/// Mounts the tools page into `<body>`.
pub fn start() {
    crate::mount::<ToolsApp>();
}
