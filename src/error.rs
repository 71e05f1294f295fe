//! Typed errors. Every error names the input file and, where it applies, the page.

use std::fmt;

/// What went wrong with one input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The file could not be read from disk.
    #[error("cannot read file: {0}")]
    Io(String),
    /// The file is empty.
    #[error("empty file")]
    Empty,
    /// The file's name does not end in `.pdf` or `.txt` and its bytes are neither.
    #[error("unsupported input: not a PDF and not text")]
    Unsupported,
    /// The bytes do not start like a PDF and cannot be read as one.
    #[error("not a PDF file")]
    NotPdf,
    /// The PDF is damaged beyond what recovery can read.
    #[error("unreadable PDF ({0})")]
    BrokenPdf(String),
    /// The PDF needs a user password that was not given or is wrong.
    #[error("encrypted PDF: a user password is required (use --password)")]
    PasswordRequired,
    /// The PDF has no pages.
    #[error("PDF has no pages")]
    NoPages,
    /// The PDF has more pages than the configured limit.
    #[error("PDF has {0} pages, more than the limit of {1}")]
    TooManyPages(usize, usize),
    /// A page's content would decompress past the configured limit.
    #[error("content stream larger than the decompression limit")]
    DecompressionLimit,
    /// No page carries text. With images drawn, the document is most
    /// likely scanned and needs OCR first.
    #[error("no text layer{}", scanned_hint(*images))]
    NoTextLayer {
        /// Images drawn on the pages.
        images: usize,
    },
    /// Most of the text's character codes map to no Unicode (fonts without
    /// a `ToUnicode` table or a known encoding), so no table can be read.
    #[error(
        "text cannot be decoded: {unmapped} of {codes} character codes have no Unicode mapping (fonts without ToUnicode)"
    )]
    UndecodableText {
        /// Codes no font table could map.
        unmapped: usize,
        /// Codes drawn in all.
        codes: usize,
    },
    /// Text was found but no table with register headers.
    #[error("no register table found")]
    NoRegisterTable,
    /// A text input holds binary data.
    #[error("binary data in a text input")]
    BinaryText,
    /// A text input is in an encoding that cannot be decoded reliably.
    #[error("text encoding not recognised ({0})")]
    TextEncoding(String),
    /// A flowed text too large to segment within bounded time and memory.
    #[error("flowed text too large to segment: {lines} lines × {columns} columns, more than the limit of {limit}")]
    FlowedTextTooLarge {
        /// Lines of the table's body.
        lines: usize,
        /// Columns of its header.
        columns: usize,
        /// Most lines × columns segmented.
        limit: usize,
    },
    /// A flowed text of more lines than are read (none is dropped silently).
    #[error("flowed text too long: {lines} lines, more than the limit of {limit}")]
    FlowedTextTooLong {
        /// Lines of the text.
        lines: usize,
        /// Most lines read.
        limit: usize,
    },
    /// An internal bug caught at the batch boundary instead of aborting the run.
    #[error("internal error: {0}")]
    Internal(String),
}

/// What the images of a page without text suggest.
fn scanned_hint(images: usize) -> String {
    match images {
        0 => String::new(),
        1 => " (one image drawn: scanned document?)".to_string(),
        n => format!(" ({n} images drawn: scanned document?)"),
    }
}

/// An error about one input, with the file and page it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The input's file name as given (no directory when it came from a walk).
    pub file: String,
    /// The 1-based page the error concerns, when it concerns one.
    pub page: Option<u32>,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl Error {
    /// An error about a whole file.
    pub fn file(file: impl Into<String>, kind: ErrorKind) -> Error {
        Error { file: file.into(), page: None, kind }
    }

    /// An error about one page of a file.
    pub fn page(file: impl Into<String>, page: u32, kind: ErrorKind) -> Error {
        Error { file: file.into(), page: Some(page), kind }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.page {
            Some(page) => write!(f, "{}: page {}: {}", self.file, page, self.kind),
            None => write!(f, "{}: {}", self.file, self.kind),
        }
    }
}

impl std::error::Error for Error {}

/// Result of one pipeline stage.
pub type Result<T> = std::result::Result<T, Error>;
