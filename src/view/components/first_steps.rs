//! The first-visit hint: the three steps from an empty page to a published report, shown until
//! the user closes it for good (remembered beside the drafts).

use yew::prelude::*;

use crate::model::state::{Action, Dialog};

/// A plain function, not a component: it has no state, and each component type costs the first
/// load its own copy of Yew's mounting code.
pub fn first_steps(dispatch: &Callback<Action>) -> Html {
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Dialog(Dialog::CloseHint)))
    };
    html! {
        <section class="first-steps" aria-labelledby="first-steps-title" data-first-steps="">
            <h2 id="first-steps-title">{"三步完成年度报告"}</h2>
            <ol>
                <li><strong>{"开始："}</strong>{"直接在下面填写；有上年的报告（报告文件、Word、PDF 或网页）时，点「以上年报告开始」，上年结转和小标题会自动填好。"}</li>
                <li><strong>{"填写并检查："}</strong>{"合计自动计算，内容随时自动保存在本机浏览器中；填完后点「检查」，按提示逐条修改。"}</li>
                <li><strong>{"导出："}</strong>{"「下载 Word」或「打印 / PDF」用于审签和发布；「下载报告文件」留存一份，或交给上级汇总。"}</li>
            </ol>
            <button type="button" onclick={close} data-first-steps-close="">{"知道了，不再显示"}</button>
        </section>
    }
}
