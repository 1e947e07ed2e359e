//! Reading the files a user chose or dropped, in the browser: their texts in order, each with its
//! name, or why it could not be read. Both pages read files through here. Promise callbacks
//! rather than futures: an async reader would add more than a kilobyte to the first load.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::{File, FileList};

/// The files of a file list, taken at once: clearing the input afterwards empties the list.
pub fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// Reads the files' texts, all at once, and hands them to `done` in the files' order:
/// (file name, text, or why it could not be read).
pub fn read_files(
    files: Vec<File>,
    done: impl FnOnce(Vec<(String, Result<String, String>)>) + 'static,
) {
    let names: Vec<String> = files.iter().map(File::name).collect();
    let reads: Array = files
        .iter()
        .map(|file| JsValue::from(file.text()))
        .collect();
    let on_settled = Closure::once(move |results: JsValue| {
        let texts = names
            .into_iter()
            .zip(Array::from(&results).iter())
            .map(|(name, result)| {
                // A read that failed settles without a `value`.
                let text = Reflect::get(&result, &"value".into())
                    .ok()
                    .and_then(|text| text.as_string())
                    .ok_or_else(|| "无法读取（可能已被移动或不是文本文件）。".to_owned());
                (name, text)
            })
            .collect();
        done(texts);
    });
    let _ = Promise::all_settled(&reads).then(&on_settled);
    // Runs once, when the browser settles the reads; it must outlive this call.
    on_settled.forget();
}
