//! End-to-end tests of the `brag` binary: one test binary, one module per command.
//!
//! Each test runs the real binary in a hermetic [`common::TestEnv`] (temp HOME, XDG dirs
//! and vault, `BRAG_NOW=2026-11-25`, `NO_COLOR=1`). These prove the wiring; the rules
//! themselves are unit-tested next to their code.

mod common;

mod add;
mod ask;
mod browser;
mod coach;
mod colour;
mod dates;
mod doctor;
mod edit;
mod harvest;
mod import;
mod import_data;
mod init;
mod list;
mod mcp;
mod messages;
mod misc;
mod new;
mod reindex;
mod remind;
mod report;
mod rm;
mod safety;
mod search;
mod show;
mod snapshots;
mod sync;
mod web;
