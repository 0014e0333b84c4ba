//! `brag man`: one manual page for brag and all its commands, from the clap definition.
//!
//! clap_mangen renders the page's title, description and options; the COMMANDS section is
//! ours, because clap_mangen's points at a `brag-init(1)` page per command, and brag ships
//! one page.

use std::io::{self, Write};

use clap::{Arg, Command};
use roff::{Inline, Roff, bold, italic, roman};

/// Writes the manual page for `cmd` (brag's whole command line).
pub fn render(cmd: Command, w: &mut dyn Write) -> io::Result<()> {
    let mut cmd = cmd.bin_name("brag");
    // Built, the arguments know how many values they take.
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(w)?;
    man.render_name_section(w)?;
    let mut page = Roff::new();
    page.control("SH", ["SYNOPSIS"]);
    page.text(synopsis("brag", &cmd, "<COMMAND> [ARGS]"));
    page.to_writer(w)?;
    man.render_description_section(w)?;
    man.render_options_section(w)?;

    let mut page = Roff::new();
    page.control("SH", ["COMMANDS"]);
    for sub in visible_subcommands(&cmd) {
        command_section(&mut page, &format!("brag {}", sub.get_name()), sub);
    }
    page.control("SH", ["ENVIRONMENT"]);
    for (name, what) in ENVIRONMENT {
        page.control("TP", []);
        page.text([bold(*name)]);
        page.text([roman(*what)]);
    }
    page.control("SH", ["FILES"]);
    for (name, what) in FILES {
        page.control("TP", []);
        page.text([italic(*name)]);
        page.text([roman(*what)]);
    }
    page.to_writer(w)?;
    man.render_version_section(w)
}

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "BRAG_VAULT",
        "The vault directory, when --vault is not given (an empty value counts as unset).",
    ),
    (
        "VISUAL, EDITOR",
        "The editor that brag new and brag edit run (default: vi).",
    ),
    ("NO_COLOR", "Set to anything to turn colour off."),
    (
        "BRAG_NOW",
        "A date (YYYY-MM-DD) to take as today, for reproducible runs.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "~/.local/share/brag/",
        "The default vault ($XDG_DATA_HOME/brag). One Markdown file per entry, in YYYY/ directories.",
    ),
    (
        "VAULT/brag.toml",
        "The vault's settings: frameworks, identity, importer names.",
    ),
    (
        "VAULT/.brag/",
        "brag's own state: the index (a cache, rebuilt when missing), the writers' lock, and trash/ with what brag rm removed.",
    ),
];

/// Adds one command (and, for `brag harvest`, each of its sources) to the page.
fn command_section(page: &mut Roff, path: &str, cmd: &Command) {
    let subs = visible_subcommands(cmd);
    if !subs.is_empty() {
        for sub in subs {
            command_section(page, &format!("{path} {}", sub.get_name()), sub);
        }
        return;
    }
    page.control("SS", [path]);
    page.text(synopsis(path, cmd, ""));
    if let Some(about) = cmd.get_long_about().or_else(|| cmd.get_about()) {
        for para in about.to_string().split("\n\n") {
            page.control("PP", []);
            if para.lines().any(|l| l.starts_with("  ")) {
                // A table or examples: the lines as they are.
                page.control("nf", []);
                page.text([roman(para)]);
                page.control("fi", []);
            } else {
                page.text([roman(para.replace('\n', " "))]);
            }
        }
    }
    if let Some(after) = cmd.get_after_help() {
        page.control("PP", []);
        page.control("nf", []);
        page.text([roman(after.to_string())]);
        page.control("fi", []);
    }
    for arg in cmd.get_arguments().filter(|a| shown(a)) {
        page.control("TP", []);
        page.text(arg_heading(arg));
        if let Some(help) = arg.get_long_help().or_else(|| arg.get_help()) {
            page.text([roman(help.to_string())]);
        }
    }
}

fn visible_subcommands(cmd: &Command) -> Vec<&Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .collect()
}

/// Returns true for the arguments a command's own section lists: not hidden, not
/// `--help`/`--version`, and not the global `--vault`, which OPTIONS lists once.
fn shown(arg: &Arg) -> bool {
    !arg.is_hide_set()
        && !arg.is_global_set()
        && !matches!(arg.get_id().as_str(), "help" | "version")
}

/// Returns the synopsis line: `brag add [-d|--date <DATE>] ... <TEXT>...`.
fn synopsis(path: &str, cmd: &Command, tail: &str) -> Vec<Inline> {
    let mut line = vec![bold(path)];
    let args: Vec<&Arg> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !matches!(a.get_id().as_str(), "help" | "version"))
        .filter(|a| path == "brag" || !a.is_global_set())
        .collect();
    for arg in args.iter().filter(|a| !a.is_positional()) {
        line.push(roman(" ["));
        let mut names = Vec::new();
        if let Some(s) = arg.get_short() {
            names.push(format!("-{s}"));
        }
        if let Some(l) = arg.get_long() {
            names.push(format!("--{l}"));
        }
        line.push(bold(names.join("|")));
        if takes_value(arg) {
            line.push(roman(" "));
            line.push(italic(value_name(arg)));
        }
        line.push(roman("]"));
    }
    for arg in args.iter().filter(|a| a.is_positional()) {
        let many = if arg.get_num_args().is_some_and(|r| r.max_values() > 1) {
            "..."
        } else {
            ""
        };
        let name = value_name(arg);
        line.push(roman(" "));
        if arg.is_required_set() {
            line.push(italic(format!("{name}{many}")));
        } else {
            let bare = name.trim_start_matches('<').trim_end_matches('>');
            line.push(italic(format!("[{bare}]{many}")));
        }
    }
    if !tail.is_empty() {
        line.push(roman(" "));
        line.push(italic(tail));
    }
    line
}

fn arg_heading(arg: &Arg) -> Vec<Inline> {
    let mut out = Vec::new();
    if arg.is_positional() {
        out.push(italic(value_name(arg)));
        return out;
    }
    if let Some(s) = arg.get_short() {
        out.push(bold(format!("-{s}")));
        out.push(roman(", "));
    }
    if let Some(l) = arg.get_long() {
        out.push(bold(format!("--{l}")));
    }
    if takes_value(arg) {
        out.push(roman(" "));
        out.push(italic(value_name(arg)));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && takes_value(arg) {
        out.push(roman(format!(" [default: {}]", defaults.join(", "))));
    }
    out
}

fn takes_value(arg: &Arg) -> bool {
    arg.get_num_args().is_some_and(|r| r.takes_values())
}

fn value_name(arg: &Arg) -> String {
    match arg.get_value_names() {
        Some(names) if !names.is_empty() => format!("<{}>", names[0]),
        _ => format!("<{}>", arg.get_id().as_str().to_uppercase()),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    #[test]
    fn man_page_has_every_command_and_no_missing_pages() {
        let mut buf = Vec::new();
        super::render(crate::cli::Cli::command(), &mut buf).expect("render");
        let page = String::from_utf8(buf).expect("utf-8");
        assert!(!page.contains("(1)"), "refers to other pages:\n{page}");
        for cmd in [
            "brag init",
            "brag add",
            "brag harvest git",
            "brag doctor",
            "brag man",
        ] {
            assert!(
                page.contains(&format!(".SS \"{cmd}\"")) || page.contains(&format!(".SS {cmd}")),
                "no section for {cmd}:\n{page}"
            );
        }
        assert!(
            page.contains("\\fI[DIR]\\fR") || page.contains("\\fI<DIR>\\fR"),
            "{page}"
        );
        assert!(
            page.contains("\\-\\-vault\\fR \\fI<DIR>"),
            "synopsis lacks <DIR>:\n{page}"
        );
    }
}
