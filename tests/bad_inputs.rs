//! Every kind of bad input ends in a clear error naming the file (and page
//! where it applies), or in a normal extraction when the file can still be
//! read; a batch over all of them goes on past each failure. The fixtures
//! are made by `tests/data/bad/make.py`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad").join(name)
}

fn outcome(name: &str, password: Option<&str>) -> Result<usize, String> {
    let bytes = std::fs::read(bad(name)).unwrap_or_default();
    let options = registre::Options { password: password.map(str::to_string) };
    registre::extract(&bytes, name, &options).map(|d| d.records.len()).map_err(|e| e.to_string())
}

#[test]
fn each_bad_input_has_its_exact_outcome() {
    let cases: &[(&str, Result<usize, &str>)] = &[
        ("empty.pdf", Err("empty.pdf: empty file")),
        ("empty.txt", Err("empty.txt: empty file")),
        ("not-a-pdf.pdf", Err("not-a-pdf.pdf: not a PDF file")),
        ("truncated.pdf", Err("truncated.pdf: unreadable PDF (failed parsing cross reference table)")),
        ("zero-pages.pdf", Err("zero-pages.pdf: PDF has no pages")),
        ("cyclic-pages.pdf", Err("cyclic-pages.pdf: PDF has no pages")),
        ("image-only.pdf", Err("image-only.pdf: no text layer (one image drawn: scanned document?)")),
        ("blank-page.pdf", Err("blank-page.pdf: no text layer")),
        ("no-table.pdf", Err("no-table.pdf: no register table found")),
        ("nested-arrays.pdf", Err("nested-arrays.pdf: no register table found")),
        ("cyclic-form.pdf", Err("cyclic-form.pdf: no register table found")),
        (
            "decompression-bomb.pdf",
            Err("decompression-bomb.pdf: page 1: content stream larger than the decompression limit"),
        ),
        (
            "encrypted-user-password.pdf",
            Err("encrypted-user-password.pdf: encrypted PDF: a user password is required (use --password)"),
        ),
        (
            "undecodable-text.pdf",
            Err("undecodable-text.pdf: text cannot be decoded: 93 of 93 character codes have no Unicode mapping \
                 (fonts without ToUnicode)"),
        ),
        (
            "symbolic-font-without-tounicode.pdf",
            Err("symbolic-font-without-tounicode.pdf: text cannot be decoded: 3417 of 3417 character codes have no \
                 Unicode mapping (fonts without ToUnicode)"),
        ),
        ("binary.txt", Err("binary.txt: binary data in a text input")),
        ("latin1-no-register.txt", Err("latin1-no-register.txt: no register table found")),
        // Still readable: extracted as usual.
        ("broken-xref.pdf", Ok(22)),
        ("encrypted-owner-only.pdf", Ok(22)),
        ("pdf-named.txt", Ok(22)),
        ("cid-font-without-tounicode.pdf", Ok(12)),
    ];
    for (name, expected) in cases {
        let expected = expected.map_err(str::to_string);
        assert_eq!(outcome(name, None), expected, "{name}");
    }
}

/// A register's text reads the same whatever its encoding and line ends:
/// UTF-8 with a BOM and CRLF, Windows-1252, UTF-16 (little- and big-endian,
/// with their BOM).
#[test]
fn a_text_reads_the_same_in_every_encoding() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text/commune-wkhtmltopdf-mutool.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let records = |bytes: &[u8]| {
        registre::extract(bytes, "commune.txt", &registre::Options::default())
            .map(|d| format!("{:?}", d.records))
            .map_err(|e| e.to_string())
    };
    let plain = records(text.as_bytes());
    assert!(plain.as_ref().is_ok_and(|r| r.contains("Accueil")), "{plain:?}");
    let crlf = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
    let windows_1252: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '’' => 0x92,
            'œ' => 0x9C,
            '€' => 0x80,
            _ => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect();
    assert!(
        !text.chars().any(|c| u32::from(c) > 0xFF && !matches!(c, '’' | 'œ' | '€')),
        "a character outside Windows-1252"
    );
    let utf16 = |little_endian: bool| -> Vec<u8> {
        let bom = if little_endian { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
        let units = text.encode_utf16().flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() });
        bom.into_iter().chain(units).collect()
    };
    for (encoding, bytes) in [
        ("UTF-8, BOM, CRLF", crlf.into_bytes()),
        ("Windows-1252", windows_1252),
        ("UTF-16LE", utf16(true)),
        ("UTF-16BE", utf16(false)),
    ] {
        assert_eq!(records(&bytes), plain, "{encoding}");
    }
}

/// A flowed text whose table is too large to segment in bounded time and
/// memory (made here: 24 header columns over 50 000 body lines) is refused
/// before its segmentation starts.
#[test]
fn a_flowed_text_too_large_to_segment_is_refused() {
    let header = ["Finalités", "Données", "Destinataires", "Durée", "Personnes", "Responsable"].repeat(4).join(" ");
    let mut text = format!("Registre \n\n{header} \n\n");
    for i in 0..50_000 {
        text.push_str(&format!("ligne {i} du traitement \n"));
    }
    let result = registre::extract(text.as_bytes(), "huge.txt", &registre::Options::default());
    assert_eq!(
        result.map(|d| d.records.len()).map_err(|e| e.to_string()),
        Err("huge.txt: flowed text too large to segment: 50000 lines × 24 columns, more than the limit of 1000000"
            .to_string())
    );
}

/// A flowed text of more lines than are read is refused, not cut short.
#[test]
fn a_flowed_text_too_long_to_read_is_refused() {
    let text = "ligne\n".repeat(1_000_001);
    let result = registre::extract(text.as_bytes(), "long.txt", &registre::Options::default());
    assert_eq!(
        result.map(|d| d.records.len()).map_err(|e| e.to_string()),
        Err("long.txt: flowed text too long: 1000001 lines, more than the limit of 1000000".to_string())
    );
}

#[test]
fn a_user_password_opens_the_document() {
    assert_eq!(outcome("encrypted-user-password.pdf", Some("secret")), Ok(22));
    assert_eq!(
        outcome("encrypted-user-password.pdf", Some("wrong")),
        Err("encrypted-user-password.pdf: encrypted PDF: a user password is required (use --password)".to_string())
    );
}

#[test]
fn a_batch_goes_on_past_failures_and_says_so() {
    let out = std::env::temp_dir().join(format!("registre-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf/fabrique.pdf");
    let result = Command::new(env!("CARGO_BIN_EXE_registre"))
        .arg("extract")
        .arg("-o")
        .arg(&out)
        .arg(bad(""))
        .arg(&good)
        .output();
    let Ok(result) = result else { panic!("cannot run registre") };
    assert_eq!(result.status.code(), Some(1), "a failed input makes the exit status 1");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("registre: image-only.pdf: no text layer (one image drawn: scanned document?)"),
        "{stderr}"
    );
    assert!(result.stdout.is_empty(), "stdout carries only data");
    assert!(out.join("fabrique.json").exists(), "the good register is written");
    assert!(out.join("encrypted-owner-only.json").exists());
    assert!(!out.join("empty.json").exists(), "no output for a failed input");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap_or_default())
            .unwrap_or(serde_json::Value::Null);
    let inputs = index["inputs"].as_array().cloned().unwrap_or_default();
    assert_eq!(inputs.len(), 22);
    let failures = inputs.iter().filter(|i| i["status"] == "error").count();
    assert_eq!(failures, 17);
    assert!(inputs.iter().all(|i| i["status"] == "ok" || i["error"].as_str().is_some_and(|e| !e.is_empty())));
    let leftovers = std::fs::read_dir(&out)
        .map(|d| d.flatten().filter(|e| e.file_name().to_string_lossy().starts_with('.')).count());
    assert_eq!(leftovers.unwrap_or(0), 0, "no temporary file is left behind");
    let _ = std::fs::remove_dir_all(&out);
}
