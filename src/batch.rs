//! Batch runs: inputs from files and folders, one JSON per input written
//! atomically, and an `index.json` of every input's outcome.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::{Options, extract};

/// Deepest folder nesting walked.
const MAX_WALK_DEPTH: usize = 64;

/// One input and where its output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file to read.
    pub path: PathBuf,
    /// The output file, relative to the output folder.
    pub output: PathBuf,
}

/// How one input ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The input path as given or walked.
    pub input: String,
    /// The output file relative to the output folder (absent on error).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// `ok` or `error`.
    pub status: &'static str,
    /// Records extracted.
    pub records: usize,
    /// The error message, on error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Outcome {
    /// Whether the input failed.
    pub fn failed(&self) -> bool {
        self.status != "ok"
    }
}

#[derive(Serialize)]
struct Index<'a> {
    schema_version: u32,
    inputs: &'a [Outcome],
}

fn is_input_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("txt"))
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > MAX_WALK_DEPTH {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = fs::symlink_metadata(&path) else { continue };
        if meta.is_dir() {
            walk(&path, depth + 1, out);
        } else if meta.is_file() && is_input_file(&path) {
            out.push(path);
        }
    }
}

/// Expands the command line's files and folders into inputs. A folder's
/// files keep their path relative to it; outputs that would collide get the
/// input's extension in their name (`dnum.pdf.json`, `dnum.txt.json`).
pub fn collect_inputs(args: &[PathBuf]) -> Vec<Input> {
    let mut inputs: Vec<Input> = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut files = Vec::new();
            walk(arg, 0, &mut files);
            for file in files {
                let relative = file.strip_prefix(arg).map(Path::to_path_buf).unwrap_or_else(|_| file.clone());
                inputs.push(Input { output: relative.with_extension("json"), path: file });
            }
        } else {
            let name = arg.file_name().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("input"));
            inputs.push(Input { output: name.with_extension("json"), path: arg.clone() });
        }
    }
    let mut counts: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for input in &inputs {
        *counts.entry(input.output.clone()).or_default() += 1;
    }
    for input in &mut inputs {
        if counts.get(&input.output).copied().unwrap_or(0) > 1 {
            let ext = input.path.extension().and_then(|e| e.to_str()).unwrap_or("in").to_ascii_lowercase();
            input.output = input.output.with_extension(format!("{ext}.json"));
        }
    }
    inputs
}

/// Writes a file atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    fs::write(&tmp, contents)?;
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Runs one input; a panic in the pipeline becomes an internal error.
pub fn run_one(input: &Input, out_dir: &Path, options: &Options) -> Outcome {
    let file = display_name(&input.path);
    let result =
        fs::read(&input.path).map_err(|e| Error::file(&file, ErrorKind::Io(e.to_string()))).and_then(|bytes| {
            catch_unwind(AssertUnwindSafe(|| extract(&bytes, &file, options))).unwrap_or_else(|panic| {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".to_string());
                Err(Error::file(&file, ErrorKind::Internal(message)))
            })
        });
    let input_name = input.path.to_string_lossy().into_owned();
    match result {
        Ok(document) => {
            let target = out_dir.join(&input.output);
            match write_atomic(&target, &document.to_json()) {
                Ok(()) => Outcome {
                    input: input_name,
                    output: Some(input.output.to_string_lossy().into_owned()),
                    status: "ok",
                    records: document.records.len(),
                    error: None,
                },
                Err(e) => Outcome {
                    input: input_name,
                    output: None,
                    status: "error",
                    records: 0,
                    error: Some(format!("{}: cannot write {}: {e}", file, target.display())),
                },
            }
        }
        Err(e) => Outcome { input: input_name, output: None, status: "error", records: 0, error: Some(e.to_string()) },
    }
}

/// Runs every input in parallel and writes `index.json`; outcomes keep input order.
pub fn run(inputs: &[Input], out_dir: &Path, options: &Options) -> std::io::Result<Vec<Outcome>> {
    fs::create_dir_all(out_dir)?;
    let outcomes: Vec<Outcome> = inputs.par_iter().map(|input| run_one(input, out_dir, options)).collect();
    let index = Index { schema_version: crate::output::SCHEMA_VERSION, inputs: &outcomes };
    let mut json = serde_json::to_string_pretty(&index).map_err(std::io::Error::other)?;
    json.push('\n');
    write_atomic(&out_dir.join("index.json"), &json)?;
    Ok(outcomes)
}
