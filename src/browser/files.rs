//! Reading the files a user chose or dropped, in the browser: their texts in order, each with its
//! name, or why it could not be read. Both pages read files through here. Promise callbacks
//! rather than futures: an async reader would add more than a kilobyte to the first load.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{File, FileList};

/// What a chooser for our report files offers.
pub const REPORT_FILES: &str = ".json,application/json";

/// What a chooser for published reports offers: the kinds the importer reads, and old Word files,
/// which it explains it cannot read (so the user learns why, rather than not finding the file).
pub const PUBLISHED_REPORTS: &str =
    ".json,.docx,.doc,.pdf,.html,.htm,.txt,application/json,text/plain,text/html";

/// The files of a file list, taken at once: clearing the input afterwards empties the list.
pub fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// The files dropped on a drop zone (or the page); the browser's own handling, which would open a
/// file in place of the page, is prevented.
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<File> {
    event.prevent_default();
    files_of(event.data_transfer().and_then(|data| data.files()))
}

/// What one file read gives: (file name, its content, or why it could not be read).
pub type FileRead<T> = (String, Result<T, String>);

/// Reads the files' texts, all at once, and hands them to `done` in the files' order.
pub fn read_files(files: Vec<File>, done: impl FnOnce(Vec<FileRead<String>>) + 'static) {
    let why = "无法读取（可能已被移动或不是文本文件）。";
    read_all(
        files,
        |file| file.text(),
        |value| value.as_string(),
        why,
        done,
    );
}

/// Reads the files' bytes (a Word file, a PDF, a text of any kind), as [`read_files`] does.
pub fn read_files_bytes(files: Vec<File>, done: impl FnOnce(Vec<FileRead<Vec<u8>>>) + 'static) {
    let bytes = |value: JsValue| {
        value
            .dyn_into::<js_sys::ArrayBuffer>()
            .ok()
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
    };
    let why = "无法读取（文件可能已被移动或删除）。";
    read_all(files, |file| file.array_buffer(), bytes, why, done);
}

fn read_all<T: 'static>(
    files: Vec<File>,
    read: fn(&File) -> Promise,
    content: fn(JsValue) -> Option<T>,
    why: &'static str,
    done: impl FnOnce(Vec<FileRead<T>>) + 'static,
) {
    let names: Vec<String> = files.iter().map(File::name).collect();
    let reads: Array = files.iter().map(|file| JsValue::from(read(file))).collect();
    let on_settled = Closure::once(move |results: JsValue| {
        let contents = names
            .into_iter()
            .zip(Array::from(&results).iter())
            .map(|(name, result)| {
                // A read that failed settles without a `value`.
                let content = Reflect::get(&result, &"value".into())
                    .ok()
                    .and_then(content)
                    .ok_or_else(|| why.to_owned());
                (name, content)
            })
            .collect();
        done(contents);
    });
    let _ = Promise::all_settled(&reads).then(&on_settled);
    // Runs once, when the browser settles the reads; it must outlive this call.
    on_settled.forget();
}
