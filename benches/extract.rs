//! Benchmark: `registre` over the fixture PDFs and generated registers of
//! growing size, beside `pdftotext -layout` on the same files when poppler
//! is installed. Run with `cargo bench --bench extract`; prints one line per
//! file: pages, median wall time of registre (in-process, all stages to
//! JSON), of pdftotext, and their ratio, then the cost per page at each size.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn time_registre(path: &Path) -> (Duration, usize) {
    let bytes = std::fs::read(path).unwrap_or_default();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut pages = 0;
    let times = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let json = registre::extract(&bytes, &name, &registre::Options::default()).map(|d| {
                pages = d.source.pages;
                d.to_json()
            });
            let elapsed = start.elapsed();
            assert!(json.is_ok(), "{name}: extraction failed");
            elapsed
        })
        .collect();
    (median(times), pages)
}

fn time_pdftotext(path: &Path) -> Option<Duration> {
    let available = Command::new("pdftotext").arg("-v").output().is_ok();
    if !available {
        return None;
    }
    let times = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let _ = Command::new("pdftotext").arg("-layout").arg(path).arg("/dev/null").status();
            start.elapsed()
        })
        .collect();
    Some(median(times))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target").join("bench");
    let _ = std::fs::create_dir_all(&out);
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/pdf"))
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect())
        .unwrap_or_default();
    files.sort();
    let layout = common::Layout {
        page: (842.0, 595.0),
        margin: 40.0,
        font: common::BaseFont::Helvetica,
        size: 8.0,
        widths: vec![30.0, 100.0, 130.0, 80.0, 120.0, 90.0, 90.0, 110.0],
        ruled: true,
        repeat_header: true,
        padding: 4.0,
        ..common::Layout::default()
    };
    for records in [500, 1000, 2200] {
        let path = out.join(format!("generated-{records}.pdf"));
        let _ = std::fs::write(&path, common::typeset(&common::sample_register(records), &layout));
        files.push(path);
    }
    println!("{:<28} {:>6} {:>12} {:>12} {:>8} {:>12}", "file", "pages", "registre", "pdftotext", "ratio", "per page");
    for path in files {
        let (registre, pages) = time_registre(&path);
        let poppler = time_pdftotext(&path);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let per_page = registre.as_secs_f64() * 1000.0 / pages.max(1) as f64;
        match poppler {
            Some(p) => println!(
                "{name:<28} {pages:>6} {:>10.1}ms {:>10.1}ms {:>7.2}x {per_page:>10.3}ms",
                registre.as_secs_f64() * 1000.0,
                p.as_secs_f64() * 1000.0,
                registre.as_secs_f64() / p.as_secs_f64().max(1e-9)
            ),
            None => println!(
                "{name:<28} {pages:>6} {:>10.1}ms {:>12} {:>8} {per_page:>10.3}ms",
                registre.as_secs_f64() * 1000.0,
                "-",
                "-"
            ),
        }
    }
}
