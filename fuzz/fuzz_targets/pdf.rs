//! Any bytes through the PDF path: an error or a document, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = registre::extract_pdf(data, "fuzz.pdf", &registre::Options::default()).map(|d| d.to_json());
});
