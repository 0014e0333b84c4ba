//! Bringing documents in: reading and checking them (size, encoding, NUL), detecting their
//! format, planning what they give (a dry run) and writing it, with re-import keys so the
//! same document twice adds nothing.

use std::io::Read as _;
use std::path::Path;

use brag_core::entry::Entry;
use brag_core::framework::{self, Catalogue};
use brag_core::import::{self, Format, IMPORT_KEY, Import, Imported, SectionNames, Warning};
use jiff::civil::Date;
use serde::Serialize;

use crate::{App, AppError};

/// Returns a document read as text, with the name it is shown under.
#[derive(Clone, Debug)]
pub struct Document {
    /// The path as given, or `<stdin>`.
    pub name: String,
    /// Its text (a UTF-8 byte-order mark dropped).
    pub text: String,
    /// The day its file's name gives, for a document of a folder (`2024-05-02.md`): the
    /// date of its entries that have none of their own.
    pub day: Option<Date>,
}

/// The extensions of the files `brag import DIR` reads, any case; other files are passed
/// over and named.
pub const DOCUMENT_EXTENSIONS: [&str; 9] = [
    "md", "markdown", "txt", "text", "org", "rst", "json", "csv", "log",
];

/// Returns the documents of a folder: every file with a document's extension in it and in
/// its folders, in name order (paths compared as text), and the files passed over, each
/// with why. Hidden files and folders (`.git`, `.obsidian`) and symbolic links are passed
/// over. A document that cannot be read is an error, and nothing is read further; so is a
/// folder without documents.
pub fn read_folder(dir: &Path) -> Result<(Vec<Document>, Vec<String>), AppError> {
    let mut files = Vec::new();
    let mut passed = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let name = d.display().to_string();
        let listing =
            std::fs::read_dir(&d).map_err(|e| doc_error(&name, None, e.to_string(), None))?;
        for item in listing {
            let item = item.map_err(|e| doc_error(&name, None, e.to_string(), None))?;
            let path = item.path();
            let file_name = item.file_name();
            let hidden = file_name.to_string_lossy().starts_with('.');
            let kind = item
                .file_type()
                .map_err(|e| doc_error(&path.display().to_string(), None, e.to_string(), None))?;
            if hidden {
                continue;
            }
            if kind.is_symlink() {
                passed.push(format!("{}: a symbolic link", path.display()));
            } else if kind.is_dir() {
                pending.push(path);
            } else if is_document_name(&path) {
                files.push(path);
            } else {
                passed.push(format!(
                    "{}: not a document brag imports (.{})",
                    path.display(),
                    DOCUMENT_EXTENSIONS.join(", .")
                ));
            }
        }
    }
    if files.is_empty() {
        return Err(doc_error(
            &dir.display().to_string(),
            None,
            format!(
                "the folder holds no document (.{})",
                DOCUMENT_EXTENSIONS.join(", .")
            ),
            None,
        ));
    }
    files.sort();
    passed.sort();
    let docs = files
        .iter()
        .map(|path| {
            let mut doc = Document::read(path)?;
            doc.day = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(brag_core::date::date_in_file_name);
            Ok(doc)
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok((docs, passed))
}

/// Returns true for a file name with one of [`DOCUMENT_EXTENSIONS`].
fn is_document_name(path: &Path) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
        DOCUMENT_EXTENSIONS
            .iter()
            .any(|d| x.eq_ignore_ascii_case(d))
    })
}

impl Document {
    /// Returns the document at `path` (`-` reads standard input), refusing what is not
    /// UTF-8 text within [`import::MAX_BYTES`]: a directory, a file too big, UTF-16, a
    /// binary file, bytes that are not UTF-8.
    pub fn read(path: &Path) -> Result<Document, AppError> {
        if path == Path::new("-") {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(import::MAX_BYTES as u64 + 1)
                .read_to_end(&mut buf)
                .map_err(|e| doc_error("<stdin>", None, e.to_string(), None))?;
            return Document::from_bytes("<stdin>".to_owned(), buf);
        }
        let name = path.display().to_string();
        let meta =
            std::fs::metadata(path).map_err(|e| doc_error(&name, None, e.to_string(), None))?;
        if meta.is_dir() {
            return Err(doc_error(
                &name,
                None,
                "is a directory, not a document",
                None,
            ));
        }
        if meta.len() > import::MAX_BYTES as u64 {
            return Err(too_big(&name, meta.len()));
        }
        let bytes = std::fs::read(path).map_err(|e| doc_error(&name, None, e.to_string(), None))?;
        Document::from_bytes(name, bytes)
    }

    /// Returns a document from its bytes, with the same checks as [`Document::read`].
    pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Document, AppError> {
        if bytes.len() > import::MAX_BYTES {
            return Err(too_big(&name, bytes.len() as u64));
        }
        let bytes = match bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
            Some(b) => b.to_vec(),
            None => bytes,
        };
        if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
            let hint = format!("convert it first: iconv -f UTF-16 -t UTF-8 {name} > converted.txt");
            return Err(doc_error(
                &name,
                None,
                "the file is UTF-16 text",
                Some(hint),
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document {
                name,
                text,
                day: None,
            }),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                if bytes[..pos.min(bytes.len())].contains(&0)
                    || bytes.iter().take(8192).any(|b| *b == 0)
                {
                    return Err(doc_error(
                        &name,
                        None,
                        "this looks like a binary file, not a text document",
                        None,
                    ));
                }
                let line = bytes[..pos].iter().filter(|b| **b == b'\n').count() + 1;
                let hint = format!(
                    "if it is Latin-1, convert it: iconv -f latin1 -t utf-8 {name} > converted.txt"
                );
                Err(doc_error(
                    &name,
                    Some(line),
                    "not valid UTF-8 text",
                    Some(hint),
                ))
            }
        }
    }
}

/// Returns how to read documents: the format (guessed per document when `None`) and the
/// stand-in date for entries whose source gives none.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions {
    /// The format every document is in; guessed from each one's content when `None`.
    pub format: Option<Format>,
    /// The date for entries whose source has none (they stay `undated`).
    pub date: Option<Date>,
}

impl ImportOptions {
    /// Returns the options from a format name (`auto` or empty for a guess) and a date
    /// phrase, checked as of `today`.
    pub fn parse(format: &str, date: Option<&str>, today: Date) -> Result<ImportOptions, AppError> {
        let format = match format.trim() {
            "" | "auto" => None,
            f => Some(
                f.parse::<Format>()
                    .map_err(|e| AppError::invalid("format", e))?,
            ),
        };
        let date = date
            .map(|d| crate::add::parse_day("date", d, today))
            .transpose()?;
        Ok(ImportOptions { format, date })
    }
}

/// Returns what importers need from the vault: its frameworks and section names, and
/// today; [`ImportContext::standalone`] serves a dry run without a vault.
#[derive(Clone, Debug)]
pub struct ImportContext {
    catalogue: Catalogue,
    sections: SectionNames,
    today: Date,
    /// Problems with the `[import.sections]` of `brag.toml`, to tell the user.
    pub config_warnings: Vec<String>,
}

impl ImportContext {
    /// Returns the context without a vault: the default framework, the built-in names.
    pub fn standalone(today: Date) -> ImportContext {
        ImportContext {
            catalogue: Catalogue::new(
                framework::builtin()
                    .iter()
                    .filter(|f| f.id == "amazon-lp")
                    .cloned()
                    .collect(),
            ),
            sections: SectionNames::default(),
            today,
            config_warnings: Vec::new(),
        }
    }

    /// Returns what each document gives, read in full before anything is written: a
    /// document that cannot be imported is an error and nothing is planned.
    pub fn plan(
        &self,
        docs: Vec<Document>,
        opts: &ImportOptions,
    ) -> Result<Vec<Planned>, AppError> {
        let o = import::Options {
            catalogue: &self.catalogue,
            sections: &self.sections,
            date: opts.date,
            today: self.today,
        };
        docs.into_iter()
            .map(|doc| {
                let format = opts
                    .format
                    .unwrap_or_else(|| import::detect_file(&doc.name, &doc.text));
                let mut import = import::import(&doc.text, format, &o)
                    .map_err(|e| doc_error(&doc.name, e.line, e.message, None))?;
                // A daily file's name is its entries' date, where they give none.
                if let Some(day) = doc.day {
                    for e in import.entries.iter_mut().map(|i| &mut i.entry) {
                        if e.undated {
                            e.date = Some(day);
                            e.undated = false;
                        }
                    }
                }
                Ok(Planned {
                    file: doc.name,
                    import,
                })
            })
            .collect()
    }
}

/// Returns what one document gives: `brag import --dry-run --json`.
#[derive(Clone, Debug, Serialize)]
pub struct Planned {
    /// The document's name.
    pub file: String,
    /// Its format, entries (each with `source_lines`) and warnings.
    #[serde(flatten)]
    pub import: Import,
}

/// Returns what importing one document wrote.
#[derive(Debug, Serialize)]
pub struct ImportOutcome {
    /// The document's name.
    pub file: String,
    /// The format it was read as.
    pub format: Format,
    /// The entries written, with their ids and paths.
    pub added: Vec<Entry>,
    /// Entries skipped because the vault has them from an earlier import.
    pub present: usize,
    /// Lines left out and values not understood.
    pub warnings: Vec<Warning>,
    /// Why the index lags behind the files written, if it does.
    #[serde(skip)]
    pub stale_index: Option<AppError>,
}

/// Returns what an import of entries wrote.
#[derive(Debug, Default)]
pub struct ImportSummary {
    /// The entries written, with their ids and paths.
    pub added: Vec<Entry>,
    /// Entries skipped because the vault has them from an earlier import.
    pub present: usize,
    /// Why the index lags behind the files written, if it does.
    pub stale_index: Option<AppError>,
}

impl App {
    /// Returns the vault's import context: its frameworks, its `[import.sections]`.
    pub fn import_context(&self) -> Result<ImportContext, AppError> {
        let config = self.config()?;
        let (sections, unknown) = SectionNames::new(&config.import.sections);
        Ok(ImportContext {
            catalogue: self.catalogue()?,
            sections,
            today: self.today(),
            config_warnings: unknown
                .into_iter()
                .map(|u| {
                    format!(
                        "brag.toml: [import.sections] `{u}` is not a section (Situation, Task, Action, Result, Metrics, Lessons, Notes)"
                    )
                })
                .collect(),
        })
    }

    /// Writes what planned documents give, one document after another.
    pub fn import_planned(&self, planned: Vec<Planned>) -> Result<Vec<ImportOutcome>, AppError> {
        let mut out = Vec::with_capacity(planned.len());
        for p in planned {
            let summary = self.import(p.import.entries)?;
            out.push(ImportOutcome {
                file: p.file,
                format: p.import.format,
                added: summary.added,
                present: summary.present,
                warnings: p.import.warnings,
                stale_index: summary.stale_index,
            });
        }
        Ok(out)
    }

    /// Writes imported entries, skipping those whose import key the vault has already;
    /// the index is brought up to date first.
    pub fn import(&self, imported: Vec<Imported>) -> Result<ImportSummary, AppError> {
        self.refresh()?;
        let _lock = self.vault().lock()?;
        let catalogue = self.catalogue()?;
        let mut known = self.conn()?.label_values(IMPORT_KEY)?;
        let mut present = 0;
        let mut fresh = Vec::new();
        for item in imported {
            if let Some(serde_json::Value::String(k)) = item.entry.extra.get(IMPORT_KEY)
                && !known.insert(k.clone())
            {
                present += 1;
                continue;
            }
            fresh.push(item.entry);
        }
        let name_of = |id: &str| catalogue.display_name(id);
        let written = self.write_entries(fresh, &name_of)?;
        Ok(ImportSummary {
            added: written.value,
            present,
            stale_index: written.stale_index,
        })
    }
}

fn doc_error(
    name: &str,
    line: Option<usize>,
    message: impl Into<String>,
    hint: Option<String>,
) -> AppError {
    AppError::Document {
        name: name.to_owned(),
        line,
        message: message.into(),
        hint,
    }
}

fn too_big(name: &str, len: u64) -> AppError {
    doc_error(
        name,
        None,
        format!(
            "the file is {} MB; brag imports documents up to {} MB",
            len >> 20,
            import::MAX_BYTES >> 20
        ),
        Some("split it into smaller documents and import them one by one".to_owned()),
    )
}
