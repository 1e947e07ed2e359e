//! What the one-file page and a superior office's pack (下发) tell the user once, under the app
//! bar: where the drafts of a page opened from disk live, and who handed the page down, for which
//! year, and where and by when the report goes back. A plain function, not a component: it draws
//! once from the page's configuration.

use yew::prelude::*;

use crate::model::embedding::Embedding;

/// The lines for this page's configuration (nothing on a hosted page without a pack).
pub fn handed_down_notes(config: &Embedding) -> Html {
    let one_file = config.one_file.then(|| {
        html! {
            <p class="handed-down-note" data-one-file-note="">
                {"这是单文件版填写页面：草稿保存在这台电脑的这个浏览器中，并与本文件所在的位置相关——换一个浏览器或电脑、把文件移到别处或改名后打开，都看不到原来的草稿。请随时点「下载报告文件」留存一份。"}
            </p>
        }
    });
    let pack = config.pack.as_ref().map(|pack| {
        html! {
            <p class="handed-down-note" data-pack-note="">
                {format!("本页面由{}下发，用于填写 {} 年度的报告。{}", pack.office, pack.year, pack.send_back())}
            </p>
        }
    });
    let problem = config.pack_problem.as_ref().map(|why| {
        html! { <p class="handed-down-note warning" role="alert" data-pack-problem="">{why.clone()}</p> }
    });
    html! { <>{one_file}{pack}{problem}</> }
}
