//! Snapshot of the exact JSON the CLI writes for every fixture (or of the
//! error it reports), so any change in output shows as a reviewable diff.

use std::path::Path;

fn rendering(path: &Path) -> String {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = std::fs::read(path).unwrap_or_default();
    match registre::extract(&bytes, &file, &registre::Options::default()) {
        Ok(document) => document.to_json(),
        Err(error) => format!("error: {error}\n"),
    }
}

#[test]
fn pdf_fixtures() {
    insta::glob!("..", "fixtures/pdf/**/*.pdf", |path| {
        insta::assert_snapshot!(rendering(path));
    });
}

#[test]
fn text_fixtures() {
    insta::glob!("..", "fixtures/text*/**/*.txt", |path| {
        insta::assert_snapshot!(rendering(path));
    });
}
