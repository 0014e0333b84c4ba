//! The typst world a report is compiled in: the standard library, the embedded fonts, the
//! templates as sources, and one data file. Nothing is read from disk or the network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::PdfError;

/// The path of the template typst starts from.
const MAIN: &str = "main.typ";

/// The template typst starts from: it reads the data and picks the report's template.
pub(crate) const MAIN_TEMPLATE: &str = include_str!("../templates/main.typ");

/// The path of the report's data, as the templates read it.
const DATA: &str = "data.json";

/// The templates, by the path they are imported under.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("common.typ", include_str!("../templates/common.typ")),
    ("doc.typ", include_str!("../templates/doc.typ")),
    ("review.typ", include_str!("../templates/review.typ")),
    ("week.typ", include_str!("../templates/week.typ")),
    ("resume.typ", include_str!("../templates/resume.typ")),
    ("interview.typ", include_str!("../templates/interview.typ")),
];

/// What every compilation shares: built once per process, since the library and the font
/// book take longer to make than a small report takes to lay out.
struct Base {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static BASE: LazyLock<Base> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Base {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// One compilation: the main source, the templates it imports, and the data file.
struct ReportWorld {
    main: Source,
    sources: Vec<Source>,
    data: (FileId, Bytes),
}

/// Returns the file id of a path at the project root.
fn project_file(path: &str) -> Result<FileId, PdfError> {
    let vpath = VirtualPath::new(path).map_err(|e| PdfError::Layout(format!("{path}: {e}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl ReportWorld {
    fn new(main: &str, templates: &[(&str, &str)], data: Vec<u8>) -> Result<ReportWorld, PdfError> {
        let main = Source::new(project_file(MAIN)?, main.to_owned());
        let sources = templates
            .iter()
            .map(|(path, text)| Ok(Source::new(project_file(path)?, (*text).to_owned())))
            .collect::<Result<Vec<_>, PdfError>>()?;
        Ok(ReportWorld {
            main,
            sources,
            data: (project_file(DATA)?, Bytes::new(data)),
        })
    }

    /// Returns the error for a file this world does not have; a package is never fetched.
    fn missing(id: FileId) -> FileError {
        match id.root() {
            VirtualRoot::Package(spec) => FileError::Package(PackageError::NotFound(spec.clone())),
            VirtualRoot::Project => FileError::NotFound(id.vpath().get_with_slash().into()),
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &BASE.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &BASE.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        std::iter::once(&self.main)
            .chain(&self.sources)
            .find(|s| s.id() == id)
            .cloned()
            .ok_or_else(|| Self::missing(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data.0 {
            return Ok(self.data.1.clone());
        }
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        BASE.fonts.get(index).cloned()
    }

    /// Returns nothing: a report carries its own date, so typst's `datetime.today()` is an
    /// error rather than a second clock.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Returns the PDF of the typst source `main`, compiled with `data` as `data.json` and
/// the templates beside it.
pub(crate) fn compile(main: &str, data: Vec<u8>) -> Result<Vec<u8>, PdfError> {
    export(&lay_out(main, TEMPLATES, data)?)
}

/// Returns the laid-out document of `main` with these templates beside it.
pub(crate) fn lay_out(
    main: &str,
    templates: &[(&str, &str)],
    data: Vec<u8>,
) -> Result<PagedDocument, PdfError> {
    let world = ReportWorld::new(main, templates, data)?;
    typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| PdfError::Layout(describe(&errors)))
}

/// Returns a laid-out document as PDF.
pub(crate) fn export(document: &PagedDocument) -> Result<Vec<u8>, PdfError> {
    typst_pdf::pdf(document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| PdfError::Export(describe(&errors)))
}

/// Returns typst's errors as one line each, with their hints.
fn describe(errors: &[SourceDiagnostic]) -> String {
    let mut out = Vec::new();
    for e in errors {
        out.push(e.message.to_string());
        out.extend(e.hints.iter().map(|h| format!("hint: {}", h.v)));
    }
    out.join("; ")
}
