//! Any bytes through the text path (both forms): an error or a document, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = registre::extract_text(data, "fuzz.txt").map(|d| d.to_json());
});
